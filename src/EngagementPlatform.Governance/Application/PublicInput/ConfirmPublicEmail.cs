using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.PublicInput;

/// <summary>The owner of an address confirms it from the mailed link; every input with that address on the decision is confirmed.</summary>
public sealed record ConfirmPublicEmailCommand(string Token) : ICommand<EmailConfirmedDto>;

public sealed class ConfirmPublicEmailValidator : AbstractValidator<ConfirmPublicEmailCommand>
{
    public ConfirmPublicEmailValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(100);
}

public sealed class ConfirmPublicEmailHandler(IGovernanceDbContext db, IClock clock) : ICommandHandler<ConfirmPublicEmailCommand, EmailConfirmedDto>
{
    public async ValueTask<EmailConfirmedDto> Handle(ConfirmPublicEmailCommand command, CancellationToken cancellationToken)
    {
        var hash = ConfirmationTokens.Hash(command.Token.Trim());
        var input = await db.DecisionInputs.FirstOrDefaultAsync(i => i.EmailConfirmationHash == hash, cancellationToken)
                    ?? throw new NotFoundException(GovernanceErrorCodes.ConfirmationLinkInvalid);
        var lower = input.PublicEmail!.ToLowerInvariant();
        var same = await db.DecisionInputs
            .Where(i => i.DecisionId == input.DecisionId && i.PublicEmail != null && i.PublicEmail.ToLower() == lower)
            .ToListAsync(cancellationToken);
        foreach (var each in same)
        {
            each.ConfirmEmail(clock.Now);
        }

        var decision = await db.Decisions.AsNoTracking().Where(d => d.Id == input.DecisionId)
            .Select(d => new { d.Title, d.PublicInputToken }).FirstAsync(cancellationToken);
        return new EmailConfirmedDto(decision.Title, decision.PublicInputToken);
    }
}
