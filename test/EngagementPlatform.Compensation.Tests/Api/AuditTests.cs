namespace EngagementPlatform.Compensation.Tests.Api;

/// <summary>Every change of a rate, a payee or an item is in the audit log with its values before and after.</summary>
public sealed class AuditTests(CompensationFixture app) : IClassFixture<CompensationFixture>
{
    private async Task<List<JsonElement>> EntriesAsync(string type, Guid id)
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var page = await (await admin.GetAsync($"/api/audit-logs?EntityType={type}&EntityId={id}&sorting=time")).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static JsonElement Values(JsonElement entry) => JsonDocument.Parse(entry.GetProperty("valuesJson").GetString()!).RootElement;

    [Fact]
    public async Task Rates_payees_and_items_are_audited_with_before_and_after()
    {
        var scenario = new CompensationScenario(app);
        var rate = await scenario.RateAsync("Hourly stipend", "Hour", 25m, effectiveFrom: "2026-01-01");
        using var admin = await app.ClientAsync("alpha", "admin");
        await (await admin.PostAsJsonAsync($"/api/compensation/rates/{rate}/versions", new { amount = 30m, effectiveFrom = "2026-07-01" })).ShouldBeSuccessAsync();

        var rateEntries = await EntriesAsync("Rate", rate);
        rateEntries.Select(e => e.GetProperty("action").GetString()).ShouldBe(["Created", "Updated"]);
        Values(rateEntries[0]).GetProperty("Amount").GetProperty("after").GetDecimal().ShouldBe(25m);
        var ended = Values(rateEntries[1]).GetProperty("EffectiveTo");
        ended.GetProperty("before").ValueKind.ShouldBe(JsonValueKind.Null);
        ended.GetProperty("after").GetString().ShouldBe("2026-06-30");

        var member = await app.CreateUserAsync("alpha", "audit-member", "member");
        var item = await scenario.EnteredItemAsync("alpha-staff", member, 42.5m);
        using var finance = await app.ClientAsync("alpha", "finance-1");
        await (await finance.PostAsync($"/api/compensation/payable-items/{item}/approve", null)).ShouldBeSuccessAsync();
        await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{item}/pay", new { method = "Check", reference = "1001", paidOn = "2026-11-30" })).ShouldBeSuccessAsync();

        var itemEntries = await EntriesAsync("PayableItem", item);
        itemEntries.Select(e => e.GetProperty("action").GetString()).ShouldBe(["Created", "Updated", "Updated"]);
        Values(itemEntries[0]).GetProperty("Amount").GetProperty("after").GetDecimal().ShouldBe(42.5m);
        var approval = Values(itemEntries[1]).GetProperty("Status");
        (approval.GetProperty("before").GetString(), approval.GetProperty("after").GetString()).ShouldBe(("Submitted", "Approved"));
        var payment = Values(itemEntries[2]);
        (payment.GetProperty("Status").GetProperty("before").GetString(), payment.GetProperty("Status").GetProperty("after").GetString()).ShouldBe(("Approved", "Paid"));
        payment.GetProperty("PaidReference").GetProperty("after").GetString().ShouldBe("1001");
        itemEntries[2].GetProperty("userName").GetString().ShouldBe("finance-1");

        var payee = (await scenario.ItemAsync(item)).GetProperty("payee").GetProperty("id").GetGuid();
        var payeeEntry = (await EntriesAsync("Payee", payee)).ShouldHaveSingleItem();
        payeeEntry.GetProperty("action").GetString().ShouldBe("Created");
        Values(payeeEntry).GetProperty("UserId").GetProperty("after").GetGuid().ShouldBe(member);
    }
}
