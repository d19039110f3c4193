namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>The host serves the built Angular app at / and lets the app's router own every non-API path.</summary>
public sealed class SpaHostingTests : IAsyncLifetime
{
    private readonly string _spa = Directory.CreateTempSubdirectory("ep-spa-").FullName;
    private string _database = string.Empty;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_spa, "index.html"), "<!doctype html><title>EngagementPlatform</title><app-root></app-root>");
        await File.WriteAllTextAsync(Path.Combine(_spa, "main.js"), "console.log('app');");
        _database = await TestDatabase.CreateAsync();
        _factory = new ApiFactory(_database, new Dictionary<string, string?> { ["App:SpaPath"] = _spa });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await TestDatabase.DropAsync(_database);
        Directory.Delete(_spa, recursive: true);
    }

    [Fact]
    public async Task Root_files_and_client_routes_come_from_the_app_and_api_paths_do_not()
    {
        using var client = _factory.CreateClient();
        (await client.GetStringAsync("/")).ShouldContain("<app-root>");
        (await client.GetStringAsync("/main.js")).ShouldContain("console.log");
        var route = await client.GetAsync("/governance/councils/123");
        route.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await route.Content.ReadAsStringAsync()).ShouldContain("<app-root>");

        await (await client.GetAsync("/api/no/such/thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:RouteNotFound");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
