using Npgsql;

namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// The decisions list follows the list pattern (docs/adding-a-module.md, "Lists"): whatever the page size, it sends
/// the same two Governance statements (the count and the page, the page's counts folded into it as subqueries), loads
/// no inputs or voters, and neither reads nor answers a secret. The permission and tenant lookups the request needs
/// before the handler runs are counted separately: they must not depend on the page size either.
/// </summary>
public sealed class DecisionListQueryCountTests(QueryCountFixture app) : IClassFixture<QueryCountFixture>
{
    private const string List = "/api/governance/decisions";

    /// <summary>Governance statements per list request: <c>SELECT count(*)</c> and the page.</summary>
    private const int DocumentedStatements = 2;

    private static readonly string[] SecretColumns = ["public_input_token", "ballot_secret", "tally_json", "ballot_key", "email_confirmation_hash", "public_email"];

    private static readonly string[] SecretFields = ["publicInputToken", "ballotSecret", "ballotKey", "tallyJson", "publicEmail"];

    [Fact]
    public async Task The_list_sends_the_same_few_statements_for_any_page_size_and_no_secret()
    {
        var scenario = new GovernanceScenario(app);
        var council = await scenario.CouncilAsync("qc", ("CommunityMember", true), ("Provider", true), ("AgencyStaff", true));
        using var admin = await scenario.AdminAsync();

        // One decision as staff make it (a public input link and a secret ballot, so it has both secrets), with two
        // inputs, three eligible voters and one vote cast; then 99 copies of it, rows and children, in SQL.
        var created = await admin.PostAsJsonAsync(List, new
        {
            councilId = council.Id, title = "Source", method = "YesNo", quorum = 0.25, threshold = "SimpleMajority", secretBallot = true, allowPublicInput = true,
        });
        var source = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsync($"{List}/{source}/open-input", null)).ShouldBeSuccessAsync();
        foreach (var member in new[] { "qc-1", "qc-2" })
        {
            using var author = await app.ClientAsync("alpha", member);
            (await author.PostAsJsonAsync($"{List}/{source}/inputs", new { text = $"Input from {member}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await (await admin.PostAsync($"{List}/{source}/open-voting", null)).ShouldBeSuccessAsync();
        await (await scenario.VoteAsync("qc-1", source, new { choice = "Yes" })).ShouldBeSuccessAsync();
        await CopyDecisionAsync(source, 99);
        var tokens = await PublicInputTokensAsync();
        tokens.Count.ShouldBe(100, "every decision must hold the secrets the list must not show");

        using var member1 = await app.ClientAsync("alpha", "qc-1");
        await (await member1.GetAsync($"{List}?maxResultCount=20")).ShouldBeSuccessAsync(); // warm-up: sign-in, caches, compiled queries
        var otherCounts = new List<int>();
        foreach (var size in new[] { 1, 20, 100 })
        {
            using var recording = app.Sql.Record();
            var response = await member1.GetAsync($"{List}?maxResultCount={size}");
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            var body = JsonDocument.Parse(text).RootElement;
            body.GetProperty("totalCount").GetInt64().ShouldBe(100);
            var items = body.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBe(size);
            foreach (var item in items)
            {
                item.GetProperty("inputCount").GetInt32().ShouldBe(2);
                item.GetProperty("eligibleVoters").GetInt32().ShouldBe(3);
                item.GetProperty("votesCast").GetInt32().ShouldBe(1);
                item.GetProperty("isVotingOpen").GetBoolean().ShouldBeTrue();
                item.GetProperty("secretBallot").GetBoolean().ShouldBeTrue();
                foreach (var field in SecretFields)
                {
                    item.TryGetProperty(field, out _).ShouldBeFalse($"the list item shows {field}");
                }
            }

            foreach (var token in tokens)
            {
                text.ShouldNotContain(token);
            }

            var statements = recording.For(List);
            var governance = statements.Where(s => s.Touches("governance")).ToList();
            governance.Count.ShouldBe(DocumentedStatements, $"page size {size}:\n{string.Join("\n---\n", governance)}");
            foreach (var statement in governance)
            {
                foreach (var column in SecretColumns)
                {
                    statement.Sql.ShouldNotContain(column, Case.Insensitive, $"page size {size} reads {column}");
                }
            }

            otherCounts.Add(statements.Count - governance.Count);
        }

        otherCounts.Distinct().Count().ShouldBe(1, $"permission and tenant lookups per page size 1, 20, 100: {string.Join(", ", otherCounts)}");
    }

    [Fact]
    public async Task Each_filter_keeps_to_the_same_two_statements()
    {
        var scenario = new GovernanceScenario(app, "beta");
        var council = await scenario.CouncilAsync("qf", ("CommunityMember", true));
        using var admin = await scenario.AdminAsync();
        for (var i = 0; i < 3; i++)
        {
            await (await admin.PostAsJsonAsync(List, new { councilId = council.Id, title = $"Filtered {i}", method = "YesNo", quorum = 0.25, threshold = "SimpleMajority", secretBallot = false }))
                .ShouldBeSuccessAsync();
        }

        await (await admin.GetAsync(List)).ShouldBeSuccessAsync();
        foreach (var query in new[] { $"councilId={council.Id}", "state=Draft", "overdue=true", $"councilId={council.Id}&state=Draft&sorting=title", "sorting=votingClosesAt%20desc" })
        {
            using var recording = app.Sql.Record();
            var items = (await (await admin.GetAsync($"{List}?{query}")).ReadJsonAsync()).GetProperty("items");
            items.GetArrayLength().ShouldBe(query.StartsWith("overdue", StringComparison.Ordinal) ? 0 : 3, query);
            recording.For(List).Count(s => s.Touches("governance")).ShouldBe(DocumentedStatements, query);
        }
    }

    /// <summary>Copies a decision with its inputs, eligible voters, ballots and participations, each copy a minute older than the last.</summary>
    private async Task CopyDecisionAsync(Guid source, int copies)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var sql = $"""
            CREATE TEMP TABLE copy_map AS SELECT gen_random_uuid() AS copy_id, g AS copy_n FROM generate_series(1, {copies}) g;
            CREATE TEMP TABLE copy_d AS SELECT m.copy_id, m.copy_n, d.* FROM governance.decisions d CROSS JOIN copy_map m WHERE d.id = '{source}';
            UPDATE copy_d SET id = copy_id, title = title || ' ' || copy_n, public_input_token = md5(copy_id::text), creation_time = creation_time - copy_n * interval '1 minute';
            ALTER TABLE copy_d DROP COLUMN copy_id, DROP COLUMN copy_n;
            INSERT INTO governance.decisions SELECT * FROM copy_d;
            {Children("decision_inputs", "id = gen_random_uuid(), email_confirmation_hash = NULL")}
            {Children("eligible_voters", null)}
            {Children("ballots", "id = gen_random_uuid()")}
            {Children("ballot_participations", null)}
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();

        string Children(string table, string? set) => $"""
            CREATE TEMP TABLE copy_{table} AS SELECT m.copy_id, c.* FROM governance.{table} c CROSS JOIN copy_map m WHERE c.decision_id = '{source}';
            UPDATE copy_{table} SET decision_id = copy_id{(set is null ? string.Empty : ", " + set)};
            ALTER TABLE copy_{table} DROP COLUMN copy_id;
            INSERT INTO governance.{table} SELECT * FROM copy_{table};
            """;
    }

    private async Task<List<string>> PublicInputTokensAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT public_input_token FROM governance.decisions WHERE tenant_id = @tenant AND public_input_token IS NOT NULL AND ballot_secret IS NOT NULL", connection);
        command.Parameters.AddWithValue("tenant", app.AlphaId);
        var tokens = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tokens.Add(reader.GetString(0));
        }

        return tokens;
    }
}
