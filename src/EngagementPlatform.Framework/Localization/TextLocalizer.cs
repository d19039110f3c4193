using System.Globalization;
using System.Text.RegularExpressions;

namespace EngagementPlatform.Framework.Localization;

/// <summary>
/// The one way to the texts a person reads (problem details, pages, emails' reasons, display names), in English
/// and Spanish. The language is the current UI culture's unless one is given; any culture other than Spanish reads
/// English.
/// </summary>
public interface ITextLocalizer
{
    /// <summary>The text for <paramref name="key"/> in the current UI culture; the key itself when there is none.</summary>
    string this[string key] { get; }

    /// <summary>The text for <paramref name="key"/>; the key itself when there is none.</summary>
    string Get(string key, CultureInfo? culture = null);

    /// <summary>
    /// The text with each <c>{name}</c> filled from <paramref name="values"/>. A value that is a
    /// <see cref="LocalizableWord"/> or an enum is translated; other values are formatted in the same culture.
    /// </summary>
    string Format(string key, IEnumerable<KeyValuePair<string, object?>>? values, CultureInfo? culture = null);

    /// <summary>A value as it reads inside a message: words translated, anything else formatted for the culture.</summary>
    string Word(object? value, CultureInfo? culture = null);

    bool Contains(string key);

    IEnumerable<string> Keys { get; }

    /// <summary>Both languages' text for a key (for checks of the catalogue).</summary>
    (string En, string Es) Texts(string key);
}

public sealed partial class TextLocalizer : ITextLocalizer
{
    private readonly Dictionary<string, (string En, string Es)> _texts = new(StringComparer.Ordinal);

    public TextLocalizer(IEnumerable<LocalizationResource> resources, IEnumerable<ErrorMessageResource> errorMessages)
    {
        foreach (var (key, texts) in resources.Concat(errorMessages).Distinct().SelectMany(r => r))
        {
            if (!_texts.TryAdd(key, texts))
            {
                throw new InvalidOperationException($"The text '{key}' is defined twice.");
            }
        }
    }

    public TextLocalizer(params LocalizationResource[] resources)
        : this(resources, [])
    {
    }

    /// <summary>The language the texts are in for a culture: <c>es</c> for any Spanish culture, otherwise <c>en</c>.</summary>
    public static string LanguageOf(CultureInfo? culture = null)
        => (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "es" ? "es" : "en";

    /// <summary>The culture of a stored language preference (<c>es</c>, <c>es-MX</c>, <c>en</c>, none): Spanish or else English.</summary>
    public static CultureInfo CultureOf(string? language)
        => CultureInfo.GetCultureInfo(language is { Length: >= 2 } && language.StartsWith("es", StringComparison.OrdinalIgnoreCase) ? "es" : "en");

    public string this[string key] => Get(key);

    public IEnumerable<string> Keys => _texts.Keys;

    public bool Contains(string key) => _texts.ContainsKey(key);

    public (string En, string Es) Texts(string key) => _texts[key];

    public string Get(string key, CultureInfo? culture = null)
        => _texts.TryGetValue(key, out var texts) ? (LanguageOf(culture) == "es" ? texts.Es : texts.En) : key;

    public string Format(string key, IEnumerable<KeyValuePair<string, object?>>? values, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var template = Get(key, culture);
        if (values is null)
        {
            return template;
        }

        var map = values as IReadOnlyDictionary<string, object?> ?? values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return map.Count == 0
            ? template
            : Placeholder().Replace(template, m => map.TryGetValue(m.Groups[1].Value, out var v) ? Word(v, culture) : m.Value);
    }

    public string Word(object? value, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        return value switch
        {
            null => string.Empty,
            LocalizableWord word => Get(word.Key, culture),
            Enum e => _texts.ContainsKey(LocalizableWord.KeyOf(e)) ? Get(LocalizableWord.KeyOf(e), culture) : e.ToString(),
            _ => Convert.ToString(value, culture) ?? string.Empty,
        };
    }

    /// <summary>The <c>{name}</c> placeholders of a text, in order of appearance.</summary>
    public static IReadOnlyList<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
