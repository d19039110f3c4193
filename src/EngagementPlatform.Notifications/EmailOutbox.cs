using System.Text.Json;
using System.Text.Json.Nodes;
using EngagementPlatform.Framework.Contracts;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Sending;
using EngagementPlatform.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
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
    ITenantStore tenants) : IEmailOutbox
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

        var culture = DefaultTemplates.Cultures.Contains(recipient.PreferredLanguage)
            ? recipient.PreferredLanguage!
            : currentTenant.Id is { } tenantId && (await tenants.FindAsync(tenantId, cancellationToken))?.DefaultLanguage is { } tenantLanguage
                && DefaultTemplates.Cultures.Contains(tenantLanguage)
                ? tenantLanguage
                : "en";
        var text = await TemplateAsync(template, culture, cancellationToken);
        var unsubscribeUrl = category == EmailCategory.Essential ? null : tokens.Url(recipient.Email, category);
        var values = JsonSerializer.SerializeToNode(model, JsonSerializerOptions.Web) as JsonObject ?? [];
        values["recipientName"] = recipient.Name ?? recipient.Email;
        values["unsubscribeUrl"] = unsubscribeUrl;
        values["reason"] = category == EmailCategory.Essential ? reason : null;
        values["appUrl"] = mail.Value.PublicUrl;
        var rendered = await renderer.RenderAsync(text, values);
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

    public async Task<TemplateText> TemplateAsync(string name, string culture, CancellationToken cancellationToken)
    {
        var custom = await db.EmailTemplateOverrides.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name && t.Culture == culture, cancellationToken);
        if (custom is not null)
        {
            return new TemplateText(custom.Subject, custom.Text, custom.Html);
        }

        return DefaultTemplates.All.GetValueOrDefault((name, culture))
               ?? DefaultTemplates.All.GetValueOrDefault((name, "en"))
               ?? throw new InvalidOperationException($"There is no email template named '{name}'.");
    }
}
