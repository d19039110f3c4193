using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Sending;
using EngagementPlatform.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Notifications;

/// <summary>
/// Queues an email in the current transaction: picks the language (the recipient's, else English), the template
/// (the tenant's override, else the one its module registered), renders it, and wakes the sender once the transaction
/// commits. A message with a deduplication key is inserted at once with <c>ON CONFLICT DO NOTHING</c> (see ADR 0011).
/// </summary>
internal sealed class EmailOutbox(
    INotificationsDbContext db,
    EmailTemplateStore store,
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

    public Task<bool> EnqueueAsync(string template, EmailRecipient recipient, object model, EmailCategory category, string? reason = null, CancellationToken cancellationToken = default)
        => EnqueueAsync(template, recipient, model, category, new EmailOptions(reason), cancellationToken);

    public async Task<bool> EnqueueAsync(string template, EmailRecipient recipient, object model, EmailCategory category, EmailOptions options, CancellationToken cancellationToken = default)
    {
        var reason = options.Reason;
        var key = string.IsNullOrWhiteSpace(options.DeduplicationKey) ? null : options.DeduplicationKey.Trim();
        if (key?.Length > IEmailOutbox.MaxDeduplicationKeyLength)
        {
            throw new ArgumentException($"A deduplication key has at most {IEmailOutbox.MaxDeduplicationKeyLength} characters.", nameof(options));
        }

        var shipped = Default(template);
        var email = EmailSuppression.Normalize(recipient.Email);
        if (category != EmailCategory.Essential
            && await db.EmailSuppressions.AnyAsync(s => s.Email == email && s.Category == category, cancellationToken))
        {
            return false;
        }

        var culture = await locale.CultureAsync(recipient, cancellationToken);
        var custom = await OverrideAsync(template, culture, cancellationToken);
        var unsubscribeUrl = category == EmailCategory.Essential ? null : tokens.Url(recipient.Email, category);
        var values = EmailModelJson.ToNode(model);
        values["recipientName"] = string.IsNullOrWhiteSpace(recipient.Name) ? recipient.Email : recipient.Name.Trim();
        values["unsubscribeUrl"] = unsubscribeUrl;
        values["reason"] = category == EmailCategory.Essential ? reason : null;
        values["appUrl"] = mail.Value.PublicUrl;
        // Only people with an account have preferences to manage; the link signs them in to this partnership.
        values["preferencesUrl"] = recipient.UserId is null ? null : await locale.PreferencesLinkAsync(cancellationToken);
        RenderedEmail rendered;
        try
        {
            rendered = await renderer.RenderAsync(custom ?? shipped(culture), values, currentTenant.Id, cancellationToken);
        }
        catch (TemplateLimitException exception) when (custom is not null)
        {
            // The partnership's own wording went past a limit: the change that caused the email still commits, and
            // the reader gets our wording instead.
            logger.LogWarning("The partnership's '{Template}' ({Culture}) template could not be rendered ({Error}); using the default", template, culture, exception.Message);
            rendered = await renderer.RenderAsync(shipped(culture), values, null, cancellationToken);
        }

        var message = new OutboxMessage(Guid.CreateVersion7(), template, category, culture, recipient, rendered.Subject, rendered.Text, rendered.Html, clock.Now)
        {
            UnsubscribeUrl = unsubscribeUrl,
            DeduplicationKey = key,
        };
        if (key is null)
        {
            db.OutboxMessages.Add(message);
        }
        else if (!await InsertUnlessQueuedAsync(message, cancellationToken))
        {
            return false;
        }

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

    private Func<string, TemplateText> Default(string name)
        => store.Find(name) is not null
            ? culture => store.Text(name, culture)!
            : throw new InvalidOperationException($"There is no email template named '{name}': a module registers its templates with AddEmailTemplates.");

    /// <summary>
    /// Writes the row at once, in the caller's transaction, unless the partnership has one under the same key
    /// (<c>ON CONFLICT DO NOTHING</c> on the unique index of tenant and key). A concurrent transaction holding the
    /// same key makes this statement wait for it: if it commits, nothing is inserted; if it rolls back, this row is.
    /// Never a unique violation, so the caller's transaction carries on either way.
    /// </summary>
    private async Task<bool> InsertUnlessQueuedAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        foreach (var property in entity.GetProperties())
        {
            var value = property.Name == nameof(OutboxMessage.TenantId) ? currentTenant.Id : property.PropertyInfo!.GetValue(message);
            var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
            if (value is not null && converter is not null)
            {
                value = converter.ConvertToProvider(value);
            }

            columns.Add($"\"{property.GetColumnName(table)}\"");
            parameters.Add(new NpgsqlParameter($"p{parameters.Count}", value ?? DBNull.Value));
        }

        var sql = $"INSERT INTO \"{table.Schema}\".\"{table.Name}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", parameters.Select(p => "@" + p.ParameterName))}) ON CONFLICT DO NOTHING";
        return await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken) == 1;
    }
}
