using System.Text.Json;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Domain.Voting;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Voting;

public sealed record GetMyVoteQuery(Guid DecisionId) : IQuery<MyVoteDto>;

public sealed class GetMyVoteHandler(IGovernanceDbContext db, IClock clock, ICurrentUser currentUser) : IQueryHandler<GetMyVoteQuery, MyVoteDto>
{
    public async ValueTask<MyVoteDto> Handle(GetMyVoteQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(query.DecisionId, cancellationToken, tracking: false);
        var userId = currentUser.Id!.Value;
        var hasVoted = await db.BallotParticipations.AnyAsync(p => p.DecisionId == decision.Id && p.UserId == userId, cancellationToken);
        BallotContent? content = null;
        if (hasVoted && !decision.SecretBallot)
        {
            var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.DecisionId == decision.Id && b.VoterUserId == userId, cancellationToken);
            content = ballot is null ? null : JsonSerializer.Deserialize<BallotContent>(ballot.ContentJson, Ballots.Json);
        }

        return Ballots.MyVote(decision, currentUser.Id, clock.Now, hasVoted, content);
    }
}
