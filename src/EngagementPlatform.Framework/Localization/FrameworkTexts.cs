namespace EngagementPlatform.Framework.Localization;

/// <summary>Field messages every module uses.</summary>
public static class FrameworkTexts
{
    /// <summary>The value is not one of a fixed list; <c>{choices}</c> names the list (see <c>Validation.ChoiceRules</c>).</summary>
    public const string OneOf = "Framework:Field.OneOf";

    /// <summary>A language code other than en or es.</summary>
    public const string Language = "Framework:Field.Language";

    internal static LocalizationResource Create() => new()
    {
        [OneOf] = ("Choose one of: {choices}.", "Elija una de estas opciones: {choices}."),
        [Language] = ("Choose en (English) or es (Spanish).", "Elija en (inglés) o es (español)."),
    };
}
