using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.DataSharing;

/// <summary>Data sharing's words and sentences other than error messages, in English and Spanish.</summary>
internal static class DataSharingTexts
{
    public static LocalizationResource Create() => new LocalizationResource
        {
            [LocalizableWord.Action(Actions.Submit).Key] = ("submitted for signature", "enviar a firma"),
            [LocalizableWord.Action(Actions.ReturnToDraft).Key] = ("returned to draft", "devolver a borrador"),
            [LocalizableWord.Action(Actions.Terminate).Key] = ("terminated", "terminar"),
            [LocalizableWord.Action(Actions.Amend).Key] = ("amended", "enmendar"),
            [LocalizableWord.Action(Actions.AttestDestruction).Key] = ("attested as destroyed", "declarar como destruido"),
        }
        .AddEnum(new Dictionary<AgreementState, (string, string)>
        {
            [AgreementState.Draft] = ("a draft", "en borrador"),
            [AgreementState.InReview] = ("in review", "en revisión"),
            [AgreementState.Signed] = ("signed", "firmado"),
            [AgreementState.Active] = ("active", "vigente"),
            [AgreementState.Expired] = ("expired", "vencido"),
            [AgreementState.Terminated] = ("terminated", "terminado"),
            [AgreementState.Superseded] = ("superseded", "reemplazado"),
        })
        .AddEnum(new Dictionary<DataSensitivity, (string, string)>
        {
            [DataSensitivity.Public] = ("public", "pública"),
            [DataSensitivity.Deidentified] = ("de-identified", "desidentificada"),
            [DataSensitivity.LimitedDataSet] = ("limited data set", "conjunto de datos limitado"),
            [DataSensitivity.PHI] = ("protected health information", "información de salud protegida"),
        })
        .AddEnum(new Dictionary<PartyKind, (string, string)>
        {
            [PartyKind.Agency] = ("agency", "agencia"),
            [PartyKind.CommunityOrganization] = ("community organization", "organización comunitaria"),
            [PartyKind.ResearchPartner] = ("research partner", "socio de investigación"),
            [PartyKind.Other] = ("other", "otra"),
        })
        .AddEnum(new Dictionary<PartyRole, (string, string)>
        {
            [PartyRole.DataProvider] = ("data provider", "proveedor de datos"),
            [PartyRole.Recipient] = ("recipient", "receptor"),
            [PartyRole.Steward] = ("steward", "custodio"),
            [PartyRole.CommunityOwner] = ("community owner", "comunidad dueña"),
        });

    /// <summary>The lifecycle actions an agreement can refuse (<c>Action:Name</c> words).</summary>
    public static class Actions
    {
        public const string Submit = "SubmitAgreement";
        public const string ReturnToDraft = "ReturnAgreementToDraft";
        public const string Terminate = "TerminateAgreement";
        public const string Amend = "AmendAgreement";
        public const string AttestDestruction = "AttestDestruction";
    }
}
