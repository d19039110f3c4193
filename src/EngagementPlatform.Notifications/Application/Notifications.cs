using EngagementPlatform.Governance;
using EngagementPlatform.Identity;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Sending;
using EngagementPlatform.Notifications.Templates;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application;

public sealed record OutboxMessageDto(
    Guid Id, string Template, EmailCategory Category, string Culture, string ToEmail, string Subject, OutboxStatus Status,
    int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

public sealed record GetOutboxQuery(PageRequest Page, OutboxStatus? Status) : IQuery<PagedResult<OutboxMessageDto>>;

public sealed record RequeueCommand(Guid Id) : ICommand<OutboxMessageDto>;

public sealed record TemplateDto(Guid? OverrideId, string Name, string Culture, bool IsOverride, string Subject, string Text, string Html);

public sealed record GetTemplatesQuery : IQuery<IReadOnlyList<TemplateDto>>;

public sealed record TemplateOverrideRequest(string Name, string Culture, string Subject, string Text, string Html);

public sealed record CreateOverrideCommand(string Name, string Culture, string Subject, string Text, string Html) : ICommand<TemplateDto>;

public sealed record UpdateOverrideRequest(string Subject, string Text, string Html);

public sealed record UpdateOverrideCommand(Guid Id, string Subject, string Text, string Html) : ICommand<TemplateDto>;

public sealed record DeleteOverrideCommand(Guid Id) : ICommand;

public sealed record GetOverrideQuery(Guid Id) : IQuery<TemplateDto>;

public sealed record PreviewRequest(string Name, string Culture, string? Subject, string? Text, string? Html);

public sealed record PreviewCommand(string Name, string Culture, string? Subject, string? Text, string? Html) : ICommand<RenderedEmail>;

public sealed record PreferenceDto(EmailCategory Category, bool Essential, bool Subscribed);

public sealed record PreferencesDto(string Email, IReadOnlyList<PreferenceDto> Categories);

public sealed record GetMyPreferencesQuery : IQuery<PreferencesDto>;

public sealed record SavePreferencesRequest(IReadOnlyDictionary<EmailCategory, bool> Subscriptions);

public sealed record SaveMyPreferencesCommand(IReadOnlyDictionary<EmailCategory, bool> Subscriptions) : ICommand<PreferencesDto>;

public sealed record UnsubscribeCommand(string Token) : ICommand<UnsubscribeRequest>;

public sealed class TemplateValidator : AbstractValidator<CreateOverrideCommand>
{
    public TemplateValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100).OneOf(DefaultTemplates.Names);
        RuleFor(c => c.Culture).Must(c => DefaultTemplates.Cultures.Contains(c)).WithMessage(FrameworkTexts.Language);
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(1000);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(50_000);
        RuleFor(c => c.Html).NotEmpty().MaximumLength(100_000);
    }
}

public sealed class UpdateOverrideValidator : AbstractValidator<UpdateOverrideCommand>
{
    public UpdateOverrideValidator()
    {
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(1000);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(50_000);
        RuleFor(c => c.Html).NotEmpty().MaximumLength(100_000);
    }
}

public sealed class PreviewValidator : AbstractValidator<PreviewCommand>
{
    public PreviewValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Culture).Must(c => DefaultTemplates.Cultures.Contains(c)).WithMessage(FrameworkTexts.Language);
        RuleFor(c => c.Subject).MaximumLength(1000);
        RuleFor(c => c.Text).MaximumLength(50_000);
        RuleFor(c => c.Html).MaximumLength(100_000);
    }
}

public sealed class NotificationHandlers(
    INotificationsDbContext db,
    IUnitOfWork unitOfWork,
    IJobScheduler jobs,
    IClock clock,
    ICurrentUser currentUser,
    ICurrentTenant currentTenant,
    IUserDirectory users,
    UnsubscribeTokens tokens,
    TemplateRenderer renderer,
    ITextLocalizer texts)
    : IQueryHandler<GetOutboxQuery, PagedResult<OutboxMessageDto>>,
      ICommandHandler<RequeueCommand, OutboxMessageDto>,
      IQueryHandler<GetTemplatesQuery, IReadOnlyList<TemplateDto>>,
      IQueryHandler<GetOverrideQuery, TemplateDto>,
      ICommandHandler<CreateOverrideCommand, TemplateDto>,
      ICommandHandler<UpdateOverrideCommand, TemplateDto>,
      ICommandHandler<DeleteOverrideCommand>,
      ICommandHandler<PreviewCommand, RenderedEmail>,
      IQueryHandler<GetMyPreferencesQuery, PreferencesDto>,
      ICommandHandler<SaveMyPreferencesCommand, PreferencesDto>,
      ICommandHandler<UnsubscribeCommand, UnsubscribeRequest>
{
    public async ValueTask<PagedResult<OutboxMessageDto>> Handle(GetOutboxQuery query, CancellationToken cancellationToken)
    {
        var messages = db.OutboxMessages.AsNoTracking();
        if (query.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        var total = await messages.LongCountAsync(cancellationToken);
        var items = await messages.OrderByDescending(m => m.CreatedAt).Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(m => new OutboxMessageDto(m.Id, m.Template, m.Category, m.Culture, m.ToEmail, m.Subject, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<OutboxMessageDto>(total, items);
    }

    public async ValueTask<OutboxMessageDto> Handle(RequeueCommand command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
                      ?? throw new EntityNotFoundException(nameof(OutboxMessage), command.Id);
        if (message.Status != OutboxStatus.Failed)
        {
            throw new StateConflictException(NotificationsErrorCodes.NotFailed);
        }

        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.Now;
        message.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        await unitOfWork.OnCommittedAsync(() =>
        {
            jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync());
            return Task.CompletedTask;
        });
        return new OutboxMessageDto(message.Id, message.Template, message.Category, message.Culture, message.ToEmail, message.Subject, message.Status,
            message.Attempts, message.NextAttemptAt, message.LastError, message.CreatedAt, message.SentAt);
    }

    public async ValueTask<IReadOnlyList<TemplateDto>> Handle(GetTemplatesQuery query, CancellationToken cancellationToken)
    {
        var overrides = await db.EmailTemplateOverrides.AsNoTracking().ToListAsync(cancellationToken);
        return DefaultTemplates.All.OrderBy(t => t.Key.Name).ThenBy(t => t.Key.Culture).Select(t =>
        {
            var custom = overrides.FirstOrDefault(o => o.Name == t.Key.Name && o.Culture == t.Key.Culture);
            return custom is null
                ? new TemplateDto(null, t.Key.Name, t.Key.Culture, false, t.Value.Subject, t.Value.Text, t.Value.Html)
                : ToDto(custom);
        }).ToList();
    }

    public async ValueTask<TemplateDto> Handle(GetOverrideQuery query, CancellationToken cancellationToken)
        => ToDto(await FindOverrideAsync(query.Id, cancellationToken));

    public async ValueTask<TemplateDto> Handle(CreateOverrideCommand command, CancellationToken cancellationToken)
    {
        Check(command.Subject, command.Text, command.Html);
        if (await db.EmailTemplateOverrides.AnyAsync(t => t.Name == command.Name && t.Culture == command.Culture, cancellationToken))
        {
            throw new StateConflictException(NotificationsErrorCodes.DuplicateOverride);
        }

        await CheckCostAsync(command.Name, command.Culture, new TemplateText(command.Subject, command.Text, command.Html), cancellationToken);
        var custom = new EmailTemplateOverride(Guid.CreateVersion7(), command.Name, command.Culture)
        {
            Subject = command.Subject,
            Text = command.Text,
            Html = command.Html,
        };
        db.EmailTemplateOverrides.Add(custom);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(custom);
    }

    public async ValueTask<TemplateDto> Handle(UpdateOverrideCommand command, CancellationToken cancellationToken)
    {
        Check(command.Subject, command.Text, command.Html);
        var custom = await FindOverrideAsync(command.Id, cancellationToken);
        await CheckCostAsync(custom.Name, custom.Culture, new TemplateText(command.Subject, command.Text, command.Html), cancellationToken);
        custom.Subject = command.Subject;
        custom.Text = command.Text;
        custom.Html = command.Html;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(custom);
    }

    public async ValueTask<Unit> Handle(DeleteOverrideCommand command, CancellationToken cancellationToken)
    {
        db.EmailTemplateOverrides.Remove(await FindOverrideAsync(command.Id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<RenderedEmail> Handle(PreviewCommand command, CancellationToken cancellationToken)
    {
        var stored = DefaultTemplates.All.GetValueOrDefault((command.Name, command.Culture))
                     ?? throw new NotFoundException(NotificationsErrorCodes.UnknownTemplate);
        var custom = await db.EmailTemplateOverrides.AsNoTracking().FirstOrDefaultAsync(t => t.Name == command.Name && t.Culture == command.Culture, cancellationToken);
        var template = new TemplateText(
            command.Subject ?? custom?.Subject ?? stored.Subject,
            command.Text ?? custom?.Text ?? stored.Text,
            command.Html ?? custom?.Html ?? stored.Html);
        Check(template.Subject, template.Text, template.Html);
        return await CheckCostAsync(command.Name, command.Culture, template, cancellationToken);
    }

    public async ValueTask<PreferencesDto> Handle(GetMyPreferencesQuery query, CancellationToken cancellationToken)
        => await PreferencesAsync(await MyEmailAsync(cancellationToken), cancellationToken);

    public async ValueTask<PreferencesDto> Handle(SaveMyPreferencesCommand command, CancellationToken cancellationToken)
    {
        var email = EmailSuppression.Normalize(await MyEmailAsync(cancellationToken));
        if (command.Subscriptions.TryGetValue(EmailCategory.Essential, out var essential) && !essential)
        {
            throw new RuleBrokenException(NotificationsErrorCodes.EssentialMail);
        }

        var existing = await db.EmailSuppressions.Where(s => s.Email == email).ToListAsync(cancellationToken);
        foreach (var (category, subscribed) in command.Subscriptions.Where(s => s.Key != EmailCategory.Essential))
        {
            var suppression = existing.FirstOrDefault(s => s.Category == category);
            if (subscribed && suppression is not null)
            {
                db.EmailSuppressions.Remove(suppression);
            }
            else if (!subscribed && suppression is null)
            {
                db.EmailSuppressions.Add(new EmailSuppression(email, category, clock.Now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await PreferencesAsync(email, cancellationToken);
    }

    public async ValueTask<UnsubscribeRequest> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        var request = tokens.Read(command.Token)
                      ?? throw new NotFoundException(NotificationsErrorCodes.InvalidUnsubscribeLink);
        // The link carries its partnership; the request itself names none.
        using (currentTenant.Change(request.TenantId))
        {
            var email = EmailSuppression.Normalize(request.Email);
            if (!await db.EmailSuppressions.AnyAsync(s => s.Email == email && s.Category == request.Category, cancellationToken))
            {
                db.EmailSuppressions.Add(new EmailSuppression(email, request.Category, clock.Now));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return request;
    }

    private async Task<PreferencesDto> PreferencesAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = EmailSuppression.Normalize(email);
        var suppressed = await db.EmailSuppressions.Where(s => s.Email == normalized).Select(s => s.Category).ToListAsync(cancellationToken);
        return new PreferencesDto(email, Enum.GetValues<EmailCategory>()
            .Select(c => new PreferenceDto(c, c == EmailCategory.Essential, c == EmailCategory.Essential || !suppressed.Contains(c))).ToList());
    }

    private async Task<string> MyEmailAsync(CancellationToken cancellationToken)
    {
        var id = currentUser.Id!.Value;
        return (await users.FindAsync([id], cancellationToken)).GetValueOrDefault(id)?.Email
               ?? throw new EntityNotFoundException("User", id);
    }

    private async Task<EmailTemplateOverride> FindOverrideAsync(Guid id, CancellationToken cancellationToken)
        => await db.EmailTemplateOverrides.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
           ?? throw new EntityNotFoundException(nameof(EmailTemplateOverride), id);

    private static void Check(string subject, string text, string html)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, source) in new[] { ("subject", subject), ("text", text), ("html", html) })
        {
            if (TemplateRenderer.Check(source) is { } error)
            {
                errors[field] = [error];
            }
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(NotificationsErrorCodes.InvalidTemplate, errors);
        }
    }

    /// <summary>Renders with the sample content; a template past the render limits is refused before it is saved or shown.</summary>
    private async Task<RenderedEmail> CheckCostAsync(string name, string culture, TemplateText template, CancellationToken cancellationToken)
    {
        try
        {
            return await renderer.RenderAsync(template, SampleModels.For(name, culture, texts), currentTenant.Id, cancellationToken);
        }
        catch (TemplateLimitException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new RuleBrokenException(NotificationsErrorCodes.TemplateTooCostly).WithData("limit", exception.Message);
        }
    }

    private static TemplateDto ToDto(EmailTemplateOverride t) => new(t.Id, t.Name, t.Culture, true, t.Subject, t.Text, t.Html);
}

/// <summary>Plausible content for template previews.</summary>
internal static class SampleModels
{
    public static object For(string name, string culture, ITextLocalizer texts)
    {
        var language = TextLocalizer.CultureOf(culture);
        string T(string key) => texts.Get(NotificationsTexts.Sample(key), language);
        var decision = new
        {
            Title = T("Title"),
            Outcome = T("Outcome"),
            Rationale = T("Rationale"),
            ClosesAt = EmailTimes.Format(new DateTimeOffset(2027, 1, 15, 18, 0, 0, TimeSpan.FromHours(-6)), "America/Chicago", culture, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            Url = "https://example.org/decisions/preview?__tenant=example",
        };
        var inputs = new[]
        {
            new { Text = T("Input"), Use = "Adapted", Explanation = T("Explanation") },
        };
        return new
        {
            decision,
            inputs,
            voted = true,
            recipientName = T("RecipientName"),
            unsubscribeUrl = name == DefaultTemplates.DecisionDecided ? "https://example.org/unsubscribe/preview" : null,
            preferencesUrl = "https://example.org/notifications/preferences?__tenant=example",
            reason = name == DefaultTemplates.DecisionDecided ? null : DefaultTemplates.Phrase(DefaultTemplates.VoterReason, culture),
        };
    }
}
