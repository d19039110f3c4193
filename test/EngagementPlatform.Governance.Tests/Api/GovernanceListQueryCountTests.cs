namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// Every Governance list besides the decisions list (<see cref="DecisionListQueryCountTests"/>) follows the list
/// pattern (docs/adding-a-module.md, "Lists"): with 1 row and with 30, for page sizes 5 and 25, its handler sends the
/// same documented number of statements, loads no aggregate and reads no secret column. A permission or tenant lookup
/// the handler makes through a shared service counts with the rest of the request (its caching is the permission and
/// tenant stores' concern), which must cost the same each time too.
/// </summary>
public sealed class GovernanceListQueryCountTests(QueryCountFixture app) : IClassFixture<QueryCountFixture>
{
    private static readonly Func<SqlStatement, bool> Lookup = s => s.Touches("saas") || s.Sql.Contains("permission_grants", StringComparison.Ordinal);

    private static readonly string[] DecisionSecretColumns = ["public_input_token", "ballot_secret", "tally_json", "ballot_key", "email_confirmation_hash", "public_email"];

    [Fact]
    public async Task The_councils_list_sends_four_statements()
    {
        // Beta's only council, so the list holds 1 row, then 30 (the copies have the same seats, vacant).
        var council = await new GovernanceScenario(app, "beta").CouncilAsync("qcc", ("CommunityMember", true), ("Provider", false));
        using var admin = await app.ClientAsync("beta", "admin");
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, "/api/governance/councils", "GetCouncilsQuery", expected: 4,
            fewRows: 1,
            grow: async () =>
            {
                await TestRows.CopyAsync(app.ConnectionString, "governance.councils", $"id = '{council.Id}'", 29,
                    "id = md5('qcc-' || copy_n)::uuid, name = 'qcc council ' || lpad(copy_n::text, 2, '0')");
                await TestRows.CopyAsync(app.ConnectionString, "governance.seats", $"council_id = '{council.Id}'", 29,
                    "id = gen_random_uuid(), council_id = md5('qcc-' || copy_n)::uuid");
            },
            manyRows: 30,
            lookup: Lookup);
        var first = JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items")[0];
        first.GetProperty("name").GetString().ShouldBe("qcc council");
        first.GetProperty("seats").GetInt32().ShouldBe(2);
        first.GetProperty("votingSeats").GetInt32().ShouldBe(1);
        first.GetProperty("vacantSeats").GetInt32().ShouldBe(0);
        var copy = JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items")[1];
        copy.GetProperty("seats").GetInt32().ShouldBe(2);
        copy.GetProperty("vacantSeats").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task The_meetings_list_sends_five_statements()
    {
        var council = await new GovernanceScenario(app).CouncilAsync("qcm", ("CommunityMember", true), ("CommunityMember", true), ("Provider", true));
        using var admin = await app.ClientAsync("alpha", "admin");
        var meetings = $"/api/governance/councils/{council.Id}/meetings";
        var meeting = (await (await admin.PostAsJsonAsync(meetings, new { title = "Counted", startsAt = "2026-12-01T18:00:00Z", durationMinutes = 60 })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        await (await admin.PutAsJsonAsync($"{meetings}/{meeting}/attendance", council.Members.Select(m => new { userId = m.UserId, attended = true }).ToList())).ShouldBeSuccessAsync();
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, meetings, "GetMeetingsQuery", expected: 5,
            fewRows: 1,
            grow: async () =>
            {
                await TestRows.CopyAsync(app.ConnectionString, "governance.meetings", $"id = '{meeting}'", 29,
                    "id = md5('qcm-' || copy_n)::uuid, starts_at = starts_at - copy_n * interval '7 days'");
                await TestRows.CopyAsync(app.ConnectionString, "governance.attendance", $"meeting_id = '{meeting}'", 29, "meeting_id = md5('qcm-' || copy_n)::uuid");
            },
            manyRows: 30,
            lookup: Lookup);
        foreach (var item in JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items").EnumerateArray())
        {
            item.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldBe(["qcm-1", "qcm-2", "qcm-3"]);
        }

        (await app.Sql.MeasureAsync(admin, meetings, "GetMeetingsQuery", 25, "sorting=title", Lookup)).Handler.Count.ShouldBe(5);
    }

    [Fact]
    public async Task The_inputs_list_sends_three_statements_and_four_when_sorted_by_author()
    {
        var scenario = new GovernanceScenario(app);
        var council = await scenario.CouncilAsync("qci", ("CommunityMember", true));
        var decision = (await scenario.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false))
            .GetProperty("id").GetGuid();
        using var admin = await app.ClientAsync("alpha", "admin");
        await (await admin.PostAsync($"/api/governance/decisions/{decision}/open-input", null)).ShouldBeSuccessAsync();
        using var author = await app.ClientAsync("alpha", "qci-1");
        (await author.PostAsJsonAsync($"/api/governance/decisions/{decision}/inputs", new { text = "Counted input" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var inputs = $"/api/governance/decisions/{decision}/inputs";
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, inputs, "GetInputsQuery", expected: 3,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "governance.decision_inputs", $"decision_id = '{decision}'", 29,
                "id = gen_random_uuid(), created_at = created_at + copy_n * interval '1 minute'"),
            manyRows: 30,
            secretColumns: DecisionSecretColumns,
            lookup: Lookup);
        JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items").EnumerateArray()
            .ShouldAllBe(i => i.GetProperty("authorName").GetString() == "qci-1" && i.GetProperty("text").GetString() == "Counted input");

        foreach (var size in ListQueryCount.PageSizes)
        {
            var byAuthor = await app.Sql.MeasureAsync(admin, inputs, "GetInputsQuery", size, "sorting=authorName%20desc", Lookup);
            byAuthor.Handler.Count.ShouldBe(4, string.Join("\n---\n", byAuthor.Handler));
            byAuthor.Items.ShouldBe(size);
        }
    }

    [Fact]
    public async Task The_votes_list_sends_three_statements_and_reads_no_ballot_key()
    {
        var scenario = new GovernanceScenario(app);
        var council = await scenario.CouncilAsync("qcv", ("CommunityMember", true));
        var decision = (await scenario.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false })).GetProperty("id").GetGuid();
        await (await scenario.VoteAsync("qcv-1", decision, new { choice = "Yes" })).ShouldBeSuccessAsync();
        using var admin = await app.ClientAsync("alpha", "admin");
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, $"/api/governance/decisions/{decision}/votes", "GetVotesQuery", expected: 3,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "governance.ballots", $"decision_id = '{decision}'", 29,
                "id = gen_random_uuid(), voter_user_id = gen_random_uuid()"),
            manyRows: 30,
            secretColumns: DecisionSecretColumns,
            lookup: Lookup);
        JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items").EnumerateArray().ShouldAllBe(v => v.GetProperty("choice").GetString() == "Yes");

        // The copies' voters are unknown to the user directory (no name), so the one named voter leads when sorted by name descending.
        var byName = await app.Sql.MeasureAsync(admin, $"/api/governance/decisions/{decision}/votes", "GetVotesQuery", 5, "sorting=name%20desc", Lookup);
        byName.Handler.Count.ShouldBe(3);
        JsonDocument.Parse(byName.Body).RootElement.GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("qcv-1");
    }

    [Fact]
    public async Task The_seat_history_sends_three_statements()
    {
        var council = await new GovernanceScenario(app).CouncilAsync("qcs", ("CommunityMember", true));
        var seat = council.Members[0].SeatId;
        using var admin = await app.ClientAsync("alpha", "admin");
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, $"/api/governance/councils/{council.Id}/seats/{seat}/assignments", "GetSeatHistoryQuery", expected: 3,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "governance.seat_assignments", $"seat_id = '{seat}'", 29,
                "id = gen_random_uuid(), term_start = term_start - copy_n * 40, term_end = term_start - copy_n * 40 + 30"),
            manyRows: 30,
            lookup: Lookup);
        JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items").EnumerateArray().ShouldAllBe(a => a.GetProperty("name").GetString() == "qcs-1");
        (await app.Sql.MeasureAsync(admin, $"/api/governance/councils/{council.Id}/seats/{seat}/assignments", "GetSeatHistoryQuery", 5, "sorting=name", Lookup)).Handler.Count.ShouldBe(3);
    }

    [Fact]
    public async Task My_influence_sends_three_statements()
    {
        var scenario = new GovernanceScenario(app);
        var council = await scenario.CouncilAsync("qcf", ("CommunityMember", true));
        var decision = (await scenario.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false, allowPublicInput = true }, openVoting: false))
            .GetProperty("id").GetGuid();
        using var admin = await app.ClientAsync("alpha", "admin");
        await (await admin.PostAsync($"/api/governance/decisions/{decision}/open-input", null)).ShouldBeSuccessAsync();
        using var member = await app.ClientAsync("alpha", "qcf-1");
        (await member.PostAsJsonAsync($"/api/governance/decisions/{decision}/inputs", new { text = "My counted input" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var costs = await app.Sql.ShouldCostFixedAsync(
            member, "/api/governance/my-influence", "GetMyInfluenceQuery", expected: 3,
            fewRows: 1,
            grow: async () =>
            {
                await TestRows.CopyAsync(app.ConnectionString, "governance.decisions", $"id = '{decision}'", 29,
                    "id = md5('qcf-' || copy_n)::uuid, public_input_token = md5('qcf-token-' || copy_n), creation_time = creation_time - copy_n * interval '1 minute'");
                await TestRows.CopyAsync(app.ConnectionString, "governance.decision_inputs", $"decision_id = '{decision}'", 29,
                    "id = gen_random_uuid(), decision_id = md5('qcf-' || copy_n)::uuid");
            },
            manyRows: 30,
            secretColumns: DecisionSecretColumns,
            secretValues: () => TestRows.ReadAsync(app.ConnectionString, $"SELECT public_input_token FROM governance.decisions WHERE id = '{decision}'").GetAwaiter().GetResult(),
            lookup: Lookup);
        JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items").EnumerateArray()
            .ShouldAllBe(d => d.GetProperty("inputs").EnumerateArray().Single().GetProperty("text").GetString() == "My counted input");
    }
}
