using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DotLiquid;
using Microsoft.Extensions.Caching.Memory;

namespace EngagementPlatform.Notifications.Templates;

public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>A template went past a limit (iterations, time, output size) or its render was cancelled.</summary>
public sealed class TemplateLimitException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What one render may cost. Our own templates use a tiny fraction of each.</summary>
public sealed class TemplateLimits
{
    /// <summary>Loop iterations in one render, all loops together.</summary>
    public int MaxIterations { get; init; } = 10_000;

    /// <summary>Wall time for one part (subject, text or HTML).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Characters one part may produce.</summary>
    public int MaxOutputChars { get; init; } = 256 * 1024;

    /// <summary>Parsed templates kept (tenant and text together are the key).</summary>
    public int CacheEntries { get; init; } = 256;
}

/// <summary>
/// Liquid templates (DotLiquid). The model becomes plain hashes with camelCase names and enums as their names. The HTML part is rendered
/// from a copy of the model whose every string is HTML-encoded, so no value can inject markup; the template text
/// itself is trusted (ours, or an administrator's) but not its cost.
/// <para>
/// Every render starts from fresh state: parsed templates are made thread-safe, so <c>{% assign %}</c> and
/// <c>{% capture %}</c> live in that render's context only and never reach the next render (or another
/// partnership). The cache of parsed templates is keyed by partnership and text and holds a bounded number of entries.
/// A render is bounded in loop iterations, time and output size, and stops when its caller cancels.
/// </para>
/// </summary>
public sealed class TemplateRenderer
{
    private readonly TemplateLimits _limits;
    private readonly MemoryCache _cache;

    public TemplateRenderer()
        : this(new TemplateLimits())
    {
    }

    public TemplateRenderer(TemplateLimits limits)
    {
        _limits = limits;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = limits.CacheEntries });
    }

    /// <summary>How many parsed templates the cache holds now (tests).</summary>
    internal int CachedCount => _cache.Count;

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

    /// <summary>
    /// Renders the three parts. <paramref name="tenantId"/> keys the cache (a partnership's text is never shared
    /// with another's). Throws <see cref="TemplateLimitException"/> when a limit is reached or the caller cancels.
    /// </summary>
    public Task<RenderedEmail> RenderAsync(TemplateText template, object model, Guid? tenantId = null, CancellationToken cancellationToken = default)
    {
        var node = model as JsonNode ?? JsonSerializer.SerializeToNode(model, EmailModelJson.Options);
        var subject = Render(tenantId, template.Subject, node, encode: false, cancellationToken).ReplaceLineEndings(" ").Trim();
        var text = Render(tenantId, template.Text, node, encode: false, cancellationToken).Trim() + Environment.NewLine;
        var html = Render(tenantId, template.Html, node, encode: true, cancellationToken);
        return Task.FromResult(new RenderedEmail(subject, text, html));
    }

    private string Render(Guid? tenantId, string source, JsonNode? model, bool encode, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var template = Parsed(tenantId, source);
        // A fresh model for every render, too: nothing a render does to its values can reach the next one.
        var values = Hash.FromDictionary(ToPlain(model, encode) as Dictionary<string, object?> ?? []);
        using var output = new BoundedWriter(_limits.MaxOutputChars, cancellationToken);
        try
        {
            template.Render(output, new RenderParameters(System.Globalization.CultureInfo.InvariantCulture)
            {
                LocalVariables = values,
                ErrorsOutputMode = ErrorsOutputMode.Rethrow,
                MaxIterations = _limits.MaxIterations,
                Timeout = (int)_limits.Timeout.TotalMilliseconds,
            });
        }
        catch (Exception exception) when (exception is not TemplateLimitException && Limit(exception) is { } limit)
        {
            throw limit;
        }

        return output.ToString();
    }

    /// <summary>The limit behind a render failure, however deeply DotLiquid wrapped it; null for any other error.</summary>
    private TemplateLimitException? Limit(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TemplateLimitException limit:
                    return limit;
                case DotLiquid.Exceptions.MaximumIterationsExceededException:
                    return new TemplateLimitException($"The template loops more than {_limits.MaxIterations} times.", exception);
                case TimeoutException:
                    return new TemplateLimitException($"The template took longer than {_limits.Timeout.TotalSeconds:0.#} s to render.", exception);
                case OperationCanceledException:
                    return new TemplateLimitException("The render was cancelled.", exception);
            }
        }

        return null;
    }

    private Template Parsed(Guid? tenantId, string source)
        => _cache.GetOrCreate((tenantId, source), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            var parsed = Template.Parse(source);
            parsed.MakeThreadSafe();
            return parsed;
        })!;

    private static object? ToPlain(JsonNode? node, bool encode) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value, encode)),
        JsonArray a => a.Select(n => ToPlain(n, encode) is Dictionary<string, object?> d ? Hash.FromDictionary(d!) : ToPlain(n, encode)).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        // An empty or blank value is no value: {% if %} in a template then drops the sentence that would print it.
        JsonValue v when v.TryGetValue<string>(out var text) && string.IsNullOrWhiteSpace(text) => null,
        _ => encode ? WebUtility.HtmlEncode(node.ToString()) : node.ToString(),
    };

    /// <summary>Collects the output; refuses more than the cap and stops as soon as the caller cancels.</summary>
    private sealed class BoundedWriter(int maxChars, CancellationToken cancellationToken) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            Guard(1);
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Guard(value?.Length ?? 0);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Guard(count);
            base.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Guard(buffer.Length);
            base.Write(buffer);
        }

        private void Guard(int adding)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new TemplateLimitException("The render was cancelled.", new OperationCanceledException(cancellationToken));
            }

            if (GetStringBuilder().Length + adding > maxChars)
            {
                throw new TemplateLimitException($"The template produces more than {maxChars} characters.");
            }
        }
    }
}
