using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Emails;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Governance.Application.PublicInput;

public sealed record AddPublicInputCommand(string Token, string Text, string? Name, string? Email, string? Language = null) : ICommand<PublicInputReceiptDto>;

public sealed class AddPublicInputValidator : AbstractValidator<AddPublicInputCommand>
{
    public AddPublicInputValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.Name).MaximumLength(200);
        RuleFor(c => c.Email).MaximumLength(256).DeliverableEmail().When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Token).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Language).Must(l => l is null || l is "en" or "es").WithMessage(FrameworkTexts.Language);
    }
}

/// <summary>
/// Takes one input from the public link. Reads only the decision row and a count, never the earlier inputs; the
/// decision's row lock (held until the request's transaction commits) makes the count and the insert one step, so
/// concurrent posts cannot pass the cap.
/// </summary>
public sealed class AddPublicInputHandler(
    IGovernanceDbContext db,
    IClock clock,
    IEmailOutbox outbox,
    ICurrentTenant currentTenant,
    ITenantStore tenants,
    IWebAppOrigin origin,
    IOptions<PublicInputOptions> options,
    ITextLocalizer texts) : ICommandHandler<AddPublicInputCommand, PublicInputReceiptDto>
{
    public async ValueTask<PublicInputReceiptDto> Handle(AddPublicInputCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.PublicInputToken == command.Token, cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), command.Token);
        if (!decision.AllowPublicInput)
        {
            throw new NotPermittedException(GovernanceErrorCodes.PublicInputNotAllowed);
        }

        await db.LockDecisionAsync(decision.Id, cancellationToken);
        var received = await db.DecisionInputs.CountAsync(i => i.DecisionId == decision.Id && i.AuthorUserId == null, cancellationToken);
        if (received >= options.Value.MaxPerDecision)
        {
            throw new RuleBrokenException(GovernanceErrorCodes.PublicInputLimitReached)
                .WithData("limit", options.Value.MaxPerDecision);
        }

        var name = string.IsNullOrWhiteSpace(command.Name) ? null : command.Name.Trim();
        var email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
        var input = decision.NewInput(null, name, email, command.Text.Trim(), isCommunity: true, clock.Now);
        db.DecisionInputs.Add(input);
        var status = email is null ? PublicEmailStatus.None : await RequestConfirmationAsync(decision, input, email, command.Language, cancellationToken);
        return new PublicInputReceiptDto(input.Id, input.CreatedAt, status);
    }

    /// <summary>
    /// An address is written to only after its owner confirms it. One confirmation mail per address and decision:
    /// more posts with the same address add no mail, and an address already confirmed stays confirmed.
    /// </summary>
    private async Task<PublicEmailStatus> RequestConfirmationAsync(Decision decision, DecisionInput input, string email, string? language, CancellationToken cancellationToken)
    {
        var lower = email.ToLowerInvariant();
        var earlier = await db.DecisionInputs
            .Where(i => i.DecisionId == decision.Id && i.PublicEmail != null && i.PublicEmail.ToLower() == lower)
            .Select(i => new { i.EmailConfirmedAt, i.EmailConfirmationHash })
            .ToListAsync(cancellationToken);
        if (earlier.Any(e => e.EmailConfirmedAt is not null))
        {
            input.ConfirmEmail(clock.Now);
            return PublicEmailStatus.Confirmed;
        }

        if (earlier.Any(e => e.EmailConfirmationHash is not null))
        {
            return PublicEmailStatus.ConfirmationPending;
        }

        var mailLanguage = language
                           ?? (currentTenant.Id is { } tenantId ? (await tenants.FindAsync(tenantId, cancellationToken))?.DefaultLanguage : null)
                           ?? "en";
        var token = ConfirmationTokens.New();
        input.AwaitEmailConfirmation(ConfirmationTokens.Hash(token));
        await outbox.EnqueueAsync(
            GovernanceEmailTemplates.PublicInputConfirmEmail,
            new EmailRecipient(email, input.PublicName, mailLanguage, null),
            new PublicInputConfirmEmailModel(new PublicInputDecision(decision.Title), ConfirmUrl(token, language)),
            EmailCategory.Essential,
            texts.Get(GovernanceTexts.PublicEmailReason, TextLocalizer.CultureOf(mailLanguage)),
            cancellationToken);
        return PublicEmailStatus.ConfirmationSent;
    }

    /// <summary>The web app's confirmation page; it names the tenant so it works signed out and on any host name.</summary>
    private string ConfirmUrl(string token, string? language)
    {
        var tenant = currentTenant.Name is { } name ? $"&__tenant={Uri.EscapeDataString(name)}" : string.Empty;
        return $"{origin.Origin}/public/confirm-email?token={token}{tenant}{(language is null ? string.Empty : $"&lang={language}")}";
    }
}
