using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.Governance;

public static class GovernanceErrorCodes
{
    public const string SeatOccupied = "Governance:SeatOccupied";
    public const string SeatVacant = "Governance:SeatVacant";
    public const string AlreadySeated = "Governance:AlreadySeated";
    public const string InvalidTerm = "Governance:InvalidTerm";
    public const string UnknownUser = "Governance:UnknownUser";
    public const string IllegalTransition = "Governance:IllegalTransition";
    public const string InputClosed = "Governance:InputClosed";
    public const string PublicInputNotAllowed = "Governance:PublicInputNotAllowed";
    public const string VotingNotOpen = "Governance:VotingNotOpen";
    public const string VotingClosed = "Governance:VotingClosed";
    public const string NotEligible = "Governance:NotEligibleToVote";
    public const string InvalidBallot = "Governance:InvalidBallot";
    public const string CouncilNotCompliant = "Governance:CouncilNotCompliant";
    public const string NoEligibleVoters = "Governance:NoEligibleVoters";
    public const string TallyNotAvailable = "Governance:TallyNotAvailable";
    public const string InputsNotAnswered = "Governance:InputsNotAnswered";
    public const string SecretBallot = "Governance:SecretBallot";
    public const string RecusalTooLate = "Governance:RecusalTooLate";
    public const string PublicInputLimitReached = "Governance:PublicInputLimitReached";
    public const string OnlyPublicInputIsSpam = "Governance:OnlyPublicInputIsSpam";
    public const string ConfirmationLinkInvalid = "Governance:ConfirmationLinkInvalid";
    public const string TooManyRequests = "Governance:TooManyRequests";

    internal static ErrorMessageResource Messages() => new()
    {
        [SeatOccupied] = ("Someone already holds this seat for part of that term. End the current term first.", "Alguien ya ocupa este puesto durante parte de ese período. Termine primero el período actual."),
        [SeatVacant] = ("This seat has no current holder.", "Este puesto no tiene titular actual."),
        [AlreadySeated] = ("This person already holds another seat on this council for part of that term.", "Esta persona ya ocupa otro puesto en este consejo durante parte de ese período."),
        [InvalidTerm] = ("The term must end after it starts.", "El período debe terminar después de comenzar."),
        [UnknownUser] = ("There is no such person in this partnership.", "No existe esa persona en esta alianza."),
        [IllegalTransition] = ("A decision in the '{state}' state cannot be {action}.", "No se puede {action} una decisión en estado '{state}'."),
        [InputClosed] = ("This decision is not taking input now.", "Esta decisión no está recibiendo aportes ahora."),
        [PublicInputNotAllowed] = ("This decision does not take input from the public.", "Esta decisión no recibe aportes del público."),
        [VotingNotOpen] = ("Voting on this decision has not opened.", "La votación de esta decisión no ha comenzado."),
        [VotingClosed] = ("Voting on this decision has closed; votes can no longer be cast or changed.", "La votación de esta decisión terminó; ya no se pueden emitir ni cambiar votos."),
        [NotEligible] = ("You are not an eligible voter on this decision.", "Usted no es votante habilitado en esta decisión."),
        [InvalidBallot] = ("The ballot does not fit this decision's voting method.", "La boleta no corresponde al método de votación de esta decisión."),
        [CouncilNotCompliant] = ("The council does not meet its composition rules, and it requires that before a vote can open.", "El consejo no cumple sus reglas de composición y lo exige antes de abrir una votación."),
        [NoEligibleVoters] = ("Nobody holds a voting seat on this council today, so voting cannot open.", "Nadie ocupa hoy un puesto con voto en este consejo, por lo que la votación no puede abrirse."),
        [TallyNotAvailable] = ("The tally is available once voting has closed.", "El recuento está disponible cuando termina la votación."),
        [InputsNotAnswered] = ("Every piece of input needs an answer: say how it was used and why.", "Cada aporte necesita una respuesta: diga cómo se usó y por qué."),
        [SecretBallot] = ("This is a secret ballot: who voted for what is never shown.", "Esta es una votación secreta: nunca se muestra quién votó qué."),
        [RecusalTooLate] = ("Recusals are recorded before voting opens.", "Las recusaciones se registran antes de que se abra la votación."),
        [PublicInputLimitReached] = ("This decision has received as much public input as it can take. Thank you for your interest.", "Esta decisión ya recibió todos los aportes del público que puede recibir. Gracias por su interés."),
        [OnlyPublicInputIsSpam] = ("Only input from the public link can be marked as spam; a member's input is always answered.", "Solo los aportes del enlace público se pueden marcar como spam; los aportes de los miembros siempre se responden."),
        [ConfirmationLinkInvalid] = ("This confirmation link is not valid or was already used.", "Este enlace de confirmación no es válido o ya se usó."),
        [TooManyRequests] = ("Too many requests from your connection. Wait a minute and try again.", "Demasiadas solicitudes desde su conexión. Espere un minuto e intente de nuevo."),
    };
}
