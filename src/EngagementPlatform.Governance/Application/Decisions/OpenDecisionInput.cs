using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Persistence;
using Mediator;

namespace EngagementPlatform.Governance.Application.Decisions;

/// <summary>A draft starts taking input from members (and, when allowed, the public).</summary>
public sealed record OpenDecisionInputCommand(Guid Id) : ICommand<DecisionDto>;

public sealed class OpenDecisionInputHandler(IGovernanceDbContext db, IClock clock) : ICommandHandler<OpenDecisionInputCommand, DecisionDto>
{
    public async ValueTask<DecisionDto> Handle(OpenDecisionInputCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.Id, cancellationToken);
        decision.OpenInput();
        return await db.DecisionDtoAsync(decision, clock.Now, cancellationToken);
    }
}
