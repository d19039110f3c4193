using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record ImplementRequest(string Note, DateOnly? ImplementedOn);

public sealed record ImplementDecisionCommand(Guid Id, string Note, DateOnly? ImplementedOn) : ICommand<DecisionDto>;

public sealed class ImplementDecisionValidator : AbstractValidator<ImplementDecisionCommand>
{
    public ImplementDecisionValidator() => RuleFor(c => c.Note).NotEmpty().MaximumLength(4000);
}

public sealed class ImplementDecisionHandler(IGovernanceDbContext db, IClock clock, ITenantCalendar calendar) : ICommandHandler<ImplementDecisionCommand, DecisionDto>
{
    public async ValueTask<DecisionDto> Handle(ImplementDecisionCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.Id, cancellationToken);
        decision.Implement(command.ImplementedOn ?? await calendar.TodayAsync(cancellationToken), command.Note.Trim());
        return await db.DecisionDtoAsync(decision, clock.Now, cancellationToken);
    }
}
