using System.Text.Json;
using System.Text.Json.Nodes;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Sending;
using EngagementPlatform.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Notifications;

/// <summary>
/// Queues an email in the current transaction: picks the language (the recipient's, else English), the template
/// (the tenant's override, else ours), renders it, and wakes the sender once the transaction commits.
/// </summary>
internal sealed class EmailOutbox(
    INotificationsDbContext db,
    TemplateRenderer renderer,
    UnsubscribeTokens tokens,
    IUnitOfWork unitOfWork,
    IJobScheduler jobs,
    IClock clock,
    IOptions<MailOptions> mail,
    ICurrentTenant currentTenant,
    EmailLocale locale,
    ILogger<EmailOutbox> logger) : IEmailOutbox
{
    private bool _wakeScheduled;

    public async Task<bool> EnqueueAsync(string template, EmailRecipient recipient, object model, EmailCategory category, string? reason = null, CancellationToken cancellationToken = default)
    {
        var email = EmailSuppression.Normalize(recipient.Email);
        if (category != EmailCategory.Essential
            && await db.EmailSuppressions.AnyAsync(s => s.Email == email && s.Category == category, cancellationToken))
        {
            return false;
        }

        var culture = await locale.CultureAsync(recipient, cancellationToken);
        var custom = await OverrideAsync(template, culture, cancellationToken);
        var unsubscribeUrl = category == EmailCategory.Essential ? null : tokens.Url(recipient.Email, category);
        var values = JsonSerializer.SerializeToNode(model, JsonSerializerOptions.Web) as JsonObject ?? [];
        values["recipientName"] = string.IsNullOrWhiteSpace(recipient.Name) ? recipient.Email : recipient.Name.Trim();
        values["unsubscribeUrl"] = unsubscribeUrl;
        values["reason"] = category == EmailCategory.Essential ? reason : null;
        values["appUrl"] = mail.Value.PublicUrl;
        // Only people with an account have preferences to manage; the link signs them in to this partnership.
        values["preferencesUrl"] = recipient.UserId is null ? null : await locale.PreferencesLinkAsync(cancellationToken);
        RenderedEmail rendered;
        try
        {
            rendered = await renderer.RenderAsync(custom ?? Default(template, culture), values, currentTenant.Id, cancellationToken);
        }
        catch (TemplateLimitException exception) when (custom is not null)
        {
            // The partnership's own wording went past a limit: the change that caused the email still commits, and
            // the reader gets our wording instead.
            logger.LogWarning("The partnership's '{Template}' ({Culture}) template could not be rendered ({Error}); using the default", template, culture, exception.Message);
            rendered = await renderer.RenderAsync(Default(template, culture), values, null, cancellationToken);
        }

        var message = new OutboxMessage(Guid.CreateVersion7(), template, category, culture, recipient, rendered.Subject, rendered.Text, rendered.Html, clock.Now)
        {
            UnsubscribeUrl = unsubscribeUrl,
        };
        db.OutboxMessages.Add(message);

        if (!_wakeScheduled)
        {
            _wakeScheduled = true;
            await unitOfWork.OnCommittedAsync(() =>
            {
                _wakeScheduled = false;
                jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync());
                return Task.CompletedTask;
            });
        }

        return true;
    }

    private async Task<TemplateText?> OverrideAsync(string name, string culture, CancellationToken cancellationToken)
    {
        var custom = await db.EmailTemplateOverrides.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name && t.Culture == culture, cancellationToken);
        return custom is null ? null : new TemplateText(custom.Subject, custom.Text, custom.Html);
    }

    private static TemplateText Default(string name, string culture)
        => DefaultTemplates.All.GetValueOrDefault((name, culture))
           ?? DefaultTemplates.All.GetValueOrDefault((name, "en"))
           ?? throw new InvalidOperationException($"There is no email template named '{name}'.");
}
