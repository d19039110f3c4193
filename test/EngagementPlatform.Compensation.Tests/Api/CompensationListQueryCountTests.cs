namespace EngagementPlatform.Compensation.Tests.Api;

/// <summary>
/// Compensation's lists follow the list pattern (docs/adding-a-module.md, "Lists"): with 1 row and with 30, for page
/// sizes 5 and 25, each handler sends the same two statements (the count and the page), loads no aggregate, and the
/// rest of the request (including the plan check) costs the same each time.
/// </summary>
public sealed class CompensationListQueryCountTests(CompensationFixture app) : IClassFixture<CompensationFixture>
{
    private static readonly Func<SqlStatement, bool> Lookup = s => s.Touches("saas") || s.Sql.Contains("permission_grants", StringComparison.Ordinal);

    [Fact]
    public async Task The_payable_items_list_sends_two_statements()
    {
        // Beta's only items, so the list holds 1 row, then 30.
        var scenario = new CompensationScenario(app, "beta");
        var member = await app.CreateUserAsync("beta", "qc-item", "member");
        var id = await scenario.EnteredItemAsync("beta-staff", member, 37.5m, "Counted item");
        using var admin = await app.ClientAsync("beta", "admin");
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, "/api/compensation/payable-items", "GetPayableItemsQuery", expected: 2,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "compensation.payable_items", $"id = '{id}'", 29,
                "id = gen_random_uuid(), creation_time = creation_time - copy_n * interval '1 minute'"),
            manyRows: 30,
            lookup: Lookup);
        var first = JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items")[0];
        first.GetProperty("description").GetString().ShouldBe("Counted item");
        first.GetProperty("payee").GetProperty("name").GetString().ShouldBe("qc-item");
        first.GetProperty("amount").GetRawText().ShouldBe("37.50");

        foreach (var query in new[] { "sorting=payeeName%20desc", "status=Submitted", $"payeeUserId={member}" })
        {
            var filtered = await app.Sql.MeasureAsync(admin, "/api/compensation/payable-items", "GetPayableItemsQuery", 25, query, Lookup);
            filtered.Handler.Count.ShouldBe(2, string.Join("\n---\n", filtered.Handler));
            filtered.Total.ShouldBe(30);
        }
    }

    [Fact]
    public async Task The_rates_list_sends_two_statements()
    {
        var scenario = new CompensationScenario(app);
        var rate = await scenario.RateAsync("qc rate", "Deliverable", 90m, effectiveFrom: null);
        using var admin = await app.ClientAsync("alpha", "admin");
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, "/api/compensation/rates", "GetRatesQuery", expected: 2,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "compensation.rates", $"id = '{rate}'", 29,
                "id = gen_random_uuid(), name = 'qc rate ' || lpad(copy_n::text, 2, '0')"),
            manyRows: 30,
            lookup: Lookup);
        JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("qc rate");
    }

    [Fact]
    public async Task The_payees_list_sends_two_statements()
    {
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var payee = (await (await staff.PostAsJsonAsync("/api/compensation/payees", new { name = "QC Community Org", contactEmail = "qc@org.test" })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        using var admin = await app.ClientAsync("alpha", "admin");
        await app.Sql.ShouldCostFixedAsync(
            admin, "/api/compensation/payees", "GetPayeesQuery", expected: 2,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "compensation.payees", $"id = '{payee}'", 29,
                "id = gen_random_uuid(), name = 'QC Community Org ' || copy_n"),
            manyRows: 30,
            query: "kind=Organization",
            lookup: Lookup);
    }
}
