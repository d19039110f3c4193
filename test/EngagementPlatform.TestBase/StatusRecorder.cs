using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.TestBase;

/// <summary>
/// Records, for every request a test host answers, the HTTP method, the route pattern of the endpoint it matched
/// and the status it answered, so <c>etc/scripts/openapi-statuses.py</c> can compare them with what
/// <c>angular/openapi.json</c> declares. Counts are kept per process and written (distinct triples with counts) to
/// <c>$EP_ARTIFACTS/openapi-statuses/&lt;test assembly&gt;-&lt;pid&gt;.jsonl</c> whenever a host is disposed and at
/// process exit. Requests that match no endpoint are not recorded.
/// </summary>
public static class StatusRecorder
{
    private static readonly ConcurrentDictionary<Seen, int> Counts = new();
    private static readonly Lock FileLock = new();

    static StatusRecorder() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Flush();

    /// <summary>One kind of answer: method, route pattern, status; <c>Described</c> is false for endpoints excluded from the document.</summary>
    public readonly record struct Seen(string Method, string Route, int Status, bool Described);

    public static string FilePath
    {
        get
        {
            var assembly = AppDomain.CurrentDomain.GetAssemblies()
                .Select(a => a.GetName().Name)
                .FirstOrDefault(n => n is not null && n.StartsWith("EngagementPlatform.", StringComparison.Ordinal) && n.EndsWith("Tests", StringComparison.Ordinal))
                ?? "tests";
            return Path.Combine(TestArtifacts.Directory, "openapi-statuses", $"{assembly}-{Environment.ProcessId}.jsonl");
        }
    }

    internal static void Record(HttpContext context, Endpoint? endpoint, int status)
    {
        // A request the client gave up on (a browser leaving a page) got no answer: its status (499) is no claim of the API's.
        if (endpoint is not RouteEndpoint route || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var excluded = route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true;
        var pattern = "/" + (route.RoutePattern.RawText ?? string.Empty).TrimStart('/');
        Counts.AddOrUpdate(new Seen(context.Request.Method, pattern, status, !excluded), 1, (_, n) => n + 1);
    }

    /// <summary>Writes everything recorded so far (the whole file is rewritten: the counts are cumulative).</summary>
    public static void Flush()
    {
        if (Counts.IsEmpty)
        {
            return;
        }

        lock (FileLock)
        {
            var path = FilePath;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var lines = Counts
                .OrderBy(p => p.Key.Route, StringComparer.Ordinal).ThenBy(p => p.Key.Method, StringComparer.Ordinal).ThenBy(p => p.Key.Status)
                .Select(p => JsonSerializer.Serialize(new
                {
                    method = p.Key.Method,
                    route = p.Key.Route,
                    status = p.Key.Status,
                    described = p.Key.Described,
                    count = p.Value,
                }));
            var temporary = path + ".tmp";
            File.WriteAllLines(temporary, lines);
            File.Move(temporary, path, overwrite: true);
        }
    }

    /// <summary>Puts the recording middleware in front of the host's whole pipeline (so it sees the final status).</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                // The exception handler clears the endpoint before it writes the problem; this feature keeps the
                // one routing matched, so a refusal thrown by a handler is counted for that handler's operation.
                var feature = new RememberingEndpointFeature(context.Features.Get<IEndpointFeature>());
                context.Features.Set<IEndpointFeature>(feature);
                try
                {
                    await nextMiddleware(context);
                }
                catch
                {
                    Record(context, feature.Matched, StatusCodes.Status500InternalServerError);
                    throw;
                }

                Record(context, feature.Matched, context.Response.StatusCode);
            });
            next(app);
        };
    }

    private sealed class RememberingEndpointFeature(IEndpointFeature? inner) : IEndpointFeature
    {
        private Endpoint? _endpoint = inner?.Endpoint;

        public Endpoint? Matched { get; private set; } = inner?.Endpoint;

        public Endpoint? Endpoint
        {
            get => _endpoint;
            set
            {
                _endpoint = value;
                if (inner is not null)
                {
                    inner.Endpoint = value;
                }

                if (value is not null)
                {
                    Matched = value;
                }
            }
        }
    }
}
