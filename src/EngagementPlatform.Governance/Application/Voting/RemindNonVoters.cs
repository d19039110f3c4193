using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Voting;

/// <summary>A day before the deadline: eligible voters who have not voted hear that voting closes soon.</summary>
public sealed record RemindNonVotersCommand(Guid DecisionId) : ICommand;

public sealed class RemindNonVotersHandler(IGovernanceDbContext db, IClock clock) : ICommandHandler<RemindNonVotersCommand>
{
    public async ValueTask<Unit> Handle(RemindNonVotersCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.Include(d => d.Voters).FirstOrDefaultAsync(d => d.Id == command.DecisionId, cancellationToken);
        if (decision is null)
        {
            return Unit.Value; // withdrawn and gone: nothing to remind
        }

        var voted = await db.BallotParticipations.Where(p => p.DecisionId == decision.Id).Select(p => p.UserId).ToListAsync(cancellationToken);
        decision.RemindNonVoters(voted.ToHashSet(), clock.Now);
        return Unit.Value;
    }
}
