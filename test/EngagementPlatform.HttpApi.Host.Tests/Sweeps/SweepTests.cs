using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace EngagementPlatform.HttpApi.Host.Tests.Sweeps;

/// <summary>
/// Two sweeps over every operation in the OpenAPI document, so every endpoint any module adds is covered
/// without editing this file: (1) isolation — an id of tenant alpha used by tenant beta is 404 (a host id used
/// by a tenant is 403/404), and no token is 401; (2) bad input — malformed JSON, a null body, wrong types,
/// huge strings, unknown enum values, <c>{}</c>, each required member missing or null, numbers out of range and
/// lists of null or empty items are 4xx problem details, never 5xx. Neither may change anything.
/// </summary>
public sealed partial class SweepTests(SweepFixture app, ITestOutputHelper output) : IClassFixture<SweepFixture>
{
    [Fact]
    public async Task Isolation_sweep_finds_no_cross_tenant_success_and_no_unauthenticated_access()
    {
        using var anonymous = app.Anonymous();
        var (operations, document) = await ApiOperation.LoadAsync(anonymous);
        _sampler = new BodySampler(document);
        using var beta = await app.ClientAsync("beta", "admin");
        var before = await SnapshotAsync(operations);

        var failures = new List<string>();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        int checkedOperations = 0, calls = 0, crossTenantSuccesses = 0, serverErrors = 0;
        foreach (var operation in operations.Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal) && o.RequiresToken))
        {
            var tenantHeader = "alpha";
            var path = operation.Path;
            var hostOwned = false;
            var namesAnEntity = false;
            if (operation.PathParameters.Count > 0)
            {
                var filled = operation.Fill(app.Context.Ids, out var missingKey, out hostOwned, out var valuesOnly);
                if (filled is null)
                {
                    missing.Add($"{operation.Key} (seed an id for \"{missingKey}\")");
                    continue;
                }

                path = filled;
                // A path of values only (a year) names no entity of alpha's: beta calling it acts on beta's own data.
                namesAnEntity = !valuesOnly;
            }

            if (namesAnEntity)
            {
                var response = await SendAsync(beta, operation, path, ValidBody(operation));
                calls++;
                var status = (int)response.StatusCode;
                crossTenantSuccesses += status is >= 200 and < 300 ? 1 : 0;
                serverErrors += status >= 500 ? 1 : 0;
                var expected = hostOwned ? status is 403 or 404 : status == 404;
                if (!expected)
                {
                    failures.Add($"{operation.Key} as tenant beta with {(hostOwned ? "a host" : "an alpha")} id: {status} {await response.Content.ReadAsStringAsync()}");
                }
            }

            using var noToken = app.Anonymous(hostOwned || operation.Path.StartsWith("/api/saas/", StringComparison.Ordinal) ? null : tenantHeader);
            var unauthenticated = await SendAsync(noToken, operation, path, ValidBody(operation));
            calls++;
            serverErrors += (int)unauthenticated.StatusCode >= 500 ? 1 : 0;
            if (unauthenticated.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{operation.Key} without a token: {(int)unauthenticated.StatusCode}");
            }

            checkedOperations++;
        }

        var after = await SnapshotAsync(operations);
        var changed = before.Where(p => after.GetValueOrDefault(p.Key) != p.Value).Select(p => p.Key).ToList();
        var summary = $"Isolation sweep: {checkedOperations} operations, {calls} calls, {crossTenantSuccesses} cross-tenant successes, {serverErrors} 5xx, {changed.Count} changed resources";
        output.WriteLine(summary);
        TestArtifacts.Report("sweep-isolation", summary);

        missing.ShouldBeEmpty("Operations with ids in their path that no ISweepSeeder seeds");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        changed.ShouldBeEmpty();
        crossTenantSuccesses.ShouldBe(0);
        serverErrors.ShouldBe(0);
        checkedOperations.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Bad_input_sweep_answers_every_body_with_4xx_problem_details_and_changes_nothing()
    {
        using var anonymous = app.Anonymous();
        var (operations, document) = await ApiOperation.LoadAsync(anonymous);
        var sampler = _sampler = new BodySampler(document);
        using var alpha = await app.ClientAsync("alpha", "admin");
        using var host = await app.HostAdminAsync();
        var before = await SnapshotAsync(operations);

        var failures = new List<string>();
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int checkedOperations = 0, calls = 0, serverErrors = 0, successes = 0;
        foreach (var operation in operations.Where(o => o.BodySchema is not null && o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var path = operation.Fill(app.Context.Ids, out _, out var hostOwned);
            if (path is null)
            {
                continue; // the isolation sweep reports unseeded paths
            }

            var client = hostOwned || operation.Path.StartsWith("/api/saas/", StringComparison.Ordinal) ? host : alpha;
            var schema = operation.BodySchema!.Value;
            var cases = new List<(string Name, HttpContent Content)>
            {
                ("malformed JSON", Json("{\"broken\": ")),
                ("null body", Json("null")),
                ("body over 1 MiB", Json(new JsonObject { ["padding"] = new string('x', 1_200_000) }.ToJsonString())),
            };
            if (sampler.HasFreeText(schema))
            {
                cases.Add(("huge strings", Json(sampler.Huge(schema)?.ToJsonString() ?? "{}")));
            }

            cases.AddRange(sampler.WrongTypes(schema).Select(c => ($"wrong type for {c.Property}", Json(c.Body.ToJsonString()))));
            cases.AddRange(sampler.UnknownEnums(schema).Select(c => ($"unknown enum value for {c.Property}", Json(c.Body.ToJsonString()))));
            foreach (var (kind, name, body) in sampler.Structural(schema))
            {
                cases.Add((name, Json(body?.ToJsonString() ?? "null")));
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            }

            kinds["wrong type"] = kinds.GetValueOrDefault("wrong type") + sampler.WrongTypes(schema).Count();
            foreach (var (name, content) in cases)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), path) { Content = content });
                calls++;
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                serverErrors += status >= 500 ? 1 : 0;
                successes += status < 400 ? 1 : 0;
                var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && body.Contains("\"code\"", StringComparison.Ordinal);
                if (status is < 400 or >= 500 || !isProblem)
                {
                    failures.Add($"{operation.Key} with {name}: {status} {body[..Math.Min(body.Length, 300)]}");
                }
            }

            checkedOperations++;
        }

        var after = await SnapshotAsync(operations);
        var changed = before.Where(p => after.GetValueOrDefault(p.Key) != p.Value).Select(p => p.Key).ToList();
        var summary = $"Bad-input sweep: {checkedOperations} operations with a body, {calls} calls, {successes} accepted, {serverErrors} 5xx, {changed.Count} changed resources"
                      + $" (among them: {string.Join(", ", kinds.Select(k => $"{k.Value} {k.Key}"))})";
        output.WriteLine(summary);
        TestArtifacts.Report("sweep-bad-input", summary);

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        changed.ShouldBeEmpty();
        serverErrors.ShouldBe(0);
        checkedOperations.ShouldBeGreaterThan(5);
    }

    private object? ValidBody(ApiOperation operation)
    {
        if (operation.BodySchema is null)
        {
            return null;
        }

        return app.Context.Bodies.TryGetValue(operation.Key, out var body)
            ? body
            : _sampler!.Valid(operation.BodySchema.Value);
    }

    private BodySampler? _sampler;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, ApiOperation operation, string path, object? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.BodySchema is not null)
        {
            request.Content = Json(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
        }

        return await client.SendAsync(request);
    }

    /// <summary>Every readable resource of alpha and the host, as their owners see it.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync(IReadOnlyList<ApiOperation> operations)
    {
        using var alpha = await app.ClientAsync("alpha", "admin");
        using var host = await app.HostAdminAsync();
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var operation in operations.Where(o => o.Method == "GET" && o.RequiresToken && o.Path.StartsWith("/api/", StringComparison.Ordinal)
                                                         && !app.Context.AuditedReads.Contains(o.Path)))
        {
            var path = operation.Fill(app.Context.Ids, out _, out var hostOwned);
            if (path is null)
            {
                continue;
            }

            var client = hostOwned || operation.Path.StartsWith("/api/saas/", StringComparison.Ordinal) ? host : alpha;
            var response = await client.GetAsync(path + (path.Contains('?') ? "&" : "?") + "maxResultCount=1000");
            // A problem's traceId differs on every request; everything else must stay the same.
            var body = TraceId().Replace(await response.Content.ReadAsStringAsync(), string.Empty);
            snapshot[operation.Key] = $"{(int)response.StatusCode} {body}";
        }

        return snapshot;
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TraceId();

    private static HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");
}
