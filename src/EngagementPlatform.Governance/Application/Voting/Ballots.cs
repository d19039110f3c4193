using System.Text.Json;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Domain.Voting;
using EngagementPlatform.Governance.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Voting;

/// <summary>How ballots are stored (JSON) and counted, shared by the voting use cases.</summary>
internal static class Ballots
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static async Task<Tally> CountAsync(this IGovernanceDbContext db, Decision decision, CancellationToken cancellationToken)
    {
        var stored = await db.Ballots.AsNoTracking().Where(b => b.DecisionId == decision.Id).Select(b => new { b.ContentJson, b.IsCommunity }).ToListAsync(cancellationToken);
        var ballots = stored.Select(b => new CountedBallot(JsonSerializer.Deserialize<BallotContent>(b.ContentJson, Json)!, b.IsCommunity)).ToList();
        var rules = new TallyRules(decision.Method, decision.Quorum, decision.Threshold, decision.ConcurrentMajority, decision.CommunityQuorum,
            decision.Options.Select(o => (o.Id, o.Title)).ToList());
        return TallyCalculator.Compute(rules, ballots, decision.Voters.Count, decision.Voters.Count(v => v.IsCommunity));
    }

    /// <summary>What the voter sees of their own ballot; a secret ballot shows only that a vote is counted.</summary>
    public static MyVoteDto MyVote(Decision decision, Guid? me, DateTimeOffset now, bool hasVoted, BallotContent? content)
    {
        var eligible = decision.Voters.Any(v => v.UserId == me);
        if (decision.SecretBallot || content is null)
        {
            return new MyVoteDto(eligible, hasVoted, decision.IsVotingOpen(now), null, null);
        }

        var titles = decision.Options.ToDictionary(o => o.Id, o => o.Title);
        return new MyVoteDto(eligible, hasVoted, decision.IsVotingOpen(now), content.Choice?.ToString(), content.Options.Select(o => titles[o]).ToList());
    }
}
