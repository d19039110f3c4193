
namespace EngagementPlatform.Governance.Tests.Api;

public sealed class VotingTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private readonly GovernanceScenario _alpha = new(app);

    [Fact]
    public async Task Seven_eligible_quorum_half_simple_majority_three_yes_one_no_passes_and_the_tally_recounts_the_same()
    {
        var council = await _alpha.CouncilAsync("yn", Enumerable.Range(0, 7).Select(_ => ("CommunityMember", true)).ToArray());
        var decision = await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false });
        var id = decision.GetProperty("id").GetGuid();
        decision.GetProperty("eligibleVoters").GetInt32().ShouldBe(7);

        foreach (var (seated, choice) in council.Members.Zip(new[] { "Yes", "Yes", "Yes", "No" }))
        {
            await (await _alpha.VoteAsync(seated.UserName, id, new { choice })).ShouldBeSuccessAsync();
        }

        await _alpha.CloseAsync(id);
        var tally = await _alpha.TallyAsync(id);
        tally.GetProperty("eligible").GetInt32().ShouldBe(7);
        tally.GetProperty("cast").GetInt32().ShouldBe(4);
        tally.GetProperty("quorumReached").GetBoolean().ShouldBeTrue();
        tally.GetProperty("passed").GetBoolean().ShouldBeTrue();
        tally.GetProperty("counts").GetProperty("Yes").GetInt32().ShouldBe(3);
        tally.GetProperty("counts").GetProperty("No").GetInt32().ShouldBe(1);
        tally.GetProperty("counts").GetProperty("Abstain").GetInt32().ShouldBe(0);
        // Recounting the stored ballots gives the frozen tally exactly.
        (await _alpha.TallyAsync(id, recount: true)).GetRawText().ShouldBe(tally.GetRawText());

        using var member = await app.ClientAsync("alpha", council.Members[0].UserName);
        var votes = await (await member.GetAsync($"/api/governance/decisions/{id}/votes")).ReadItemsAsync();
        votes.GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task Consensus_fails_with_a_single_no()
    {
        var council = await _alpha.CouncilAsync("cons", ("CommunityMember", true), ("CommunityMember", true), ("AgencyStaff", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "Consensus", secretBallot = false })).GetProperty("id").GetGuid();
        await (await _alpha.VoteAsync("cons-1", id, new { choice = "Yes" })).ShouldBeSuccessAsync();
        await (await _alpha.VoteAsync("cons-2", id, new { choice = "Yes" })).ShouldBeSuccessAsync();
        await (await _alpha.VoteAsync("cons-3", id, new { choice = "No" })).ShouldBeSuccessAsync();

        var tally = (await _alpha.CloseAsync(id));
        tally.GetProperty("quorumReached").GetBoolean().ShouldBeTrue();
        tally.GetProperty("passed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Ranked_choice_elects_the_runoff_winner_where_plurality_would_elect_another()
    {
        var council = await _alpha.CouncilAsync("rcv", Enumerable.Range(0, 17).Select(_ => ("CommunityMember", true)).ToArray());
        var id = (await _alpha.DecisionAsync(council.Id, new
        {
            title = "Where to hold the health fair",
            method = "RankedChoice",
            options = new[] { "Library", "Church hall", "Community center" },
            quorum = 0.5,
            threshold = "SimpleMajority",
            secretBallot = true,
        })).GetProperty("id").GetGuid();

        string[][] ballots =
        [
            .. Enumerable.Repeat(new[] { "Library", "Community center", "Church hall" }, 8),
            .. Enumerable.Repeat(new[] { "Church hall", "Community center", "Library" }, 5),
            .. Enumerable.Repeat(new[] { "Community center", "Church hall", "Library" }, 4),
        ];
        foreach (var (member, ranking) in council.Members.Zip(ballots))
        {
            await (await _alpha.VoteAsync(member.UserName, id, new { ranking })).ShouldBeSuccessAsync();
        }

        var tally = await _alpha.CloseAsync(id);
        tally.GetProperty("winner").GetString().ShouldBe("Church hall");
        tally.GetProperty("passed").GetBoolean().ShouldBeTrue();
        var rounds = tally.GetProperty("rounds");
        rounds.GetArrayLength().ShouldBe(2);
        rounds[0].GetProperty("counts").GetProperty("Library").GetInt32().ShouldBe(8);
        rounds[0].GetProperty("counts").GetProperty("Church hall").GetInt32().ShouldBe(5);
        rounds[0].GetProperty("counts").GetProperty("Community center").GetInt32().ShouldBe(4);
        rounds[0].GetProperty("eliminated").GetString().ShouldBe("Community center");
        rounds[1].GetProperty("counts").GetProperty("Library").GetInt32().ShouldBe(8);
        rounds[1].GetProperty("counts").GetProperty("Church hall").GetInt32().ShouldBe(9);
    }

    [Fact]
    public async Task Fifty_parallel_votes_by_one_member_leave_exactly_one_and_a_vote_after_close_is_refused()
    {
        var council = await _alpha.CouncilAsync("par", ("CommunityMember", true), ("CommunityMember", true));
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false })).GetProperty("id").GetGuid();
        using var voter = await app.ClientAsync("alpha", "par-1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            voter.PutAsJsonAsync($"/api/governance/decisions/{id}/my-vote", new { choice = i % 2 == 0 ? "Yes" : "No" })));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(50);

        var decision = await _alpha.GetDecisionAsync(id);
        decision.GetProperty("votesCast").GetInt32().ShouldBe(1);
        var tally = await _alpha.CloseAsync(id);
        tally.GetProperty("cast").GetInt32().ShouldBe(1);
        (tally.GetProperty("counts").GetProperty("Yes").GetInt32() + tally.GetProperty("counts").GetProperty("No").GetInt32()).ShouldBe(1);

        await (await voter.PutAsJsonAsync($"/api/governance/decisions/{id}/my-vote", new { choice = "Yes" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:VotingClosed");
        (await _alpha.TallyAsync(id)).GetRawText().ShouldBe(tally.GetRawText());
    }

    [Fact]
    public async Task Votes_racing_the_close_are_either_counted_or_refused_never_half()
    {
        var council = await _alpha.CouncilAsync("race", Enumerable.Range(0, 12).Select(_ => ("CommunityMember", true)).ToArray());
        var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.1, threshold = "SimpleMajority", secretBallot = true })).GetProperty("id").GetGuid();
        var clients = await Task.WhenAll(council.Members.Select(m => app.ClientAsync("alpha", m.UserName)));
        using var admin = await _alpha.AdminAsync();

        var votes = clients.Select(c => c.PutAsJsonAsync($"/api/governance/decisions/{id}/my-vote", new { choice = "Yes" })).ToList();
        var close = admin.PostAsync($"/api/governance/decisions/{id}/close-voting", null);
        var results = await Task.WhenAll(votes);
        var tally = await (await close).ReadJsonAsync();

        var accepted = results.Count(r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in results.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:VotingClosed");
        }

        tally.GetProperty("cast").GetInt32().ShouldBe(accepted);
        tally.GetProperty("counts").GetProperty("Yes").GetInt32().ShouldBe(accepted);
        (await _alpha.GetDecisionAsync(id)).GetProperty("votesCast").GetInt32().ShouldBe(accepted);
    }

    [Fact]
    public async Task Only_eligible_voters_vote_only_while_voting_is_open_and_may_change_their_vote()
    {
        var council = await _alpha.CouncilAsync("elig", ("CommunityMember", true), ("AgencyStaff", false));
        var draft = await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false);
        var id = draft.GetProperty("id").GetGuid();
        await (await _alpha.VoteAsync("elig-1", id, new { choice = "Yes" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:VotingNotOpen");

        using var admin = await _alpha.AdminAsync();
        await (await admin.PostAsync($"/api/governance/decisions/{id}/open-voting", null)).ShouldBeSuccessAsync();
        await (await _alpha.VoteAsync("elig-2", id, new { choice = "Yes" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Governance:NotEligibleToVote");
        await (await _alpha.VoteAsync("elig-1", id, new { choice = "Maybe" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:InvalidBallot");

        await (await _alpha.VoteAsync("elig-1", id, new { choice = "Yes" })).ShouldBeSuccessAsync();
        var changed = await (await _alpha.VoteAsync("elig-1", id, new { choice = "No" })).ReadJsonAsync();
        changed.GetProperty("choice").GetString().ShouldBe("No");
        var tally = await _alpha.CloseAsync(id);
        tally.GetProperty("counts").GetProperty("No").GetInt32().ShouldBe(1);
        tally.GetProperty("counts").GetProperty("Yes").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_concurrent_majority_lets_the_community_block_what_the_institution_outvotes()
    {
        var council = await _alpha.CouncilAsync("cm", ("CommunityMember", true), ("MedicaidMember", true), ("AgencyStaff", true), ("AgencyStaff", true), ("Provider", true));
        var id = (await _alpha.DecisionAsync(council.Id, new
        {
            method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = true, concurrentMajority = true, communityQuorum = 2,
        })).GetProperty("id").GetGuid();
        await (await _alpha.VoteAsync("cm-1", id, new { choice = "No" })).ShouldBeSuccessAsync();
        await (await _alpha.VoteAsync("cm-2", id, new { choice = "No" })).ShouldBeSuccessAsync();
        foreach (var staff in new[] { "cm-3", "cm-4", "cm-5" })
        {
            await (await _alpha.VoteAsync(staff, id, new { choice = "Yes" })).ShouldBeSuccessAsync();
        }

        var tally = await _alpha.CloseAsync(id);
        tally.GetProperty("counts").GetProperty("Yes").GetInt32().ShouldBe(3);
        tally.GetProperty("passed").GetBoolean().ShouldBeFalse();
        tally.GetProperty("community").GetProperty("cast").GetInt32().ShouldBe(2);
        tally.GetProperty("community").GetProperty("eligible").GetInt32().ShouldBe(2);
        tally.GetProperty("community").GetProperty("passed").GetBoolean().ShouldBeFalse();
    }
}
