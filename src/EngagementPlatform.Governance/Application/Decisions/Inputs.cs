using EngagementPlatform.Framework.Contracts;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record InputRequest(string Text);

public sealed record AddInputCommand(Guid DecisionId, string Text) : ICommand<InputDto>;

public sealed record PublicInputRequest(string Text, string? Name, string? Email);

public sealed record AddPublicInputCommand(string Token, string Text, string? Name, string? Email) : ICommand<InputDto>;

public sealed record GetInputsQuery(Guid DecisionId) : IQuery<IReadOnlyList<InputDto>>;

public sealed record GetPublicDecisionQuery(string Token) : IQuery<PublicDecisionDto>;

public sealed class AddInputValidator : AbstractValidator<AddInputCommand>
{
    public AddInputValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(8000);
}

public sealed class AddPublicInputValidator : AbstractValidator<AddPublicInputCommand>
{
    public AddPublicInputValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.Name).MaximumLength(200);
        RuleFor(c => c.Email).DeliverableEmail().When(c => !string.IsNullOrEmpty(c.Email));
        RuleFor(c => c.Token).NotEmpty().MaximumLength(64);
    }
}

public sealed class InputHandlers(IGovernanceDbContext db, IClock clock, ITenantCalendar calendar, ICurrentUser currentUser, IUserDirectory users)
    : ICommandHandler<AddInputCommand, InputDto>,
      ICommandHandler<AddPublicInputCommand, InputDto>,
      IQueryHandler<GetInputsQuery, IReadOnlyList<InputDto>>,
      IQueryHandler<GetPublicDecisionQuery, PublicDecisionDto>
{
    /// <summary>Roles that speak for the institution rather than the community.</summary>
    private static readonly string[] InstitutionalRoles = ["admin", "staff", "finance"];

    public async ValueTask<InputDto> Handle(AddInputCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.DecisionId, cancellationToken);
        var council = await db.LoadCouncilAsync(decision.CouncilId, cancellationToken, tracking: false);
        var userId = currentUser.Id!.Value;
        var category = council.CategoryOf(userId, await calendar.TodayAsync(cancellationToken));
        var isCommunity = category?.IsCommunity() ?? !currentUser.Roles.Any(r => InstitutionalRoles.Contains(r, StringComparer.OrdinalIgnoreCase));
        var input = decision.AddInput(userId, null, null, command.Text.Trim(), isCommunity, clock.Now);
        await db.SaveChangesAsync(cancellationToken);
        return new InputDto(input.Id, userId, currentUser.UserName ?? string.Empty, false, input.Text, input.CreatedAt, null, null);
    }

    public async ValueTask<InputDto> Handle(AddPublicInputCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.Include(d => d.Inputs).FirstOrDefaultAsync(d => d.PublicInputToken == command.Token, cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), command.Token);
        if (!decision.AllowPublicInput)
        {
            throw new BusinessException(GovernanceErrorCodes.PublicInputNotAllowed, 403);
        }

        var name = string.IsNullOrWhiteSpace(command.Name) ? null : command.Name.Trim();
        var email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
        var input = decision.AddInput(null, name, email, command.Text.Trim(), isCommunity: true, clock.Now);
        await db.SaveChangesAsync(cancellationToken);
        return new InputDto(input.Id, null, name ?? string.Empty, true, input.Text, input.CreatedAt, null, null);
    }

    public async ValueTask<IReadOnlyList<InputDto>> Handle(GetInputsQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(query.DecisionId, cancellationToken, tracking: false);
        var names = await users.FindAsync(decision.Inputs.Where(i => i.AuthorUserId is not null).Select(i => i.AuthorUserId!.Value).ToList(), cancellationToken);
        return decision.Inputs.OrderBy(i => i.CreatedAt).Select(i => new InputDto(
            i.Id,
            i.AuthorUserId,
            i.AuthorUserId is { } author ? names.GetValueOrDefault(author)?.Name ?? string.Empty : i.PublicName ?? string.Empty,
            i.AuthorUserId is null,
            i.Text,
            i.CreatedAt,
            i.Use,
            i.UseExplanation)).ToList();
    }

    public async ValueTask<PublicDecisionDto> Handle(GetPublicDecisionQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.PublicInputToken == query.Token && d.AllowPublicInput, cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), query.Token);
        var council = await db.Councils.AsNoTracking().Where(c => c.Id == decision.CouncilId).Select(c => c.Name).FirstAsync(cancellationToken);
        return new PublicDecisionDto(decision.Title, decision.Description, council, decision.State, decision.State == DecisionState.OpenForInput);
    }
}
