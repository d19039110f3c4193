namespace EngagementPlatform.Governance.Tests.Api;

public sealed class DecisionLifecycleTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private readonly GovernanceScenario _alpha = new(app);

    [Fact]
    public async Task Every_illegal_move_is_refused_with_a_code_and_changes_nothing()
    {
        var council = await _alpha.CouncilAsync("life", ("CommunityMember", true), ("CommunityMember", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false))
            .GetProperty("id").GetGuid();
        using var admin = await _alpha.AdminAsync();
        using var member = await app.ClientAsync("alpha", "life-1");
        var d = $"/api/governance/decisions/{id}";

        async Task Refused(Task<HttpResponseMessage> call, string expectedState, string code = "Governance:IllegalTransition")
        {
            await (await call).ShouldBeProblemAsync(HttpStatusCode.Conflict, code);
            (await _alpha.GetDecisionAsync(id)).GetProperty("state").GetString().ShouldBe(expectedState);
        }

        var record = new { outcome = "x", rationale = "y", inputUses = Array.Empty<object>() };
        await Refused(admin.PostAsync($"{d}/close-voting", null), "Draft");
        await Refused(admin.PostAsJsonAsync($"{d}/record", record), "Draft");
        await Refused(admin.PostAsJsonAsync($"{d}/implement", new { note = "done" }), "Draft");
        await Refused(admin.PostAsync($"{d}/close", null), "Draft");
        await Refused(member.PostAsJsonAsync($"{d}/inputs", new { text = "too early" }), "Draft", "Governance:InputClosed");
        await (await admin.GetAsync($"{d}/tally")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:TallyNotAvailable");

        (await (await admin.PostAsync($"{d}/open-input", null)).ReadJsonAsync()).GetProperty("state").GetString().ShouldBe("OpenForInput");
        await Refused(admin.PostAsync($"{d}/open-input", null), "OpenForInput");
        var input = (await (await member.PostAsJsonAsync($"{d}/inputs", new { text = "Open on Saturdays too." })).ReadJsonAsync()).GetProperty("id").GetGuid();

        (await (await admin.PostAsync($"{d}/open-voting", null)).ReadJsonAsync()).GetProperty("state").GetString().ShouldBe("Voting");
        await Refused(admin.PostAsync($"{d}/open-input", null), "Voting");
        await Refused(admin.PostAsync($"{d}/open-voting", null), "Voting");
        await Refused(admin.PostAsJsonAsync($"{d}/record", record), "Voting");
        await (await member.PostAsJsonAsync($"{d}/inputs", new { text = "late" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:InputClosed");
        await (await _alpha.VoteAsync("life-1", id, new { choice = "Yes" })).ShouldBeSuccessAsync();

        await _alpha.CloseAsync(id);
        await Refused(admin.PostAsync($"{d}/close-voting", null), "Voting");
        await Refused(admin.PostAsJsonAsync($"{d}/withdraw", new { reason = "changed our mind" }), "Voting");

        // Every input must be answered before the record is accepted.
        var unanswered = await (await admin.PostAsJsonAsync($"{d}/record", record)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Governance:InputsNotAnswered");
        unanswered.GetProperty("errors").GetProperty("inputUses").GetArrayLength().ShouldBe(1);
        await (await admin.PostAsJsonAsync($"{d}/record", new { outcome = "x", rationale = "y", inputUses = new[] { new { inputId = Guid.NewGuid(), use = "Adopted", explanation = "?" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var decided = await (await admin.PostAsJsonAsync($"{d}/record", new
        {
            outcome = "The clinic opens Saturday mornings from March.",
            rationale = "Members asked for weekend hours; the budget allows mornings.",
            inputUses = new[] { new { inputId = input, use = "Adapted", explanation = "Saturdays, mornings only for now." } },
        })).ReadJsonAsync();
        decided.GetProperty("state").GetString().ShouldBe("Decided");
        decided.GetProperty("isOverdue").GetBoolean().ShouldBeFalse();
        await Refused(admin.PostAsync($"{d}/open-voting", null), "Decided");
        await Refused(admin.PostAsJsonAsync($"{d}/record", record), "Decided");

        var inputs = await (await member.GetAsync($"{d}/inputs")).ReadItemsAsync();
        inputs[0].GetProperty("use").GetString().ShouldBe("Adapted");
        inputs[0].GetProperty("useExplanation").GetString().ShouldBe("Saturdays, mornings only for now.");

        var implemented = await (await admin.PostAsJsonAsync($"{d}/implement", new { note = "Saturday hours started.", implementedOn = "2027-03-06" })).ReadJsonAsync();
        implemented.GetProperty("state").GetString().ShouldBe("Implemented");
        implemented.GetProperty("implementedOn").GetString().ShouldBe("2027-03-06");
        (await (await admin.PostAsync($"{d}/close", null)).ReadJsonAsync()).GetProperty("state").GetString().ShouldBe("Closed");
        await Refused(admin.PostAsJsonAsync($"{d}/withdraw", new { reason = "late" }), "Closed");
    }

    [Fact]
    public async Task A_member_cannot_run_the_decision_only_take_part()
    {
        var council = await _alpha.CouncilAsync("roles", ("CommunityMember", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false))
            .GetProperty("id").GetGuid();
        using var member = await app.ClientAsync("alpha", "roles-1");
        await (await member.PostAsync($"/api/governance/decisions/{id}/open-input", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        await (await member.PostAsJsonAsync("/api/governance/decisions", new { councilId = council.Id, title = "x", method = "YesNo", quorum = 0.5, threshold = "SimpleMajority" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        (await member.GetAsync($"/api/governance/decisions/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_public_gives_input_through_the_link_of_their_partnership_only()
    {
        var council = await _alpha.CouncilAsync("pub", ("CommunityMember", true));
        var decision = await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false, allowPublicInput = true }, openVoting: false);
        var id = decision.GetProperty("id").GetGuid();
        var token = decision.GetProperty("publicInputToken").GetString()!;
        using var admin = await _alpha.AdminAsync();
        await (await admin.PostAsync($"/api/governance/decisions/{id}/open-input", null)).ShouldBeSuccessAsync();

        using var visitor = app.Factory.CreateClient();
        var page = await (await visitor.GetAsync($"/api/governance/public/decisions/{token}?__tenant=alpha")).ReadJsonAsync();
        page.GetProperty("acceptingInput").GetBoolean().ShouldBeTrue();
        page.GetProperty("councilName").GetString().ShouldBe("pub council");
        var created = await visitor.PostAsJsonAsync($"/api/governance/public/decisions/{token}/inputs?__tenant=alpha", new { text = "Add a bus stop nearby.", name = "Rosa", email = "rosa@example.org" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        // The same token in another partnership, or with none, finds nothing.
        (await visitor.GetAsync($"/api/governance/public/decisions/{token}?__tenant=beta")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.PostAsJsonAsync($"/api/governance/public/decisions/{token}/inputs", new { text = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await visitor.PostAsJsonAsync($"/api/governance/public/decisions/{token}/inputs?__tenant=alpha", new { text = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");

        var inputs = await (await admin.GetAsync($"/api/governance/decisions/{id}/inputs")).ReadItemsAsync();
        inputs.GetArrayLength().ShouldBe(1);
        inputs[0].GetProperty("fromPublic").GetBoolean().ShouldBeTrue();
        inputs[0].GetProperty("authorName").GetString().ShouldBe("Rosa");
    }

    [Fact]
    public async Task A_recused_member_is_left_out_of_the_electorate_and_recusal_closes_when_voting_opens()
    {
        var council = await _alpha.CouncilAsync("rec", ("CommunityMember", true), ("CommunityMember", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false))
            .GetProperty("id").GetGuid();
        using var admin = await _alpha.AdminAsync();
        await (await admin.PostAsJsonAsync($"/api/governance/decisions/{id}/recusals", new { userId = council.Members[0].UserId, reason = "Works for the vendor" })).ShouldBeSuccessAsync();
        var open = await (await admin.PostAsync($"/api/governance/decisions/{id}/open-voting", null)).ReadJsonAsync();
        open.GetProperty("eligibleVoters").GetInt32().ShouldBe(1);

        await (await _alpha.VoteAsync("rec-1", id, new { choice = "Yes" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Governance:NotEligibleToVote");
        await (await admin.PostAsJsonAsync($"/api/governance/decisions/{id}/recusals", new { userId = council.Members[1].UserId, reason = "late" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:RecusalTooLate");
    }

    [Fact]
    public async Task Withdrawing_during_voting_stops_the_vote()
    {
        var council = await _alpha.CouncilAsync("wd", ("CommunityMember", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = true })).GetProperty("id").GetGuid();
        using var admin = await _alpha.AdminAsync();
        var withdrawn = await (await admin.PostAsJsonAsync($"/api/governance/decisions/{id}/withdraw", new { reason = "The state changed the rules." })).ReadJsonAsync();
        withdrawn.GetProperty("state").GetString().ShouldBe("Withdrawn");
        await (await _alpha.VoteAsync("wd-1", id, new { choice = "Yes" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:VotingClosed");
    }

    [Fact]
    public async Task A_decision_not_recorded_within_the_close_the_loop_days_shows_as_overdue_until_recorded()
    {
        var council = await _alpha.CouncilAsync("due", ("CommunityMember", true));
        using var admin = await _alpha.AdminAsync();
        (await (await admin.PutAsJsonAsync("/api/governance/settings", new { closeTheLoopDays = 10 })).ReadJsonAsync()).GetProperty("closeTheLoopDays").GetInt32().ShouldBe(10);
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false })).GetProperty("id").GetGuid();
        await (await _alpha.VoteAsync("due-1", id, new { choice = "Yes" })).ShouldBeSuccessAsync();
        await _alpha.CloseAsync(id);
        var closed = await _alpha.GetDecisionAsync(id);
        closed.GetProperty("isOverdue").GetBoolean().ShouldBeFalse();
        (closed.GetProperty("closeTheLoopDueAt").GetDateTimeOffset() - closed.GetProperty("votingClosedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromDays(10));

        try
        {
            app.Clock.Advance(TimeSpan.FromDays(11));
            (await _alpha.GetDecisionAsync(id)).GetProperty("isOverdue").GetBoolean().ShouldBeTrue();
            var overdue = await (await admin.GetAsync("/api/governance/decisions?overdue=true")).ReadJsonAsync();
            overdue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(id);

            await (await admin.PostAsJsonAsync($"/api/governance/decisions/{id}/record", new { outcome = "Yes", rationale = "Passed." })).ShouldBeSuccessAsync();
            (await _alpha.GetDecisionAsync(id)).GetProperty("isOverdue").GetBoolean().ShouldBeFalse();
        }
        finally
        {
            app.Clock.Reset();
        }
    }
}
