using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EngagementPlatform.TestBase;

/// <summary>
/// One test class's application: its own database cloned from the template, the real host in memory, and
/// signed-in clients for the host admin or any tenant user.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public const string Password = "1q2w3E*";

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public ApiFactory Factory { get; private set; } = null!;

    /// <summary>The application's clock; move it forward to test deadlines and due dates.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Every log line the application wrote.</summary>
    public LogCapture Logs { get; } = new();

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Settings a derived fixture adds (e.g. the Hangfire server on).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        Factory = new ApiFactory(ConnectionString, Settings, services =>
        {
            services.AddSingleton<EngagementPlatform.Framework.Timing.IClock>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            ConfigureServices(services);
        });
        StartServer(Factory);
    }

    /// <summary>Services a derived fixture replaces or adds in its host (after the application's own).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Starts the host in memory; the browser tests start it on a real loopback port instead.</summary>
    protected virtual void StartServer(ApiFactory factory) => _ = factory.Server;

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }

    public HttpClient Anonymous(string? tenant = null)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = Factory.ClientOptions.BaseAddress });
        if (tenant is not null)
        {
            client.DefaultRequestHeaders.Add(MultiTenancyConstants.TenantHeader, tenant);
        }

        return client;
    }

    public Task<HttpClient> HostAdminAsync() => ClientAsync(null, "admin");

    /// <summary>A client signed in as <paramref name="userName"/> of <paramref name="tenant"/> (null: the host).</summary>
    public async Task<HttpClient> ClientAsync(string? tenant, string userName, string password = Password)
    {
        var client = Anonymous(tenant);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(tenant, userName, password));
        return client;
    }

    public async Task<string> TokenAsync(string? tenant, string userName, string password = Password)
    {
        var key = $"{tenant}|{userName}|{password}";
        if (_tokens.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var response = await RequestTokenAsync(tenant, userName, password);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in of {userName}@{tenant ?? "host"} failed: {(int)response.StatusCode} {body}");
        }

        var token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
        _tokens[key] = token;
        return token;
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(string? tenant, string userName, string password)
    {
        using var client = Anonymous(tenant);
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "EngagementPlatform_App",
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = "EngagementPlatform offline_access",
        }));
    }

    /// <summary>Creates a tenant as the host admin; its <c>admin</c> signs in with <see cref="Password"/>.</summary>
    public async Task<Guid> CreateTenantAsync(string name)
    {
        using var host = await HostAdminAsync();
        var response = await host.PostAsJsonAsync("/api/saas/tenants", new { name, adminEmailAddress = $"admin@{name}.test", adminPassword = Password });
        await response.ShouldBeSuccessAsync();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Creates an edition as the host admin with exactly <paramref name="features"/> on (the plan-feature names as the API
    /// spells them: compensation, dataSharing, assessments, stripePayouts) and no limits; returns its id.
    /// </summary>
    public async Task<Guid> CreateEditionAsync(string name, params string[] features)
    {
        string[] all = ["compensation", "dataSharing", "assessments", "stripePayouts"];
        var unknown = features.Except(all).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown plan feature(s): {string.Join(", ", unknown)}", nameof(features));
        }

        using var host = await HostAdminAsync();
        var response = await host.PostAsJsonAsync("/api/saas/editions", new
        {
            name,
            features = all.ToDictionary(f => f, features.Contains),
            limits = new { councils = (int?)null, activeMembers = (int?)null, assessmentSchedules = (int?)null },
        });
        await response.ShouldBeSuccessAsync();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Puts the tenant named <paramref name="tenant"/> on an edition (and, if given, a default language) as the host admin.</summary>
    public async Task AssignEditionAsync(string tenant, Guid editionId, string? defaultLanguage = null)
    {
        using var host = await HostAdminAsync();
        var tenants = await (await host.GetAsync("/api/saas/tenants?maxResultCount=100")).Content.ReadFromJsonAsync<JsonElement>();
        var id = tenants.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("name").GetString() == tenant).GetProperty("id").GetGuid();
        var response = defaultLanguage is null
            ? await host.PutAsJsonAsync($"/api/saas/tenants/{id}", new { name = tenant, editionId })
            : await host.PutAsJsonAsync($"/api/saas/tenants/{id}", new { name = tenant, editionId, defaultLanguage });
        await response.ShouldBeSuccessAsync();
    }

    /// <summary>Creates a user in a tenant through that tenant's admin.</summary>
    public async Task<Guid> CreateUserAsync(string tenant, string userName, params string[] roles)
    {
        using var admin = await ClientAsync(tenant, "admin");
        var response = await admin.PostAsJsonAsync("/api/identity/users", new
        {
            userName,
            email = $"{userName}@{tenant}.test",
            password = Password,
            name = userName,
            roleNames = roles.Length == 0 ? ["member"] : roles,
            preferredLanguage = "en",
        });
        await response.ShouldBeSuccessAsync();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
