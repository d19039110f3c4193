namespace EngagementPlatform.Compensation.Tests.Api;

/// <summary>
/// The approve and pay batches (issue 12: a batch of up to 1,000 items) cost the same number of SQL statements
/// whatever their size: the items and their payees are loaded in one statement each, the changes are saved in one
/// batch, and the payment emails are queued without a round trip per item (the template override is looked up once
/// per language, the outbox rows written in one statement).
/// </summary>
public sealed class CompensationBatchQueryCountTests(CompensationFixture app) : IClassFixture<CompensationFixture>
{
    private const string Items = "/api/compensation/payable-items";

    private async Task<List<SqlStatement>> HandlerStatementsAsync(HttpClient client, string action, object body, string message)
    {
        using var recording = app.Sql.Record();
        var response = await client.PostAsJsonAsync($"{Items}/{action}", body);
        await response.ShouldBeSuccessAsync();
        return [.. recording.For($"{Items}/{action}").Where(s => s.Message == message)];
    }

    [Fact]
    public async Task Approving_and_paying_two_items_or_ten_sends_the_same_statements()
    {
        var scenario = new CompensationScenario(app);
        var member = await app.CreateUserAsync("alpha", "qc-batch", "member");
        var first = await scenario.EnteredItemAsync("alpha-staff", member, 12.5m, "Batch count item");
        await TestRows.CopyAsync(app.ConnectionString, "compensation.payable_items", $"id = '{first}'", 11,
            "id = gen_random_uuid(), creation_time = creation_time - copy_n * interval '1 minute'");
        var ids = (await TestRows.ReadAsync(app.ConnectionString,
                $"SELECT id FROM compensation.payable_items WHERE payee_id = (SELECT payee_id FROM compensation.payable_items WHERE id = '{first}') ORDER BY creation_time"))
            .Select(Guid.Parse).ToList();
        ids.Count.ShouldBe(12);
        List<Guid> small = [.. ids.Take(2)], large = [.. ids.Skip(2)];
        using var finance = await app.ClientAsync("alpha", "finance-1");

        var approveSmall = await HandlerStatementsAsync(finance, "approve", new { itemIds = small }, "ApprovePayableItemsCommand");
        var approveLarge = await HandlerStatementsAsync(finance, "approve", new { itemIds = large }, "ApprovePayableItemsCommand");
        approveLarge.Count.ShouldBe(approveSmall.Count, $"approve 2 items:\n{string.Join("\n---\n", approveSmall)}\n\napprove 10 items:\n{string.Join("\n---\n", approveLarge)}");

        var paySmall = await HandlerStatementsAsync(finance, "pay", new { itemIds = small, method = "BankTransfer", reference = "QC-2" }, "PayPayableItemsCommand");
        var payLarge = await HandlerStatementsAsync(finance, "pay", new { itemIds = large, method = "BankTransfer", reference = "QC-10" }, "PayPayableItemsCommand");
        payLarge.Count.ShouldBe(paySmall.Count, $"pay 2 items:\n{string.Join("\n---\n", paySmall)}\n\npay 10 items:\n{string.Join("\n---\n", payLarge)}");

        // Still one payment email per item, each with the item's key, and the items paid.
        var queued = await TestRows.ReadAsync(app.ConnectionString,
            $"SELECT deduplication_key FROM notifications.outbox_messages WHERE deduplication_key LIKE 'compensation-item-paid:%' AND to_email = 'qc-batch@alpha.test'");
        queued.Select(key => Guid.Parse(key.Split(':')[1])).Order().ShouldBe(ids.Order());
        (await TestRows.ReadAsync(app.ConnectionString, $"SELECT count(*) FROM compensation.payable_items WHERE id IN ('{string.Join("','", ids)}') AND status = 'Paid'"))
            .ShouldBe(["12"]);
    }
}
