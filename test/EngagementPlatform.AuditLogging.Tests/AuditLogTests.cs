namespace EngagementPlatform.AuditLogging.Tests;

/// <summary>The audit log through the API, against real PostgreSQL: what a change records, and who may read it.</summary>
public sealed class AuditLogTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private static readonly string TermStart = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_change_to_an_audited_entity_records_who_when_tenant_and_action()
    {
        var auditorId = await app.CreateUserAsync("alpha", "log-author", "admin");
        using var author = await app.ClientAsync("alpha", "log-author");
        var before = app.Clock.Now.AddSeconds(-1);
        var councilId = await CreateCouncilAsync(author, "Audited council");

        using var admin = await app.ClientAsync("alpha", "admin");
        var page = await (await admin.GetAsync($"/api/audit-logs?entityType=Council&entityId={councilId}")).ReadJsonAsync();
        page.GetProperty("totalCount").GetInt64().ShouldBe(1);
        var entry = page.GetProperty("items")[0];
        entry.GetProperty("action").GetString().ShouldBe("Created");
        entry.GetProperty("userId").GetGuid().ShouldBe(auditorId);
        entry.GetProperty("userName").GetString().ShouldBe("log-author");
        entry.GetProperty("time").GetDateTimeOffset().ShouldBeInRange(before, app.Clock.Now.AddSeconds(1));
        entry.GetProperty("changedProperties").EnumerateArray().Select(p => p.GetString()).ShouldContain("Name");
        // Councils keep no values: only the names of what changed.
        entry.GetProperty("valuesJson").ValueKind.ShouldBe(JsonValueKind.Null);

        // The same entry, found by who made it and by action.
        var byUser = await (await admin.GetAsync($"/api/audit-logs?userId={auditorId}&action=Created&entityType=Council")).ReadJsonAsync();
        byUser.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entityId").GetString()).ShouldBe([councilId.ToString()]);
    }

    [Fact]
    public async Task A_decision_keeps_its_state_before_and_after()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var (councilId, _) = await CouncilWithVoterAsync(admin, "state");
        var decisionId = await CreateDecisionAsync(admin, councilId, secretBallot: false);
        await (await admin.PostAsync($"/api/governance/decisions/{decisionId}/open-voting", null)).ShouldBeSuccessAsync();

        var page = await (await admin.GetAsync($"/api/audit-logs?entityType=Decision&entityId={decisionId}&action=Updated")).ReadJsonAsync();
        var opened = page.GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("changedProperties").EnumerateArray().Any(p => p.GetString() == "State"));
        var values = JsonDocument.Parse(opened.GetProperty("valuesJson").GetString()!).RootElement;
        values.GetProperty("State").GetProperty("before").GetString().ShouldBe("Draft");
        values.GetProperty("State").GetProperty("after").GetString().ShouldBe("Voting");
        // The secret that links voters to secret ballots is never recorded, not even by name.
        opened.GetProperty("changedProperties").EnumerateArray().Select(p => p.GetString()).ShouldNotContain("BallotSecret");
        values.TryGetProperty("BallotSecret", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_secret_ballot_vote_records_no_choice()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var (councilId, voterId) = await CouncilWithVoterAsync(admin, "secret");
        var decisionId = await CreateDecisionAsync(admin, councilId, secretBallot: true);
        await (await admin.PostAsync($"/api/governance/decisions/{decisionId}/open-voting", null)).ShouldBeSuccessAsync();

        using var voter = await app.ClientAsync("alpha", "secret-voter");
        await (await voter.PutAsJsonAsync($"/api/governance/decisions/{decisionId}/my-vote", new { choice = "No" })).ShouldBeSuccessAsync();
        await (await voter.PutAsJsonAsync($"/api/governance/decisions/{decisionId}/my-vote", new { choice = "Yes" })).ShouldBeSuccessAsync();

        // Nothing the voter did is in the log: no ballot, no participation, no decision change carrying a choice.
        var byVoter = await (await admin.GetAsync($"/api/audit-logs?userId={voterId}&maxResultCount=1000")).ReadJsonAsync();
        byVoter.GetProperty("totalCount").GetInt64().ShouldBe(0);
        var all = await (await admin.GetAsync("/api/audit-logs?maxResultCount=1000")).ReadJsonAsync();
        foreach (var entry in all.GetProperty("items").EnumerateArray())
        {
            entry.GetProperty("entityType").GetString().ShouldNotBeOneOf("Ballot", "BallotParticipation");
            (entry.GetProperty("valuesJson").GetString() ?? string.Empty).ShouldNotContain("ContentJson");
        }
    }

    [Fact]
    public async Task A_rolled_back_change_records_nothing()
    {
        using var host = await app.HostAdminAsync();
        var before = await (await host.GetAsync("/api/audit-logs?entityType=Tenant&action=Created")).ReadJsonAsync();

        // The admin's password is refused after the tenant row was added: the whole request rolls back.
        await (await host.PostAsJsonAsync("/api/saas/tenants", new { name = "rolledback", adminEmailAddress = "a@rolledback.test", adminPassword = "short" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var after = await (await host.GetAsync("/api/audit-logs?entityType=Tenant&action=Created")).ReadJsonAsync();
        after.GetProperty("totalCount").GetInt64().ShouldBe(before.GetProperty("totalCount").GetInt64());
        // A tenant that is created is recorded on the host's side.
        before.GetProperty("totalCount").GetInt64().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task One_tenants_admin_never_sees_anothers_entries()
    {
        using var alpha = await app.ClientAsync("alpha", "admin");
        var councilId = await CreateCouncilAsync(alpha, "Private council");

        using var beta = await app.ClientAsync("beta", "admin");
        var page = await (await beta.GetAsync($"/api/audit-logs?entityId={councilId}")).ReadJsonAsync();
        page.GetProperty("totalCount").GetInt64().ShouldBe(0);
        var csv = await (await beta.GetAsync("/api/audit-logs/export")).Content.ReadAsStringAsync();
        csv.ShouldNotContain(councilId.ToString());

        // A member of alpha may not read its log at all.
        using var member = await app.ClientAsync("alpha", "alpha-member");
        await (await member.GetAsync("/api/audit-logs")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_export_is_csv_whose_formula_like_cells_are_neutralised()
    {
        var userId = await app.CreateUserAsync("alpha", "-sum", "admin");
        using var author = await app.ClientAsync("alpha", "-sum");
        var councilId = await CreateCouncilAsync(author, "Export council");

        using var admin = await app.ClientAsync("alpha", "admin");
        var response = await admin.GetAsync($"/api/audit-logs/export?userId={userId}&entityType=Council");
        await response.ShouldBeSuccessAsync();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("Time (UTC),User,User id,Action,Entity,Entity id");
        lines[1].ShouldContain($",\"'-sum\",{userId},Created,Council,{councilId},");
    }

    [Fact]
    public async Task Bad_queries_are_refused_with_a_code()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        await (await admin.GetAsync("/api/audit-logs?sorting=valuesJson")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");
        await (await admin.GetAsync("/api/audit-logs/export?sorting=nope desc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");
        await (await admin.GetAsync("/api/audit-logs?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        (await (await admin.GetAsync("/api/audit-logs?sorting=time asc&maxResultCount=1")).ReadJsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    private static async Task<Guid> CreateCouncilAsync(HttpClient client, string name)
        => (await (await client.PostAsJsonAsync("/api/governance/councils", new { name })).ReadJsonAsync()).GetProperty("id").GetGuid();

    private async Task<(Guid CouncilId, Guid VoterId)> CouncilWithVoterAsync(HttpClient admin, string prefix)
    {
        var councilId = await CreateCouncilAsync(admin, $"{prefix} council");
        var voterId = await app.CreateUserAsync("alpha", $"{prefix}-voter", "member");
        var seatId = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = "Seat 1", category = "CommunityMember", isVoting = true }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats/{seatId}/assignments", new { userId = voterId, termStart = TermStart })).ShouldBeSuccessAsync();
        return (councilId, voterId);
    }

    private static async Task<Guid> CreateDecisionAsync(HttpClient admin, Guid councilId, bool secretBallot)
        => (await (await admin.PostAsJsonAsync("/api/governance/decisions", new
            {
                councilId, title = "Extend clinic hours", method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot,
            })).ReadJsonAsync()).GetProperty("id").GetGuid();
}
