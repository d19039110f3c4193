using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.Notifications.Templates;

public sealed record TemplateText(string Subject, string Text, string Html)
{
    public static TemplateText From(EmailTemplateText text) => new(text.Subject, text.Text, text.Html);
}

/// <summary>
/// Every email template the modules registered (<see cref="IEmailTemplateProvider"/>), read once at start-up. Two
/// modules registering the same name is a start-up error, not a silent winner.
/// </summary>
public sealed class EmailTemplateStore
{
    private readonly Dictionary<string, EmailTemplateDefinition> _byName;

    public EmailTemplateStore(IEnumerable<IEmailTemplateProvider> providers)
    {
        _byName = new Dictionary<string, EmailTemplateDefinition>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            foreach (var definition in provider.Templates())
            {
                if (!_byName.TryAdd(definition.Name, definition))
                {
                    throw new InvalidOperationException($"Two email templates are named '{definition.Name}' (the second from {provider.GetType().FullName}).");
                }
            }
        }

        All = _byName.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<string> Cultures => EmailTemplateDefinition.Cultures;

    public IReadOnlyList<EmailTemplateDefinition> All { get; }

    public IEnumerable<string> Names => _byName.Keys;

    public EmailTemplateDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The shipped wording of a template in a language (English when the language has none); null when no module registered it.</summary>
    public TemplateText? Text(string name, string culture)
        => Find(name) is { } definition
            ? TemplateText.From(definition.Texts.GetValueOrDefault(culture) ?? definition.Texts["en"])
            : null;

    /// <summary>The fields a template may use: the outbox's own and its model's.</summary>
    public static IReadOnlyList<string> Fields(EmailTemplateDefinition definition)
        => EmailModelFields.Common.Concat(definition.ModelFields).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The preview model of a template: its module's sample, else every field holding its own name in brackets;
    /// the outbox's fields the sample leaves out get plausible values.
    /// </summary>
    public static JsonObject Sample(EmailTemplateDefinition definition, string culture, ITextLocalizer texts)
    {
        var model = definition.Sample is { } sample
            ? EmailModelJson.ToNode(sample(culture, texts))
            : FieldNameModel(definition.ModelFields);
        model["recipientName"] ??= texts.Get(NotificationsTexts.Sample("RecipientName"), TextLocalizer.CultureOf(culture));
        model["preferencesUrl"] ??= "https://example.org/notifications/preferences?__tenant=example";
        model["appUrl"] ??= "https://example.org";
        return model;
    }

    private static JsonObject FieldNameModel(IEnumerable<string> fields)
    {
        var root = new JsonObject();
        foreach (var field in fields)
        {
            JsonObject node = root;
            var parts = field.Split('.');
            for (var i = 0; i < parts.Length; i++)
            {
                var list = parts[i].EndsWith("[]", StringComparison.Ordinal);
                var name = list ? parts[i][..^2] : parts[i];
                if (i == parts.Length - 1)
                {
                    node[name] ??= $"[{field}]";
                }
                else if (list)
                {
                    if (node[name] is not JsonArray array)
                    {
                        node[name] = array = [new JsonObject()];
                    }

                    node = (JsonObject)array[0]!;
                }
                else
                {
                    if (node[name] is not JsonObject child)
                    {
                        node[name] = child = new JsonObject();
                    }

                    node = child;
                }
            }
        }

        return root;
    }
}

/// <summary>How an email model becomes template values: camelCase names, enums as their names.</summary>
public static class EmailModelJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static JsonObject ToNode(object? model) => JsonSerializer.SerializeToNode(model, Options) as JsonObject ?? [];
}
