using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.HttpApi.Host.Tests;

public sealed class HealthAndDocumentTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Live_and_ready_answer_200_with_the_database_up()
    {
        using var client = app.Anonymous();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_is_503_when_the_database_is_down_while_live_stays_200()
    {
        // A port nothing listens on: the same as the database server being stopped.
        var down = "Host=127.0.0.1;Port=1;Username=postgres;Database=nothing;Timeout=2";
        await using var factory = new ApiFactory(down);
        using var client = factory.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_checks_the_database_once_per_interval_however_often_asked_and_turns_503_when_it_goes_away()
    {
        var database = await TestDatabase.CreateAsync();
        var clock = new TestClock();
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Health:ReadyCacheSeconds"] = "60" }, services =>
        {
            services.AddSingleton<Framework.Timing.IClock>(clock);
            services.AddSqlStatementCounter();
        });
        using var client = factory.CreateClient();
        using var sql = factory.Services.GetRequiredService<SqlStatementCounter>().Record();

        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK); // the first answer is a real check
        var firstCheck = sql.For("/health/ready").Count;
        firstCheck.ShouldBeGreaterThan(0);
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        sql.For("/health/ready").Count.ShouldBe(firstCheck); // twenty more answers, no statement
        sql.For("/health/live").ShouldBeEmpty();

        await TestDatabase.DropAsync(database);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK); // still the last answer: no round trip
        clock.Advance(TimeSpan.FromSeconds(61));
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_is_503_when_migrations_are_missing()
    {
        var empty = await TestDatabase.CreateEmptyAsync();
        try
        {
            await using var factory = new ApiFactory(empty);
            using var client = factory.CreateClient();
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await TestDatabase.DropAsync(empty);
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_names_the_contract_paths_and_marks_secured_operations()
    {
        using var client = app.Anonymous();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/saas/tenants", "/api/saas/tenants/{id}", "/api/saas/editions", "/api/identity/users", "/api/identity/users/{id}", "/api/identity/my-profile" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }

        var create = paths.GetProperty("/api/saas/tenants").GetProperty("post");
        create.GetProperty("security").GetArrayLength().ShouldBe(1);
        create.GetProperty("x-permission").GetString().ShouldBe("Saas.Tenants.Create");
        (await client.GetAsync("/scalar/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_defined_permission_as_the_PermissionName_enum_the_web_app_uses()
    {
        using var client = app.Anonymous();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("PermissionName");
        schema.GetProperty("type").GetString().ShouldBe("string");
        var names = schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();
        var defined = app.Factory.Services.GetRequiredService<Framework.Permissions.PermissionDefinitionManager>().All.Select(d => d.Name).ToList();
        names.ShouldBe(defined);
        names.ShouldContain("Governance.Councils.Manage");
    }

    [Fact]
    public async Task The_committed_OpenAPI_document_that_the_web_client_is_generated_from_is_current()
    {
        using var client = app.Anonymous();
        var live = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var path = Path.Combine(RepositoryRoot(), "angular", "openapi.json");
        var committed = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        live.Remove("servers");
        committed.Remove("servers");
        System.Text.Json.Nodes.JsonNode.DeepEquals(live, committed)
            .ShouldBeTrue("angular/openapi.json is stale: run etc/scripts/generate-client.sh and commit the result");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EngagementPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Not inside the repository.");
    }

    [Fact]
    public async Task Unknown_api_addresses_are_404_problem_details()
    {
        using var client = app.Anonymous();
        await (await client.GetAsync("/api/nothing/here")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:RouteNotFound");
    }

    [Fact]
    public async Task The_jobs_dashboard_is_closed_to_anyone_not_signed_in_as_host_admin()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/hangfire");
        ((int)response.StatusCode).ShouldBeOneOf(401, 403);

        // A bearer token is not a dashboard sign-in: the dashboard wants the sign-in page's cookie.
        using var tenantAdmin = await app.ClientAsync(null, "admin");
        ((int)(await tenantAdmin.GetAsync("/hangfire")).StatusCode).ShouldBeOneOf(401, 403);
    }
}
