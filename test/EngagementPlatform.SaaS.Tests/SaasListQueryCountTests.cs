namespace EngagementPlatform.SaaS.Tests;

/// <summary>
/// The host's lists follow the list pattern (docs/adding-a-module.md, "Lists"): whatever the page size and however
/// many partnerships or plans there are, each handler sends the same two statements (the count and the page).
/// </summary>
public sealed class SaasListQueryCountTests(QueryCountFixture app) : IClassFixture<QueryCountFixture>
{
    [Fact]
    public async Task The_partnerships_list_sends_two_statements_for_any_page_size_and_any_number_of_partnerships()
    {
        using var host = await app.HostAdminAsync();
        var id = await app.CreateTenantAsync("qc-00");
        await app.Sql.ShouldCostFixedAsync(
            host, "/api/saas/tenants", "GetTenantsQuery", expected: 2,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "saas.tenants", $"id = '{id}'", 29, "id = gen_random_uuid(), name = 'qc-' || lpad(copy_n::text, 2, '0')"),
            manyRows: 30,
            query: "filter=qc-");
    }

    [Fact]
    public async Task The_plans_list_sends_two_statements_for_any_page_size_and_any_number_of_plans()
    {
        using var host = await app.HostAdminAsync();
        var created = await host.PostAsJsonAsync("/api/saas/editions", new
        {
            name = "Plan 00", features = new { compensation = true }, limits = new { councils = 3 },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var costs = await app.Sql.ShouldCostFixedAsync(
            host, "/api/saas/editions", "GetEditionsQuery", expected: 2,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "saas.editions", $"id = '{id}'", 29, "id = gen_random_uuid(), name = 'Plan ' || lpad(copy_n::text, 2, '0')"),
            manyRows: 30);
        var first = JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items")[0];
        first.GetProperty("name").GetString().ShouldBe("Plan 00");
        first.GetProperty("features").GetProperty("compensation").GetBoolean().ShouldBeTrue();
        first.GetProperty("limits").GetProperty("councils").GetInt32().ShouldBe(3);
        first.GetProperty("limits").GetProperty("activeMembers").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
