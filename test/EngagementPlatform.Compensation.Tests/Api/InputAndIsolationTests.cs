namespace EngagementPlatform.Compensation.Tests.Api;

/// <summary>Rounding through the API, bad input (400 with a code, nothing changed), tenant isolation (404) and the plan (403).</summary>
public sealed class InputAndIsolationTests(CompensationFixture app) : IClassFixture<CompensationFixture>
{
    private readonly CompensationScenario _scenario = new(app);

    private Task<string> CountAsync(string table) => TestRows.ReadAsync(app.ConnectionString, $"SELECT count(*) FROM compensation.{table}").ContinueWith(t => t.Result.Single());

    [Theory]
    [InlineData(0.125, 1, "0.13")] // half a cent: away from zero (banker's rounding would give 0.12)
    [InlineData(0.135, 1, "0.14")]
    [InlineData(33.3333, 3, "100.00")]
    [InlineData(100.00, 0.3333, "33.33")]
    [InlineData(25.00, 0.8333, "20.83")]
    [InlineData(12.345, 2.5, "30.86")] // 30.8625
    public async Task An_items_total_is_quantity_times_unit_amount_rounded_once_to_the_cent(double unit, double quantity, string expected)
    {
        var rate = await _scenario.RateAsync($"Deliverable {unit}", "Deliverable", (decimal)unit, effectiveFrom: null);
        var member = await app.CreateUserAsync("alpha", $"round-{Guid.NewGuid():N}"[..20], "member");
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var id = (await (await staff.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = member, description = "Report review", quantity = (decimal)quantity, rateId = rate }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        var item = await _scenario.ItemAsync(id);
        item.GetProperty("amount").GetRawText().ShouldBe(expected);
        item.GetProperty("unitAmount").GetDecimal().ShouldBe((decimal)unit);
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_a_code_and_changes_nothing()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var rates = await CountAsync("rates");
        var items = await CountAsync("payable_items");
        var payees = await CountAsync("payees");

        foreach (var body in new object[]
                 {
                     new { name = "Hourly", unit = "Hour", amount = 25m, currency = "XYZ" },
                     new { name = "Hourly", unit = "Hour", amount = 25.12345m, currency = "USD" },
                     new { name = "Hourly", unit = "Hour", amount = -5m, currency = "USD" },
                     new { name = "", unit = "Hour", amount = 25m, currency = "USD" },
                     new { name = "Hourly", unit = "Fortnight", amount = 25m, currency = "USD" },
                     new { name = "Hourly", unit = "Hour", amount = "lots", currency = "USD" },
                 })
        {
            var problem = await (await admin.PostAsJsonAsync("/api/compensation/rates", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("code").GetString()!.ShouldNotBeNullOrWhiteSpace();
        }

        await (await admin.PostAsJsonAsync("/api/compensation/rates", new { name = "Hourly", unit = "Hour", amount = 25m, currency = "USD", councilId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.UnknownCouncil);

        var member = await app.CreateUserAsync("alpha", "bad-input", "member");
        var rate = await _scenario.RateAsync("Deliverable", "Deliverable", 80m, effectiveFrom: null);
        rates = await CountAsync("rates");
        await (await admin.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = member, description = "Both", quantity = 1, rateId = rate, amount = 10m, currency = "USD" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.PriceOrAmount);
        await (await admin.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = member, description = "Neither" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.PriceOrAmount);
        await (await admin.PostAsJsonAsync("/api/compensation/payable-items", new { description = "Nobody", amount = 10m, currency = "USD" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.PayeeRequired);
        await (await admin.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = Guid.NewGuid(), description = "Stranger", amount = 10m, currency = "USD" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.UnknownUser);
        await (await admin.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = member, description = "Half cents", amount = 10.005m, currency = "USD" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, CompensationErrorCodes.TooManyDecimals);
        await (await admin.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = member, description = "Zero", quantity = 0, rateId = rate }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = member, description = "No rate", quantity = 1, rateId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.UnknownRate);
        await (await admin.GetAsync("/api/compensation/payable-items?sorting=secret")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");
        await (await admin.GetAsync("/api/compensation/rates?sorting=name%20sideways")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");

        (await CountAsync("rates")).ShouldBe(rates);
        (await CountAsync("payable_items")).ShouldBe(items);
        (await CountAsync("payees")).ShouldBe(payees);

        var id = await _scenario.EnteredItemAsync("alpha-staff", member, 10m);
        using var finance = await app.ClientAsync("alpha", "finance-1");
        await (await finance.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).ShouldBeSuccessAsync();
        await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "Bitcoin" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "Cash", reference = new string('x', 201) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await _scenario.ItemAsync(id)).GetProperty("status").GetString().ShouldBe("Approved");
    }

    [Fact]
    public async Task Another_partnerships_items_and_rates_are_not_found()
    {
        var member = await app.CreateUserAsync("alpha", "iso-member", "member");
        var id = await _scenario.EnteredItemAsync("alpha-staff", member, 15m);
        var rate = await _scenario.RateAsync("Alpha deliverable", "Deliverable", 15m, effectiveFrom: null);

        using var beta = await app.ClientAsync("beta", "beta-finance");
        await (await beta.GetAsync($"/api/compensation/payable-items/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.PostAsJsonAsync("/api/compensation/payable-items/pay", new { itemIds = new[] { id }, method = "Cash" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.PostAsJsonAsync($"/api/compensation/rates/{rate}/versions", new { amount = 20m, effectiveFrom = "2030-01-01" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = member, description = "Alpha's member", amount = 5m, currency = "USD" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.UnknownUser);
        var list = await (await beta.GetAsync("/api/compensation/payable-items")).ReadJsonAsync();
        list.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == id);
        (await _scenario.ItemAsync(id)).GetProperty("status").GetString().ShouldBe("Submitted");
    }

    [Fact]
    public async Task Every_endpoint_needs_the_plan_feature()
    {
        using var gamma = await app.ClientAsync("gamma", "admin");
        foreach (var path in new[] { "/api/compensation/rates", "/api/compensation/payees", "/api/compensation/payable-items", $"/api/compensation/payable-items/{Guid.NewGuid()}" })
        {
            await (await gamma.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Saas:FeatureNotEnabled");
        }

        await (await gamma.PostAsJsonAsync("/api/compensation/payable-items/approve", new { itemIds = new[] { Guid.NewGuid() } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous("alpha");
        (await anonymous.GetAsync("/api/compensation/payable-items")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var member = await app.ClientAsync("alpha", "alpha-member");
        (await member.GetAsync("/api/compensation/payable-items")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
