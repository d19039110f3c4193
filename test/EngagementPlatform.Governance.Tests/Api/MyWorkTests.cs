namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// <c>GET /api/governance/my-work</c>: what waits for the signed-in person (decisions open for their input or vote,
/// their next meetings with the supports they asked for, what came of their input) and, for staff, overdue decisions
/// and councils out of compliance. Only their own partnership, only their own inputs and supports.
/// </summary>
public sealed class MyWorkTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private const string Decisions = "/api/governance/decisions";
    private const string MyWork = "/api/governance/my-work";

    [Fact]
    public async Task A_member_sees_what_waits_for_them_and_staff_see_what_needs_them_in_their_own_partnership_only()
    {
        var alpha = new GovernanceScenario(app, "alpha");
        var council = await alpha.CouncilAsync("work", ("CommunityMember", true), ("CommunityMember", true));
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        using var admin = await alpha.AdminAsync();

        // A council that breaks its rule: one agency seat, and a rule asking for a Medicaid majority.
        var brokenId = (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name = "Workgroup still recruiting" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{brokenId}/seats", new { title = "Agency", category = "AgencyStaff", isVoting = true })).ShouldBeSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{brokenId}/composition-rules", new { categories = new[] { "MedicaidMember" }, minimumShare = 0.51 })).ShouldBeSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/composition-rules", new { categories = new[] { "CommunityMember" }, minimumShare = 0.51 })).ShouldBeSuccessAsync();

        var forInput = await CreateAsync(staff, council.Id, "Which language classes first", null);
        await (await staff.PostAsync($"{Decisions}/{forInput}/open-input", null)).ShouldBeSuccessAsync();

        var closesAt = DateTimeOffset.UtcNow.AddDays(3);
        var voting = await CreateAsync(staff, council.Id, "Open on Saturdays", closesAt);
        await (await staff.PostAsync($"{Decisions}/{voting}/open-voting", null)).ShouldBeSuccessAsync();
        await (await alpha.VoteAsync("work-1", voting, new { choice = "Yes" })).ShouldBeSuccessAsync();

        var decided = await CreateAsync(staff, council.Id, "Childcare at meetings", null);
        await (await staff.PostAsync($"{Decisions}/{decided}/open-input", null)).ShouldBeSuccessAsync();
        using var member = await app.ClientAsync("alpha", "work-1");
        var input = (await (await member.PostAsJsonAsync($"{Decisions}/{decided}/inputs", new { text = "Please add childcare." })).ReadJsonAsync()).GetProperty("id").GetGuid();
        using (var other = await app.ClientAsync("alpha", "work-2"))
        {
            await (await other.PostAsJsonAsync($"{Decisions}/{decided}/inputs", new { text = "Someone else's idea." })).ShouldBeSuccessAsync();
        }

        await (await staff.PostAsync($"{Decisions}/{decided}/open-voting", null)).ShouldBeSuccessAsync();
        await (await staff.PostAsync($"{Decisions}/{decided}/close-voting", null)).ShouldBeSuccessAsync();
        var inputs = (await (await staff.GetAsync($"{Decisions}/{decided}/inputs")).ReadItemsAsync()).EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        await (await staff.PostAsJsonAsync($"{Decisions}/{decided}/record", new
        {
            outcome = "Childcare from next month",
            rationale = "Members asked for it.",
            inputUses = inputs.Select(id => new { inputId = id, use = id == input ? "Adopted" : "NotAdopted", explanation = id == input ? "Booked for every meeting." : "Not this time." }),
        })).ShouldBeSuccessAsync();

        var nextMeeting = await MeetingAsync(admin, council.Id, "Next meeting", DateTimeOffset.UtcNow.AddDays(7));
        var pastMeeting = await MeetingAsync(admin, council.Id, "Last meeting", DateTimeOffset.UtcNow.AddDays(-7));
        await (await member.PostAsJsonAsync($"/api/governance/councils/{council.Id}/meetings/{nextMeeting}/access-supports", new { kind = "Interpreter", language = "Spanish" })).ShouldBeSuccessAsync();
        using (var other = await app.ClientAsync("alpha", "work-2"))
        {
            await (await other.PostAsJsonAsync($"/api/governance/councils/{council.Id}/meetings/{nextMeeting}/access-supports", new { kind = "Childcare" })).ShouldBeSuccessAsync();
        }

        // Beta's open decision and council stay in beta.
        var beta = new GovernanceScenario(app, "beta");
        var betaCouncil = await beta.CouncilAsync("betawork", ("CommunityMember", true));
        using var betaStaff = await app.ClientAsync("beta", "beta-staff");
        var betaDecision = await CreateAsync(betaStaff, betaCouncil.Id, "Beta only", null);
        await (await betaStaff.PostAsync($"{Decisions}/{betaDecision}/open-input", null)).ShouldBeSuccessAsync();

        var work = await (await member.GetAsync(MyWork)).ReadJsonAsync();
        var waiting = work.GetProperty("decisions").EnumerateArray().ToList();
        waiting.Select(d => d.GetProperty("decisionId").GetGuid()).ShouldBe([voting, forInput]); // the vote first: it has a deadline
        waiting[0].GetProperty("state").GetString().ShouldBe("Voting");
        waiting[0].GetProperty("hasVoted").GetBoolean().ShouldBeTrue();
        waiting[0].GetProperty("votingClosesAt").GetDateTimeOffset().ShouldBe(closesAt, TimeSpan.FromSeconds(1));
        waiting[0].GetProperty("councilName").GetString().ShouldBe("work council");
        waiting[1].GetProperty("state").GetString().ShouldBe("OpenForInput");
        waiting[1].GetProperty("myInputs").GetInt32().ShouldBe(0);

        var meetings = work.GetProperty("meetings").EnumerateArray().ToList();
        meetings.Select(m => m.GetProperty("meetingId").GetGuid()).ShouldBe([nextMeeting]);
        meetings.ShouldNotContain(m => m.GetProperty("meetingId").GetGuid() == pastMeeting);
        var supports = meetings[0].GetProperty("mySupports").EnumerateArray().ToList();
        supports.Count.ShouldBe(1, "only the supports this person asked for");
        supports[0].GetProperty("kind").GetString().ShouldBe("Interpreter");
        supports[0].GetProperty("language").GetString().ShouldBe("Spanish");
        supports[0].GetProperty("status").GetString().ShouldBe("Requested");

        var outcomes = work.GetProperty("outcomes").EnumerateArray().ToList();
        outcomes.Select(o => o.GetProperty("decisionId").GetGuid()).ShouldBe([decided]);
        outcomes[0].GetProperty("outcome").GetString().ShouldBe("Childcare from next month");
        var mine = outcomes[0].GetProperty("inputs").EnumerateArray().ToList();
        mine.Count.ShouldBe(1, "only this person's own inputs");
        mine[0].GetProperty("use").GetString().ShouldBe("Adopted");
        mine[0].GetProperty("explanation").GetString().ShouldBe("Booked for every meeting.");
        work.GetProperty("staff").ValueKind.ShouldBe(JsonValueKind.Null, "a member has nothing to run");

        // Another member has not voted yet: the vote is waiting for them.
        using (var other = await app.ClientAsync("alpha", "work-2"))
        {
            var theirs = await (await other.GetAsync(MyWork)).ReadJsonAsync();
            theirs.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("decisionId").GetGuid() == voting)
                .GetProperty("hasVoted").GetBoolean().ShouldBeFalse();
        }

        // A member who is not on the council may give input but has no vote waiting and no council meeting.
        using (var outsider = await app.ClientAsync("alpha", "alpha-member"))
        {
            var theirs = await (await outsider.GetAsync(MyWork)).ReadJsonAsync();
            theirs.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("decisionId").GetGuid()).ShouldBe([forInput]);
            theirs.GetProperty("meetings").GetArrayLength().ShouldBe(0);
            theirs.GetProperty("outcomes").GetArrayLength().ShouldBe(0);
        }

        var staffWork = (await (await staff.GetAsync(MyWork)).ReadJsonAsync()).GetProperty("staff");
        staffWork.GetProperty("overdueDecisions").GetArrayLength().ShouldBe(0);
        var broken = staffWork.GetProperty("nonCompliantCouncils").EnumerateArray().ToList();
        broken.Select(c => c.GetProperty("councilId").GetGuid()).ShouldBe([brokenId]);
        broken[0].GetProperty("rulesBroken").GetInt32().ShouldBe(1);
        broken[0].GetProperty("shortfall").GetInt32().ShouldBe(1);

        // Voting closed and the record not written in time: overdue for staff.
        var late = await CreateAsync(staff, council.Id, "Recorded too late", null);
        await (await staff.PostAsync($"{Decisions}/{late}/open-voting", null)).ShouldBeSuccessAsync();
        await (await staff.PostAsync($"{Decisions}/{late}/close-voting", null)).ShouldBeSuccessAsync();
        app.Clock.Advance(TimeSpan.FromDays(15));
        try
        {
            var overdue = (await (await staff.GetAsync(MyWork)).ReadJsonAsync()).GetProperty("staff").GetProperty("overdueDecisions").EnumerateArray().ToList();
            overdue.Select(d => d.GetProperty("decisionId").GetGuid()).ShouldBe([late]);
            var betaWork = await (await betaStaff.GetAsync(MyWork)).ReadJsonAsync();
            betaWork.GetProperty("staff").GetProperty("overdueDecisions").GetArrayLength().ShouldBe(0);
            betaWork.GetProperty("staff").GetProperty("nonCompliantCouncils").GetArrayLength().ShouldBe(0);
            betaWork.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("decisionId").GetGuid()).ShouldBe([betaDecision]);
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        using var anonymous = app.Anonymous("alpha");
        (await anonymous.GetAsync(MyWork)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<Guid> CreateAsync(HttpClient staff, Guid councilId, string title, DateTimeOffset? votingClosesAt)
    {
        var created = await staff.PostAsJsonAsync(Decisions, new { councilId, title, method = "YesNo", quorum = 0.25, threshold = "SimpleMajority", secretBallot = false, votingClosesAt });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> MeetingAsync(HttpClient admin, Guid councilId, string title, DateTimeOffset startsAt)
    {
        var created = await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/meetings", new { title, startsAt, durationMinutes = 90 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
    }
}
