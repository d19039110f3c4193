using Npgsql;
using static EngagementPlatform.Governance.Tests.Api.DatabaseRows;

namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// Reads the database the way someone with SQL read access would, after a secret vote closed, and tries every
/// property a row carries (transaction id, physical position, id order, timestamps, keys) to pair voters with the
/// ballots they cast. Each voter casts a different ranking, so any pairing that worked would show.
/// </summary>
public sealed class SecretBallotStorageTests(VerboseLogFixture app) : IClassFixture<VerboseLogFixture>
{
    private static readonly string[] Titles = ["Alder", "Birch", "Cedar", "Damson"];

    private readonly GovernanceScenario _alpha = new(app);

    [Fact]
    public async Task After_close_no_column_or_row_property_pairs_a_voter_with_their_secret_ballot()
    {
        var council = await _alpha.CouncilAsync("sql", Enumerable.Range(0, 8).Select(_ => ("CommunityMember", true)).ToArray());
        var decision = await _alpha.DecisionAsync(council.Id, new { method = "RankedChoice", quorum = 0.5, threshold = "SimpleMajority", secretBallot = true, options = Titles });
        var id = decision.GetProperty("id").GetGuid();
        var optionTitles = decision.GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetGuid(), o => o.GetProperty("title").GetString()!);

        // Eight different rankings, one per voter, cast in seat order (the order the participation rows are written).
        var truth = new Dictionary<Guid, string>();
        for (var i = 0; i < council.Members.Count; i++)
        {
            var ranking = Rotate(Titles, i % 4);
            if (i >= 4)
            {
                (ranking[2], ranking[3]) = (ranking[3], ranking[2]);
            }

            await (await _alpha.VoteAsync(council.Members[i].UserName, id, new { ranking })).ShouldBeSuccessAsync();
            truth[council.Members[i].UserId] = string.Join('>', ranking);
        }

        truth.Values.Distinct().Count().ShouldBe(8);

        // One voter changes their mind while voting is open: the change replaces their ballot, it does not add one.
        var changed = new[] { "Damson", "Birch", "Alder", "Cedar" };
        await (await _alpha.VoteAsync(council.Members[5].UserName, id, new { ranking = changed })).ShouldBeSuccessAsync();
        truth[council.Members[5].UserId] = string.Join('>', changed);
        truth.Values.Distinct().Count().ShouldBe(8);

        var tally = await _alpha.CloseAsync(id);
        tally.GetProperty("cast").GetInt32().ShouldBe(8);
        (await _alpha.TallyAsync(id, recount: true)).GetRawText().ShouldBe(tally.GetRawText());
        await (await _alpha.VoteAsync(council.Members[0].UserName, id, new { ranking = Titles })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:VotingClosed");

        await using var sql = new NpgsqlConnection(app.ConnectionString);
        await sql.OpenAsync();
        string Content(string json) => string.Join('>', JsonDocument.Parse(json).RootElement.GetProperty("options").EnumerateArray().Select(o => optionTitles[o.GetGuid()]));

        // The stored ballots are exactly the ballots cast (so the tally is reproducible), and nothing names or keys them.
        var ballots = await RowsAsync(sql, "SELECT content_json::text, (voter_user_id IS NULL AND ballot_key IS NULL)::text FROM governance.ballots WHERE decision_id = @id", id);
        ballots.Select(b => Content(b[0])).Order().ShouldBe(truth.Values.Order());
        ballots.Count(b => b[1] != "true").ShouldBe(0, "a stored ballot still names its voter or keeps its key");
        (await ScalarAsync(sql, "SELECT (ballot_secret IS NULL)::text FROM governance.decisions WHERE id = @id", id)).ShouldBe("true");

        // Transaction ids: ballots carry no xmin that any participation or electorate row has.
        (await RowsAsync(sql, "SELECT p.user_id::text, b.content_json::text FROM governance.ballot_participations p JOIN governance.ballots b ON b.decision_id = p.decision_id AND b.xmin = p.xmin WHERE p.decision_id = @id", id)).ShouldBeEmpty();
        (await RowsAsync(sql, "SELECT v.user_id::text, b.content_json::text FROM governance.eligible_voters v JOIN governance.ballots b ON b.decision_id = v.decision_id AND b.xmin = v.xmin WHERE v.decision_id = @id", id)).ShouldBeEmpty();
        (await RowsAsync(sql, "SELECT DISTINCT xmin::text FROM governance.ballots WHERE decision_id = @id", id)).Count.ShouldBe(1, "all ballots were written by the one closing transaction");

        // Timestamps: neither table has a time column a join could use.
        (await RowsAsync(sql, """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'governance' AND table_name IN ('ballots', 'ballot_participations')
              AND (data_type LIKE 'timestamp%' OR data_type IN ('date', 'time without time zone', 'time with time zone', 'interval'))
            """, id)).ShouldBeEmpty();

        // Orders: line up voters and ballots by every order a reader could sort them in, and see whether it names the choices.
        var voterOrders = new Dictionary<string, string>
        {
            ["participations by ctid"] = "SELECT user_id::text FROM governance.ballot_participations WHERE decision_id = @id ORDER BY ctid",
            ["participations by xmin"] = "SELECT user_id::text FROM governance.ballot_participations WHERE decision_id = @id ORDER BY xmin::text::bigint, ctid",
            ["participations by user id"] = "SELECT user_id::text FROM governance.ballot_participations WHERE decision_id = @id ORDER BY user_id",
            ["electorate by ctid"] = "SELECT user_id::text FROM governance.eligible_voters WHERE decision_id = @id ORDER BY ctid",
        };
        var ballotOrders = new Dictionary<string, string>
        {
            ["ballots by ctid"] = "SELECT content_json::text FROM governance.ballots WHERE decision_id = @id ORDER BY ctid",
            ["ballots by id"] = "SELECT content_json::text FROM governance.ballots WHERE decision_id = @id ORDER BY id",
            ["ballots by xmin"] = "SELECT content_json::text FROM governance.ballots WHERE decision_id = @id ORDER BY xmin::text::bigint, ctid",
        };

        // Cast order is the truth's order for at least one voter order (participations by ctid/xmin): a ballot table
        // still in cast order would reproduce the mapping. A random order matches all eight only by 1-in-40320 chance.
        var castOrder = (await RowsAsync(sql, voterOrders["participations by ctid"], id)).Select(r => Guid.Parse(r[0])).ToList();
        castOrder.ShouldBe(council.Members.Select(m => m.UserId).ToList());
        foreach (var (voterOrderName, voterSql) in voterOrders)
        {
            var voters = (await RowsAsync(sql, voterSql, id)).Select(r => Guid.Parse(r[0])).ToList();
            foreach (var (ballotOrderName, ballotSql) in ballotOrders)
            {
                var contents = (await RowsAsync(sql, ballotSql, id)).Select(r => Content(r[0])).ToList();
                var paired = voters.Zip(contents).Count(p => truth[p.First] == p.Second);
                paired.ShouldBeLessThan(voters.Count, $"{voterOrderName} lined up with {ballotOrderName} named every voter's choice");
            }
        }

        // The logs never put a voter beside a ranking either.
        foreach (var member in council.Members)
        {
            app.Logs.Lines
                .Where(l => l.Contains(member.UserId.ToString(), StringComparison.OrdinalIgnoreCase))
                .ShouldNotContain(l => Titles.Any(t => l.Contains(t, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Withdrawing_a_secret_vote_clears_the_ballot_keys_and_one_member_still_has_one_ballot()
    {
        var council = await _alpha.CouncilAsync("wd", ("CommunityMember", true), ("CommunityMember", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = true })).GetProperty("id").GetGuid();
        using var voter = await app.ClientAsync("alpha", "wd-1");
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            voter.PutAsJsonAsync($"/api/governance/decisions/{id}/my-vote", new { choice = i % 2 == 0 ? "Yes" : "No" })));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        await (await _alpha.VoteAsync("wd-2", id, new { choice = "No" })).ShouldBeSuccessAsync();

        await using var sql = new NpgsqlConnection(app.ConnectionString);
        await sql.OpenAsync();
        (await ScalarAsync(sql, "SELECT count(*)::text FROM governance.ballots WHERE decision_id = @id AND ballot_key IS NOT NULL", id)).ShouldBe("2");

        using var admin = await _alpha.AdminAsync();
        await (await admin.PostAsJsonAsync($"/api/governance/decisions/{id}/withdraw", new { reason = "Superseded by the budget vote" })).ShouldBeSuccessAsync();

        (await ScalarAsync(sql, "SELECT count(*)::text FROM governance.ballots WHERE decision_id = @id", id)).ShouldBe("2");
        (await ScalarAsync(sql, "SELECT count(*)::text FROM governance.ballots WHERE decision_id = @id AND (ballot_key IS NOT NULL OR voter_user_id IS NOT NULL)", id)).ShouldBe("0");
        (await ScalarAsync(sql, "SELECT (ballot_secret IS NULL)::text FROM governance.decisions WHERE id = @id", id)).ShouldBe("true");
    }

    private static string[] Rotate(string[] items, int by) => items.Skip(by).Concat(items.Take(by)).ToArray();
}
