using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.SaaS;

/// <summary>SaaS's field messages, in English and Spanish.</summary>
internal static class SaasTexts
{
    public const string TimeZone = "Saas:Field.TimeZone";
    public const string TenantName = "Saas:Field.TenantName";

    public static LocalizationResource Create() => new()
    {
        [TimeZone] = ("Use an IANA time zone such as America/Chicago.", "Use una zona horaria IANA, como America/Chicago."),
        [TenantName] = ("Use 1 to 64 letters, digits or hyphens, starting and ending with a letter or digit.", "Use de 1 a 64 letras, dígitos o guiones, empezando y terminando con una letra o un dígito."),
    };
}
