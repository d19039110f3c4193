namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>With the Hangfire server running in the host, as in production.</summary>
public sealed class AutomaticCloseTests(JobServerFixture app) : IClassFixture<JobServerFixture>
{
    [Fact]
    public async Task Voting_closes_by_itself_at_the_deadline_and_the_tally_is_frozen()
    {
        var alpha = new GovernanceScenario(app);
        var council = await alpha.CouncilAsync("auto", ("CommunityMember", true), ("CommunityMember", true));
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(6); // room for the setup and the vote on a loaded machine
        var id = (await alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false, votingClosesAt = closesAt }))
            .GetProperty("id").GetGuid();
        await (await alpha.VoteAsync("auto-1", id, new { choice = "Yes" })).ShouldBeSuccessAsync();

        // Poll (never sleep a fixed time): the scheduled job closes the vote shortly after the deadline.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement decision;
        do
        {
            await Task.Delay(250);
            decision = await alpha.GetDecisionAsync(id);
        }
        while (decision.GetProperty("votingClosedAt").ValueKind == JsonValueKind.Null && DateTime.UtcNow < deadline);

        decision.GetProperty("votingClosedAt").ValueKind.ShouldNotBe(JsonValueKind.Null, "the close job did not run within a minute");
        decision.GetProperty("votingClosedAt").GetDateTimeOffset().ShouldBe(closesAt, TimeSpan.FromSeconds(1));
        var tally = await alpha.TallyAsync(id);
        tally.GetProperty("cast").GetInt32().ShouldBe(1);
        tally.GetProperty("passed").GetBoolean().ShouldBeTrue();
        await (await alpha.VoteAsync("auto-2", id, new { choice = "No" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:VotingClosed");
    }
}
