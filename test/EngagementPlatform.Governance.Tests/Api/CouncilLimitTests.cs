namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>The plan's council limit: creating a council asks the tenant's edition how many it may have.</summary>
public sealed class CouncilLimitTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task A_tenant_whose_edition_allows_two_councils_is_refused_the_third_and_nothing_is_created()
    {
        using var host = await app.HostAdminAsync();
        var edition = await host.PostAsJsonAsync("/api/saas/editions", new { name = "Two councils", limits = new { councils = 2 } });
        edition.StatusCode.ShouldBe(HttpStatusCode.Created, await edition.Content.ReadAsStringAsync());
        var editionId = (await edition.ReadJsonAsync()).GetProperty("id").GetGuid();
        var tenantId = await app.CreateTenantAsync("limited");
        await (await host.PutAsJsonAsync($"/api/saas/tenants/{tenantId}", new { name = "limited", editionId })).ShouldBeSuccessAsync();

        using var admin = await app.ClientAsync("limited", "admin");
        (await admin.PostAsJsonAsync("/api/governance/councils", new { name = "First" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/governance/councils", new { name = "Second" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The refusal's values (limit 2, count 2) fill its message; the problem body carries the code and that message.
        await (await admin.PostAsJsonAsync("/api/governance/councils", new { name = "Third" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Saas:LimitReached");

        var councils = await (await admin.GetAsync("/api/governance/councils")).ReadJsonAsync();
        councils.GetProperty("totalCount").GetInt64().ShouldBe(2);
        councils.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["First", "Second"]);
    }

    [Fact]
    public async Task A_tenant_without_an_edition_has_no_council_limit()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        for (var i = 0; i < 3; i++)
        {
            (await admin.PostAsJsonAsync("/api/governance/councils", new { name = $"Unlimited {i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }
}
