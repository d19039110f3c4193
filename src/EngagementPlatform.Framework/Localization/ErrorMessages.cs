using System.Globalization;
using System.Text.RegularExpressions;

namespace EngagementPlatform.Framework.Localization;

/// <summary>A module's error messages in English and Spanish, keyed by error code.</summary>
public sealed class ErrorMessageResource : Dictionary<string, (string En, string Es)>;

/// <summary>All modules' error messages. The request's UI culture picks the language; English is the fallback.</summary>
public sealed partial class ErrorMessageCatalog(IEnumerable<ErrorMessageResource> resources)
{
    private readonly Dictionary<string, (string En, string Es)> _messages = resources
        .SelectMany(r => r)
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public bool Contains(string code) => _messages.ContainsKey(code);

    public IEnumerable<string> Codes => _messages.Keys;

    public (string En, string Es) this[string code] => _messages[code];

    public string Localize(string code, IDictionary<string, object?>? values = null, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        if (!_messages.TryGetValue(code, out var message))
        {
            return code;
        }

        var template = culture.TwoLetterISOLanguageName == "es" ? message.Es : message.En;
        return values is null || values.Count == 0
            ? template
            : TemplateField().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? Convert.ToString(v, culture) ?? string.Empty : m.Value);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex TemplateField();
}
