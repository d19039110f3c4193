using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record RecusalRequest(Guid UserId, string Reason);

/// <summary>Records that a member steps aside from a decision (a conflict of interest); they may not vote on it.</summary>
public sealed record RecuseCommand(Guid Id, Guid UserId, string Reason) : ICommand<DecisionDto>;

public sealed class RecuseValidator : AbstractValidator<RecuseCommand>
{
    public RecuseValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class RecuseHandler(IGovernanceDbContext db, IClock clock) : ICommandHandler<RecuseCommand, DecisionDto>
{
    public async ValueTask<DecisionDto> Handle(RecuseCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.Id, cancellationToken);
        decision.Recuse(command.UserId, command.Reason.Trim(), clock.Now);
        return await db.DecisionDtoAsync(decision, clock.Now, cancellationToken);
    }
}
