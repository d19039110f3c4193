namespace EngagementPlatform.HttpApi.Host.Tests.Sweeps;

/// <summary>Identity and SaaS ids for the sweeps.</summary>
internal sealed class PlatformSweepSeeder : ISweepSeeder
{
    public async Task SeedAsync(SweepContext context)
    {
        var app = context.App;
        context.AddTenantId("/api/identity/users", app.AlphaMemberId);
        using var alpha = await app.ClientAsync("alpha", "admin");
        var roles = await (await alpha.GetAsync("/api/identity/roles")).ReadJsonAsync();
        context.AddTenantId("/api/identity/roles", roles.GetProperty("items").EnumerateArray().First(r => r.GetProperty("name").GetString() == "member").GetProperty("id").GetGuid());
        context.AddBody("PUT", "/api/identity/users/{id}", new { email = "sweep@alpha.test", name = "Sweep", roleNames = new[] { "member" }, preferredLanguage = "en" });

        context.AddHostId("/api/saas/tenants", app.AlphaId);
        using var host = await app.HostAdminAsync();
        var edition = await (await host.PostAsJsonAsync("/api/saas/editions", new { name = "Sweep plan" })).ReadJsonAsync();
        context.AddHostId("/api/saas/editions", edition.GetProperty("id").GetGuid());
        context.AddBody("PUT", "/api/saas/tenants/{id}", new { name = "alpha" });
    }
}
