using EngagementPlatform.Identity.Seeding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace EngagementPlatform.Identity.Tests;

/// <summary>
/// The web app's sign-in addresses follow the configuration the host runs with: the DbMigrator may have seeded the
/// client knowing no address (or another port), and the host still accepts its own /auth/callback once started.
/// </summary>
public sealed class AppClientAddressTests : IAsyncLifetime
{
    private string _database = string.Empty;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public Task DisposeAsync() => TestDatabase.DropAsync(_database);

    [Fact]
    public async Task The_host_registers_the_address_it_runs_at_and_drops_the_one_it_ran_at_before()
    {
        const string first = "http://127.0.0.1:5080", second = "http://127.0.0.1:6090";

        // The template database was seeded without any address, as run.sh's DbMigrator used to be.
        await using (var host = Host(first))
        {
            (await AuthorizeAsync(host, first)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await LogoutAsync(host, first)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The same database, the host moved to another port (EP_PORT changed): no manual step.
        await using (var host = Host(second))
        {
            (await AuthorizeAsync(host, second)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var old = await AuthorizeAsync(host, first);
            old.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await old.Content.ReadAsStringAsync()).ShouldContain("redirect_uri");
        }

        // Two hosts starting on one database with the same configuration: both keep working, nothing is duplicated.
        await using var a = Host(second);
        await using var b = Host(second);
        var starts = await Task.WhenAll(AuthorizeAsync(a, second), AuthorizeAsync(b, second));
        starts.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_angular_dev_server_address_is_refused_outside_Development()
    {
        await using var host = Host("http://127.0.0.1:5080");
        var response = await AuthorizeAsync(host, AppClientAddresses.DevServerUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("redirect_uri");
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Testing", false)]
    public void The_angular_dev_server_is_a_sign_in_address_only_in_Development(string environment, bool registered)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:SelfUrl"] = "https://app.example.org/" }).Build();
        var urls = AppClientAddresses.BaseUrls(configuration, new Environment(environment));
        urls.ShouldContain("https://app.example.org");
        urls.Contains(AppClientAddresses.DevServerUrl).ShouldBe(registered);
        AppClientAddresses.RedirectUris(urls).Contains("http://localhost:4200/auth/callback").ShouldBe(registered);
    }

    private ApiFactory Host(string selfUrl) => new(_database, new Dictionary<string, string?> { ["App:SelfUrl"] = selfUrl });

    private static async Task<HttpResponseMessage> AuthorizeAsync(ApiFactory host, string appUrl)
    {
        using var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await client.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = OpenIddictClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = appUrl + "/auth/callback",
            ["scope"] = "openid profile EngagementPlatform",
            ["code_challenge"] = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            ["code_challenge_method"] = "S256",
            ["state"] = "xyz",
        }));
    }

    private static async Task<HttpResponseMessage> LogoutAsync(ApiFactory host, string appUrl)
    {
        using var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await client.GetAsync($"/connect/logout?client_id={OpenIddictClientId}&post_logout_redirect_uri={Uri.EscapeDataString(appUrl + "/")}");
    }

    private const string OpenIddictClientId = "EngagementPlatform_App";

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "EngagementPlatform";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
