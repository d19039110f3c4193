namespace EngagementPlatform.AuditLogging.Tests;

/// <summary>
/// The audit log list follows the list pattern (docs/adding-a-module.md, "Lists"): whatever the page size and however
/// many entries the partnership has, its handler sends the same two statements (the count and the page).
/// </summary>
public sealed class AuditLogListQueryCountTests(QueryCountFixture app) : IClassFixture<QueryCountFixture>
{
    [Fact]
    public async Task The_audit_log_sends_two_statements_for_any_page_size_and_any_number_of_entries()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var councilId = (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name = "Counted" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await app.Sql.ShouldCostFixedAsync(
            admin, "/api/audit-logs", "GetAuditLogsQuery", expected: 2,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(
                app.ConnectionString, "audit.audit_log_entries", $"entity_id = '{councilId}'", 29,
                "id = gen_random_uuid(), entity_id = gen_random_uuid()::text, time = time - copy_n * interval '1 minute'"),
            manyRows: 30,
            query: "entityType=Council");

        // The default order (newest first) and a filter on the user keep to the same two statements.
        foreach (var query in new[] { "entityType=Council&sorting=userName", $"entityType=Council&entityId={councilId}", "action=Created&sorting=time%20desc" })
        {
            var cost = await app.Sql.MeasureAsync(admin, "/api/audit-logs", "GetAuditLogsQuery", 25, query);
            cost.Handler.Count.ShouldBe(2, query);
        }
    }
}
