using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Governance.Domain;

namespace EngagementPlatform.Governance;

/// <summary>
/// Governance's words and sentences other than error messages: the enum values and actions that appear inside
/// messages, and the composition panel's summaries. The web app shows the same enum values with the same words.
/// </summary>
internal static class GovernanceTexts
{
    public const string VotingClosedState = "Governance:State.VotingClosed";
    public const string ComplianceNotInEffect = "Governance:Compliance.NotInEffect";
    public const string ComplianceMet = "Governance:Compliance.Met";
    public const string ComplianceNeedsChair = "Governance:Compliance.NeedsChair";
    public const string ComplianceNeedsOne = "Governance:Compliance.NeedsOne";
    public const string ComplianceNeedsMany = "Governance:Compliance.NeedsMany";
    public const string ListSeparator = "Governance:ListSeparator";
    public const string PublicEmailReason = "Governance:Email.PublicInputReason";
    public const string DeadlinePassed = "Governance:Field.DeadlinePassed";
    public const string InputsWithoutAnswer = "Governance:Field.InputsWithoutAnswer";
    public const string TermStartRequired = "Governance:Field.TermStartRequired";
    public const string ShareRuleNeedsShare = "Governance:Field.ShareRuleNeedsShare";
    public const string SeatRuleNeedsSeats = "Governance:Field.SeatRuleNeedsSeats";
    public const string PhaseShare = "Governance:Field.PhaseShare";
    public const string MeetingStartRequired = "Governance:Field.MeetingStartRequired";
    public const string InterpreterLanguageRequired = "Governance:Field.InterpreterLanguageRequired";
    public const string YesNoHasNoOptions = "Governance:Field.YesNoHasNoOptions";
    public const string OptionCount = "Governance:Field.OptionCount";
    public const string OptionsUnique = "Governance:Field.OptionsUnique";
    public const string RankedChoiceThreshold = "Governance:Field.RankedChoiceThreshold";
    public const string ChoiceCount = "Governance:Field.ChoiceCount";
    public const string RankingCount = "Governance:Field.RankingCount";
    public const string BallotYesNo = "Governance:Field.BallotYesNo";
    public const string BallotApprovalRequired = "Governance:Field.BallotApprovalRequired";
    public const string BallotRankingRequired = "Governance:Field.BallotRankingRequired";
    public const string BallotRankOnce = "Governance:Field.BallotRankOnce";
    public const string BallotUnknownOption = "Governance:Field.BallotUnknownOption";
    public const string InputAnsweredOnce = "Governance:Field.InputAnsweredOnce";
    public const string RaceEthnicityChoices = "Governance:Field.RaceEthnicityChoices";

    public static LocalizationResource Create() => new LocalizationResource
        {
            [VotingClosedState] = ("Voting closed", "Votación cerrada"),
            [LocalizableWord.Action(Actions.OpenInput).Key] = ("opened for input", "abrir a aportes"),
            [LocalizableWord.Action(Actions.OpenVoting).Key] = ("opened for voting", "abrir a votación"),
            [LocalizableWord.Action(Actions.CloseVoting).Key] = ("closed for voting", "cerrar la votación de"),
            [LocalizableWord.Action(Actions.Record).Key] = ("recorded", "registrar el resultado de"),
            [LocalizableWord.Action(Actions.Implement).Key] = ("marked implemented", "marcar como implementada"),
            [LocalizableWord.Action(Actions.Close).Key] = ("closed", "cerrar"),
            [LocalizableWord.Action(Actions.Withdraw).Key] = ("withdrawn", "retirar"),
            [ComplianceNotInEffect] = ("This rule is not yet in effect on this date.", "Esta regla aún no está vigente en esta fecha."),
            [ComplianceMet] = ("Met.", "Cumple."),
            [ComplianceNeedsChair] = ("Needs a chair or co-chair from: {categories}.", "Falta una presidencia o copresidencia de: {categories}."),
            [ComplianceNeedsOne] = ("Needs 1 more seat held by: {categories}.", "Falta 1 puesto más ocupado por: {categories}."),
            [ComplianceNeedsMany] = ("Needs {count} more seats held by: {categories}.", "Faltan {count} puestos más ocupados por: {categories}."),
            [ListSeparator] = (" or ", " o "),
            [PublicEmailReason] = (
                "someone gave this address with their input and asked to hear back. Without confirmation we will not write again.",
                "alguien dio esta dirección al enviar un aporte y pidió recibir noticias. Sin confirmación no le escribiremos más."),
            [DeadlinePassed] = ("The voting deadline has already passed; set a later one first.", "El plazo de votación ya pasó; fije primero uno posterior."),
            [InputsWithoutAnswer] = ("These inputs have no answer yet: {inputs}.", "Estos aportes aún no tienen respuesta: {inputs}."),
            [TermStartRequired] = ("Give the date the term starts.", "Indique la fecha en que comienza el período."),
            [ShareRuleNeedsShare] = ("A share rule needs a minimum share (0 to 1) or phases.", "Una regla de proporción necesita una proporción mínima (de 0 a 1) o fases."),
            [SeatRuleNeedsSeats] = ("A seat-count rule needs a minimum number of seats.", "Una regla de número de puestos necesita un número mínimo de puestos."),
            [PhaseShare] = ("Each phase's share is between 0 and 1.", "La proporción de cada fase está entre 0 y 1."),
            [MeetingStartRequired] = ("Say when the meeting starts.", "Indique cuándo comienza la reunión."),
            [InterpreterLanguageRequired] = ("Say which language needs interpreting.", "Indique qué idioma necesita interpretación."),
            [YesNoHasNoOptions] = ("A yes/no decision has no options: the choices are Yes, No and Abstain.", "Una decisión de sí o no no lleva opciones: las respuestas son Sí, No y Abstención."),
            [OptionCount] = ("Give between 2 and 50 options.", "Indique entre 2 y 50 opciones."),
            [OptionsUnique] = ("Option titles must be unique.", "Los títulos de las opciones no se pueden repetir."),
            [RankedChoiceThreshold] = ("Ranked choice elects by a majority of the ballots still counting; use the simple majority threshold.", "El voto por orden de preferencia elige por mayoría de las boletas que siguen contando; use el umbral de mayoría simple."),
            [ChoiceCount] = ("At most 50 choices.", "Como máximo 50 opciones elegidas."),
            [RankingCount] = ("At most 50 ranked options.", "Como máximo 50 opciones ordenadas."),
            [BallotYesNo] = ("Choose Yes, No or Abstain.", "Elija Sí, No o Abstención."),
            [BallotApprovalRequired] = ("List the options you approve (an empty list abstains).", "Indique las opciones que aprueba (una lista vacía es una abstención)."),
            [BallotRankingRequired] = ("Rank the options, most preferred first (an empty list abstains).", "Ordene las opciones, primero la que más prefiere (una lista vacía es una abstención)."),
            [BallotRankOnce] = ("Rank each option at most once.", "Ordene cada opción una sola vez como máximo."),
            [BallotUnknownOption] = ("'{option}' is not an option of this decision.", "«{option}» no es una opción de esta decisión."),
            [InputAnsweredOnce] = ("Answer each input once.", "Responda cada aporte una sola vez."),
            [RaceEthnicityChoices] = ("Choose at most 8 of: {choices}.", "Elija como máximo 8 de estas opciones: {choices}."),
        }
        .AddEnum(new Dictionary<DecisionState, (string, string)>
        {
            [DecisionState.Draft] = ("Draft", "Borrador"),
            [DecisionState.OpenForInput] = ("Open for input", "Abierta a aportes"),
            [DecisionState.Voting] = ("Voting", "En votación"),
            [DecisionState.Decided] = ("Decided", "Decidida"),
            [DecisionState.Implemented] = ("Implemented", "Implementada"),
            [DecisionState.Closed] = ("Closed", "Cerrada"),
            [DecisionState.Withdrawn] = ("Withdrawn", "Retirada"),
        })
        .AddEnum(new Dictionary<SeatCategory, (string, string)>
        {
            [SeatCategory.CommunityMember] = ("Community member", "Miembro de la comunidad"),
            [SeatCategory.MedicaidMember] = ("Medicaid member", "Beneficiario/a de Medicaid"),
            [SeatCategory.CommunityOrganization] = ("Community organization", "Organización comunitaria"),
            [SeatCategory.AgencyStaff] = ("Agency staff", "Personal de la agencia"),
            [SeatCategory.Provider] = ("Provider", "Proveedor de servicios"),
            [SeatCategory.Other] = ("Other", "Otra"),
        });

    /// <summary>The lifecycle actions a decision can refuse (<c>Action:Name</c> words).</summary>
    public static class Actions
    {
        public const string OpenInput = nameof(OpenInput);
        public const string OpenVoting = nameof(OpenVoting);
        public const string CloseVoting = nameof(CloseVoting);
        public const string Record = nameof(Record);
        public const string Implement = nameof(Implement);
        public const string Close = nameof(Close);
        public const string Withdraw = nameof(Withdraw);
    }
}
