namespace EngagementPlatform.Notifications.Tests;

/// <summary>
/// The Notifications lists follow the list pattern (docs/adding-a-module.md, "Lists"): whatever the page size and
/// however many rows the partnership has, each handler sends a fixed number of statements, and the outbox list never
/// reads a body or the unsubscribe link (which holds the recipient's unsubscribe token).
/// </summary>
public sealed class NotificationListQueryCountTests(QueryCountFixture app) : IClassFixture<QueryCountFixture>
{
    private const string Outbox = "/api/notifications/outbox";

    [Fact]
    public async Task The_outbox_sends_two_statements_for_any_page_size_and_any_number_of_messages_and_reads_no_body()
    {
        var id = Guid.NewGuid();
        await TestRows.ReadAsync(app.ConnectionString, $"""
            INSERT INTO notifications.outbox_messages
                (id, tenant_id, template, category, culture, to_email, subject, text_body, html_body, unsubscribe_url, status, attempts, next_attempt_at, last_error, created_at)
            VALUES ('{id}', '{app.AlphaId}', 'qc', 'Essential', 'en', 'qc@alpha.test', 'Counted', 'secret text body', '<p>secret html body</p>',
                    'https://alpha.test/unsubscribe/secret-unsubscribe-token', 'Failed', 5, now(), 'refused', now())
            RETURNING id
            """);
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        string[] secretColumns = ["text_body", "html_body", "unsubscribe_url"];
        string[] secretValues = ["secret text body", "secret html body", "secret-unsubscribe-token"];
        await app.Sql.ShouldCostFixedAsync(
            staff, Outbox, "GetOutboxQuery", expected: 2,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "notifications.outbox_messages", $"id = '{id}'", 29,
                "id = gen_random_uuid(), created_at = created_at - copy_n * interval '1 minute'"),
            manyRows: 30,
            query: "status=Failed",
            secretColumns: secretColumns,
            secretValues: () => secretValues);

        foreach (var query in new[] { "sorting=toEmail", "status=Failed&sorting=attempts%20desc" })
        {
            var cost = await app.Sql.MeasureAsync(staff, Outbox, "GetOutboxQuery", 25, query);
            cost.Handler.Count.ShouldBe(2, query);
            foreach (var secret in secretValues)
            {
                cost.Body.ShouldNotContain(secret);
            }
        }
    }

    [Fact]
    public async Task The_templates_list_sends_one_statement_for_any_page_size_and_any_number_of_overrides()
    {
        using var admin = await app.ClientAsync("beta", "admin");
        var catalogue = (await (await admin.GetAsync("/api/notifications/templates?maxResultCount=1000")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(t => (Name: t.GetProperty("name").GetString()!, Culture: t.GetProperty("culture").GetString()!)).ToList();
        catalogue.Count.ShouldBeGreaterThan(ListQueryCount.PageSizes[0], "the catalogue must be longer than the smaller page");
        var first = catalogue[0];
        (await admin.PostAsJsonAsync("/api/notifications/templates/overrides", new { name = first.Name, culture = first.Culture, subject = "Override 0", text = "x", html = "<p>x</p>" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var rest = catalogue.Skip(1).ToList();
        var names = string.Join(", ", rest.Select(t => $"'{t.Name}'"));
        var cultures = string.Join(", ", rest.Select(t => $"'{t.Culture}'"));
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, "/api/notifications/templates", "GetTemplatesQuery", expected: 1,
            fewRows: catalogue.Count,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "notifications.template_overrides", $"tenant_id = '{app.BetaId}'", rest.Count,
                $"id = gen_random_uuid(), name = (ARRAY[{names}])[copy_n], culture = (ARRAY[{cultures}])[copy_n], subject = 'Override ' || copy_n"),
            manyRows: catalogue.Count);
        JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items").EnumerateArray().ShouldAllBe(t => t.GetProperty("isOverride").GetBoolean());
    }
}
