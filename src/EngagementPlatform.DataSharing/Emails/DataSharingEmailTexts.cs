using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.DataSharing.Emails;

/// <summary>Why a data-sharing email was sent (the footer of essential mail), in English and Spanish.</summary>
internal static class DataSharingEmailTexts
{
    public const string SignatoryReason = "DataSharing:Email.SignatoryReason";
    public const string PartyContactReason = "DataSharing:Email.PartyContactReason";
    public const string DestructionReason = "DataSharing:Email.DestructionReason";

    public static LocalizationResource Create() => new()
    {
        [SignatoryReason] = ("you are named as the person who signs for a party to this data-sharing agreement", "usted figura como la persona que firma por una de las partes de este acuerdo de intercambio de datos"),
        [PartyContactReason] = ("you are a contact of a party to this data-sharing agreement", "usted es contacto de una de las partes de este acuerdo de intercambio de datos"),
        [DestructionReason] = ("your organization received data under this agreement and must destroy it by its destruction date", "su organización recibió datos bajo este acuerdo y debe destruirlos a más tardar en la fecha de destrucción"),
    };
}
