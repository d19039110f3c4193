using System.Security.Cryptography;
using System.Text;
using EngagementPlatform.Notifications;
using EngagementPlatform.Identity;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Governance.Application.Decisions;

/// <summary>Limits on input from the public link (configuration section <c>Governance:PublicInput</c>).</summary>
public sealed class PublicInputOptions
{
    /// <summary>At most this many public inputs per decision; more are refused with 422 <c>Governance:PublicInputLimitReached</c>.</summary>
    public int MaxPerDecision { get; set; } = 2000;

    /// <summary>Posts per minute per client address to the public endpoints.</summary>
    public int WritesPerMinute { get; set; } = 10;

    /// <summary>Reads per minute per client address of the public endpoints.</summary>
    public int ReadsPerMinute { get; set; } = 60;
}

public sealed record InputRequest(string Text);

public sealed record AddInputCommand(Guid DecisionId, string Text) : ICommand<InputDto>;

/// <summary><c>language</c> (en or es): the page's language, for the confirmation mail; without it the partnership's default.</summary>
public sealed record PublicInputRequest(string Text, string? Name, string? Email, string? Language);

public sealed record AddPublicInputCommand(string Token, string Text, string? Name, string? Email, string? Language = null) : ICommand<PublicInputReceiptDto>;

public sealed record SpamRequest(bool Spam);

public sealed record MarkInputSpamCommand(Guid DecisionId, Guid InputId, bool Spam) : ICommand<InputDto>;

public sealed record EmailConfirmationRequest(string Token);

public sealed record ConfirmPublicEmailCommand(string Token) : ICommand<EmailConfirmedDto>;

public sealed record GetInputsQuery(Guid DecisionId) : IQuery<IReadOnlyList<InputDto>>;

public sealed record GetPublicDecisionQuery(string Token) : IQuery<PublicDecisionDto>;

/// <summary>What became of a person's address: <c>None</c> (none given), <c>ConfirmationSent</c> (check your mail),
/// <c>ConfirmationPending</c> (an earlier confirmation mail is still waiting) or <c>Confirmed</c> (you will hear back).</summary>
public enum PublicEmailStatus
{
    None,
    ConfirmationSent,
    ConfirmationPending,
    Confirmed,
}

public sealed record PublicInputReceiptDto(Guid Id, DateTimeOffset CreatedAt, PublicEmailStatus EmailStatus);

public sealed record EmailConfirmedDto(string DecisionTitle, string? PublicInputToken);

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
        RuleFor(c => c.Email).MaximumLength(256).DeliverableEmail().When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Token).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Language).Must(l => l is null || l is "en" or "es").WithMessage(Framework.Localization.FrameworkTexts.Language);
    }
}

public sealed class ConfirmPublicEmailValidator : AbstractValidator<ConfirmPublicEmailCommand>
{
    public ConfirmPublicEmailValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(100);
}

public sealed class InputHandlers(
    IGovernanceDbContext db,
    IClock clock,
    ITenantCalendar calendar,
    ICurrentUser currentUser,
    IUserDirectory users,
    IEmailOutbox outbox,
    ICurrentTenant currentTenant,
    ITenantStore tenants,
    IHttpContextAccessor http,
    IConfiguration configuration,
    IOptions<PublicInputOptions> options,
    ITextLocalizer texts)
    : ICommandHandler<AddInputCommand, InputDto>,
      ICommandHandler<AddPublicInputCommand, PublicInputReceiptDto>,
      ICommandHandler<MarkInputSpamCommand, InputDto>,
      ICommandHandler<ConfirmPublicEmailCommand, EmailConfirmedDto>,
      IQueryHandler<GetInputsQuery, IReadOnlyList<InputDto>>,
      IQueryHandler<GetPublicDecisionQuery, PublicDecisionDto>
{
    /// <summary>Roles that speak for the institution rather than the community.</summary>
    private static readonly string[] InstitutionalRoles = [RoleNames.Admin, RoleNames.Staff, RoleNames.Finance];

    public async ValueTask<InputDto> Handle(AddInputCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.FirstOrDefaultAsync(d => d.Id == command.DecisionId, cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), command.DecisionId);
        var council = await db.LoadCouncilAsync(decision.CouncilId, cancellationToken, tracking: false);
        var userId = currentUser.Id!.Value;
        var category = council.CategoryOf(userId, await calendar.TodayAsync(cancellationToken));
        var isCommunity = category?.IsCommunity() ?? !currentUser.Roles.Any(r => InstitutionalRoles.Contains(r, StringComparer.OrdinalIgnoreCase));
        var input = decision.NewInput(userId, null, null, command.Text.Trim(), isCommunity, clock.Now);
        db.DecisionInputs.Add(input);
        await db.SaveChangesAsync(cancellationToken);
        return new InputDto(input.Id, userId, currentUser.UserName ?? string.Empty, false, input.Text, input.CreatedAt, null, null, false);
    }

    /// <summary>
    /// Takes one input from the public link. Reads only the decision row and a count, never the earlier inputs; the
    /// decision's row lock makes the count and the insert one step, so concurrent posts cannot pass the cap.
    /// </summary>
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
        await db.SaveChangesAsync(cancellationToken);
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
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        input.AwaitEmailConfirmation(Hash(token));
        await outbox.EnqueueAsync(
            "public-input-confirm-email",
            new EmailRecipient(email, input.PublicName, mailLanguage, null),
            new { decision = new { decision.Title }, confirmUrl = ConfirmUrl(token, language) },
            EmailCategory.Essential,
            texts.Get(GovernanceTexts.PublicEmailReason, TextLocalizer.CultureOf(mailLanguage)),
            cancellationToken);
        return PublicEmailStatus.ConfirmationSent;
    }

    public async ValueTask<EmailConfirmedDto> Handle(ConfirmPublicEmailCommand command, CancellationToken cancellationToken)
    {
        var hash = Hash(command.Token.Trim());
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
        await db.SaveChangesAsync(cancellationToken);
        return new EmailConfirmedDto(decision.Title, decision.PublicInputToken);
    }

    public async ValueTask<InputDto> Handle(MarkInputSpamCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.DecisionId, cancellationToken);
        var input = decision.MarkSpam(command.InputId, command.Spam, clock.Now);
        await db.SaveChangesAsync(cancellationToken);
        return new InputDto(input.Id, null, input.PublicName ?? string.Empty, true, input.Text, input.CreatedAt, input.Use, input.UseExplanation, input.IsSpam);
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
            i.UseExplanation,
            i.IsSpam)).ToList();
    }

    public async ValueTask<PublicDecisionDto> Handle(GetPublicDecisionQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.PublicInputToken == query.Token && d.AllowPublicInput, cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), query.Token);
        var council = await db.Councils.AsNoTracking().Where(c => c.Id == decision.CouncilId).Select(c => c.Name).FirstAsync(cancellationToken);
        return new PublicDecisionDto(
            decision.Title, decision.Description, council, decision.State, decision.State == DecisionState.OpenForInput,
            decision.Outcome, decision.Rationale, decision.RecordedAt);
    }

    /// <summary>The web app's confirmation page; it names the tenant so it works signed out and on any host name.</summary>
    private string ConfirmUrl(string token, string? language)
    {
        var request = http.HttpContext?.Request;
        var origin = configuration["App:SelfUrl"] is { Length: > 0 } self
            ? self.TrimEnd('/')
            : request is null ? string.Empty : $"{request.Scheme}://{request.Host}{request.PathBase}";
        var tenant = currentTenant.Name is { } name ? $"&__tenant={Uri.EscapeDataString(name)}" : string.Empty;
        return $"{origin}/public/confirm-email?token={token}{tenant}{(language is null ? string.Empty : $"&lang={language}")}";
    }

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
