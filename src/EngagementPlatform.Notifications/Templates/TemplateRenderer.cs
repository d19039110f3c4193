using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DotLiquid;

namespace EngagementPlatform.Notifications.Templates;

public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>
/// Liquid templates (DotLiquid). The model becomes plain hashes with camelCase names. The HTML part is rendered
/// from a copy of the model whose every string is HTML-encoded, so no value can inject markup; the template text
/// itself is trusted (ours, or an administrator's).
/// </summary>
public sealed class TemplateRenderer
{
    private readonly ConcurrentDictionary<string, Template> _cache = new(StringComparer.Ordinal);

    /// <summary>Parses without rendering; returns the error, or null when the template is valid.</summary>
    public static string? Check(string source)
    {
        try
        {
            Template.Parse(source);
            return null;
        }
        catch (DotLiquid.Exceptions.LiquidException exception)
        {
            return exception.Message;
        }
    }

    public Task<RenderedEmail> RenderAsync(TemplateText template, object model)
    {
        var node = JsonSerializer.SerializeToNode(model, JsonSerializerOptions.Web);
        var plain = Hash.FromDictionary(ToPlain(node, encode: false) as Dictionary<string, object?> ?? []);
        var encoded = Hash.FromDictionary(ToPlain(node, encode: true) as Dictionary<string, object?> ?? []);

        var subject = Render(template.Subject, plain).ReplaceLineEndings(" ").Trim();
        var text = Render(template.Text, plain).Trim() + Environment.NewLine;
        var html = Render(template.Html, encoded);
        return Task.FromResult(new RenderedEmail(subject, text, html));
    }

    private string Render(string source, Hash values)
    {
        var template = _cache.GetOrAdd(source, Template.Parse);
        // Templates are shared between threads; rendering with explicit parameters keeps each render separate.
        return template.Render(new RenderParameters(System.Globalization.CultureInfo.InvariantCulture) { LocalVariables = values, ErrorsOutputMode = ErrorsOutputMode.Rethrow });
    }

    private static object? ToPlain(JsonNode? node, bool encode) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value, encode)),
        JsonArray a => a.Select(n => ToPlain(n, encode) is Dictionary<string, object?> d ? Hash.FromDictionary(d!) : ToPlain(n, encode)).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        _ => encode ? WebUtility.HtmlEncode(node.ToString()) : node.ToString(),
    };
}
