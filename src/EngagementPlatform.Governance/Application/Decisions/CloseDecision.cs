using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Persistence;
using Mediator;

namespace EngagementPlatform.Governance.Application.Decisions;

/// <summary>Files a decided (or implemented) decision away; nothing changes on it after this.</summary>
public sealed record CloseDecisionCommand(Guid Id) : ICommand<DecisionDto>;

public sealed class CloseDecisionHandler(IGovernanceDbContext db, IClock clock) : ICommandHandler<CloseDecisionCommand, DecisionDto>
{
    public async ValueTask<DecisionDto> Handle(CloseDecisionCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.Id, cancellationToken);
        decision.Close(clock.Now);
        return await db.DecisionDtoAsync(decision, clock.Now, cancellationToken);
    }
}
