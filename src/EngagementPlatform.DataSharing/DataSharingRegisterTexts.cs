using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.DataSharing;

/// <summary>The register's, its CSV's and the version diff's texts, in English and Spanish.</summary>
internal static class DataSharingRegisterTexts
{
    public const string ExpiringWithinDaysRange = "DataSharing:Field.ExpiringWithinDaysRange";
    public const string FilterTooLong = "DataSharing:Field.RegisterFilterTooLong";
    public const string VersionNumber = "DataSharing:Field.VersionNumber";

    public const string Yes = "DataSharing:Diff.Yes";
    public const string No = "DataSharing:Diff.No";

    /// <summary>The CSV's headings and file name: <c>DataSharing:Csv.&lt;Name&gt;</c>.</summary>
    public static string Csv(string name) => "DataSharing:Csv." + name;

    /// <summary>A state as a register cell ("Draft", not the "a draft" messages use): <c>DataSharing:Register.State.&lt;State&gt;</c>.</summary>
    public static string State(Domain.AgreementState state) => "DataSharing:Register.State." + state;

    public static LocalizationResource Create() => new()
    {
        [ExpiringWithinDaysRange] = ("Give a number of days from 0 to 3650.", "Indique un número de días entre 0 y 3650."),
        [FilterTooLong] = ("Search with at most 200 characters.", "Busque con 200 caracteres como máximo."),
        [VersionNumber] = ("Give a version number of 1 or more.", "Indique un número de versión de 1 o más."),
        [Yes] = ("yes", "sí"),
        [No] = ("no", "no"),
        [Csv("File")] = ("data-sharing-agreements", "acuerdos-de-intercambio-de-datos"),
        [Csv("Title")] = ("Title", "Título"),
        [Csv("State")] = ("State", "Estado"),
        [Csv("Amendment")] = ("Amendment in progress", "Enmienda en curso"),
        [Csv("Sensitivity")] = ("Sensitivity", "Sensibilidad"),
        [Csv("Parties")] = ("Parties", "Partes"),
        [Csv("EffectiveFrom")] = ("Effective from", "Vigente desde"),
        [Csv("EffectiveTo")] = ("Effective to", "Vigente hasta"),
        [Csv("DestructionDate")] = ("Destruction date", "Fecha de destrucción"),
        [Csv("Version")] = ("Version", "Versión"),
        [Csv("DaysUntilEnd")] = ("Days until end", "Días hasta el fin"),
        [Csv("AgreementId")] = ("Agreement id", "Id del acuerdo"),
        [State(Domain.AgreementState.Draft)] = ("Draft", "Borrador"),
        [State(Domain.AgreementState.InReview)] = ("In review", "En revisión"),
        [State(Domain.AgreementState.Signed)] = ("Signed", "Firmado"),
        [State(Domain.AgreementState.Active)] = ("Active", "Vigente"),
        [State(Domain.AgreementState.Expired)] = ("Expired", "Vencido"),
        [State(Domain.AgreementState.Terminated)] = ("Terminated", "Terminado"),
        [State(Domain.AgreementState.Superseded)] = ("Superseded", "Reemplazado"),
    };
}
