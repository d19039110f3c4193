using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Inputs;

public sealed record InputRequest(string Text);

public sealed record AddInputCommand(Guid DecisionId, string Text) : ICommand<CreatedId>;

public sealed class AddInputValidator : AbstractValidator<AddInputCommand>
{
    public AddInputValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(8000);
}

/// <summary>A signed-in person gives input; it counts as community input unless they hold an institutional seat or role.</summary>
public sealed class AddInputHandler(IGovernanceDbContext db, IClock clock, ITenantCalendar calendar, ICurrentUser currentUser) : ICommandHandler<AddInputCommand, CreatedId>
{
    /// <summary>Roles that speak for the institution rather than the community.</summary>
    private static readonly string[] InstitutionalRoles = [RoleNames.Admin, RoleNames.Staff, RoleNames.Finance];

    public async ValueTask<CreatedId> Handle(AddInputCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == command.DecisionId, cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), command.DecisionId);
        var council = await db.LoadCouncilAsync(decision.CouncilId, cancellationToken, tracking: false);
        var userId = currentUser.Id!.Value;
        var category = council.CategoryOf(userId, await calendar.TodayAsync(cancellationToken));
        var isCommunity = category?.IsCommunity() ?? !currentUser.Roles.Any(r => InstitutionalRoles.Contains(r, StringComparer.OrdinalIgnoreCase));
        var input = decision.NewInput(userId, null, null, command.Text.Trim(), isCommunity, clock.Now);
        db.DecisionInputs.Add(input);
        return new CreatedId(input.Id);
    }
}
