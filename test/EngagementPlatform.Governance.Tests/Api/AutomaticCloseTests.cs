using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>With the Hangfire server running in the host, as in production.</summary>
public sealed class AutomaticCloseTests(JobServerFixture app) : IClassFixture<JobServerFixture>
{
    [Fact]
    public async Task Voting_closes_by_itself_at_the_deadline_and_the_tally_is_frozen()
    {
        var alpha = new GovernanceScenario(app);
        var council = await alpha.CouncilAsync("auto", ("CommunityMember", true), ("CommunityMember", true));
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(20); // room for the setup and the vote on a loaded machine, beside other classes
        var id = (await alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false, votingClosesAt = closesAt }))
            .GetProperty("id").GetGuid();
        await (await alpha.VoteAsync("auto-1", id, new { choice = "Yes" })).ShouldBeSuccessAsync();

        // Poll (never sleep a fixed time): the scheduled job closes the vote shortly after the deadline.
        var deadline = closesAt.UtcDateTime.AddSeconds(60);
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

/// <summary>
/// <c>governance:close-voting</c>, the recurring sweep each partnership gets: a vote whose deadline passed without
/// its scheduled close job (lost, or the clock moved past it) is closed at the next sweep, at its deadline.
/// </summary>
public sealed class CloseVotingSweepTests(JobServerFixture app) : IClassFixture<JobServerFixture>
{
    [Fact]
    public async Task The_sweep_closes_every_overdue_vote_in_each_partnership_at_its_deadline()
    {
        var alpha = new GovernanceScenario(app);
        var council = await alpha.CouncilAsync("sweep", ("CommunityMember", true), ("CommunityMember", true));
        var closesAt = app.Clock.Now.AddHours(1);
        var id = (await alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false, votingClosesAt = closesAt }))
            .GetProperty("id").GetGuid();
        await (await alpha.VoteAsync("sweep-1", id, new { choice = "Yes" })).ShouldBeSuccessAsync();

        // The scheduled close job is an hour away in real time; the application's clock is already past the deadline.
        app.Clock.Advance(TimeSpan.FromHours(2));
        var jobs = app.Factory.Services.GetRequiredService<EngagementPlatform.Framework.Jobs.IRecurringJobs>();
        await app.WaitForJobAsync(jobs.TriggerNow("governance:close-voting").ShouldNotBeNull());

        var decision = await alpha.GetDecisionAsync(id);
        decision.GetProperty("votingClosedAt").ValueKind.ShouldNotBe(JsonValueKind.Null, "the sweep closed the overdue vote");
        decision.GetProperty("votingClosedAt").GetDateTimeOffset().ShouldBe(closesAt, TimeSpan.FromSeconds(1));
        (await alpha.TallyAsync(id)).GetProperty("cast").GetInt32().ShouldBe(1);

        // A second sweep finds nothing more to do and changes nothing.
        await app.WaitForJobAsync(jobs.TriggerNow("governance:close-voting").ShouldNotBeNull());
        (await alpha.GetDecisionAsync(id)).GetProperty("votingClosedAt").GetDateTimeOffset().ShouldBe(closesAt, TimeSpan.FromSeconds(1));
    }
}
