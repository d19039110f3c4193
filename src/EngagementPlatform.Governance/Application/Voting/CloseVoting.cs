using System.Text.Json;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Domain.Voting;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Voting;

/// <summary>Closes voting and freezes the tally. Returns null when an automatic close finds nothing to close.</summary>
public sealed record CloseVotingCommand(Guid DecisionId, bool Automatic = false) : ICommand<Tally?>;

public sealed class CloseVotingHandler(IGovernanceDbContext db, IClock clock) : ICommandHandler<CloseVotingCommand, Tally?>
{
    public async ValueTask<Tally?> Handle(CloseVotingCommand command, CancellationToken cancellationToken)
    {
        await db.LockDecisionAsync(command.DecisionId, cancellationToken);
        var decision = await db.Decisions.Include(d => d.Voters).FirstOrDefaultAsync(d => d.Id == command.DecisionId, cancellationToken);
        if (command.Automatic && (decision is null || decision.State != DecisionState.Voting || decision.VotingClosedAt is not null))
        {
            return null;
        }

        if (decision is null)
        {
            throw new EntityNotFoundException(nameof(Decision), command.DecisionId);
        }

        if (decision.State != DecisionState.Voting || decision.VotingClosedAt is not null)
        {
            throw decision.Illegal(GovernanceTexts.Actions.CloseVoting);
        }

        if (decision.SecretBallot)
        {
            // From here on nothing in the database pairs a ballot with its voter: keys gone, rows re-written at random.
            await db.SealAsync(decision.Id, cancellationToken);
        }

        var tally = await db.CountAsync(decision, cancellationToken);
        decision.CloseVoting(clock.Now, JsonSerializer.Serialize(tally, Ballots.Json), await db.CloseTheLoopDaysAsync(cancellationToken));
        return tally;
    }
}
