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
    /// <summary>Outbox rows per INSERT: about 20 parameters each, well under PostgreSQL's 65,535 a statement.</summary>
    private const int RowsPerInsert = 1000;

    private readonly Dictionary<(Guid? Tenant, string Name, string Culture), TemplateText?> _overrides = [];
    private bool _wakeScheduled;

    public Task<bool> EnqueueAsync(string template, EmailRecipient recipient, object model, EmailCategory category, string? reason = null, CancellationToken cancellationToken = default)
        => EnqueueAsync(template, recipient, model, category, new EmailOptions(reason), cancellationToken);

    public async Task<bool> EnqueueAsync(string template, EmailRecipient recipient, object model, EmailCategory category, EmailOptions options, CancellationToken cancellationToken = default)
        => await EnqueueManyAsync([new QueuedEmail(template, recipient, model, category, options)], cancellationToken) == 1;

    /// <summary>
    /// Renders each message (the partnership's template override looked up once per template and language, not per
    /// message), adds those without a key to the unit of work and writes those with one in as few statements as
    /// the parameter limit allows, each <c>ON CONFLICT DO NOTHING</c>: a batch costs a few round trips, not one per message.
    /// </summary>
    public async Task<int> EnqueueManyAsync(IReadOnlyList<QueuedEmail> emails, CancellationToken cancellationToken = default)
    {
        var keyed = new List<OutboxMessage>();
        var queued = 0;
        foreach (var email in emails)
        {
            var message = await PrepareAsync(email, cancellationToken);
            if (message is null)
            {
                continue;
            }

            if (message.DeduplicationKey is null)
            {
                db.OutboxMessages.Add(message);
                queued++;
            }
            else
            {
                keyed.Add(message);
            }
        }

        queued += await InsertUnlessQueuedAsync(keyed, cancellationToken);
        if (queued > 0 && !_wakeScheduled)
        {
            _wakeScheduled = true;
            await unitOfWork.OnCommittedAsync(() =>
            {
                _wakeScheduled = false;
                jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync());
                return Task.CompletedTask;
            });
        }

        return queued;
    }

    /// <summary>The rendered message, or null when the recipient unsubscribed from a non-essential category.</summary>
    private async Task<OutboxMessage?> PrepareAsync(QueuedEmail email, CancellationToken cancellationToken)
    {
        var (template, recipient, model, category, options) = email;
        var reason = options.Reason;
        var key = string.IsNullOrWhiteSpace(options.DeduplicationKey) ? null : options.DeduplicationKey.Trim();
        if (key?.Length > IEmailOutbox.MaxDeduplicationKeyLength)
        {
            throw new ArgumentException($"A deduplication key has at most {IEmailOutbox.MaxDeduplicationKeyLength} characters.", nameof(email));
        }

        var shipped = Default(template);
        var emailAddress = EmailSuppression.Normalize(recipient.Email);
        if (category != EmailCategory.Essential
            && await db.EmailSuppressions.AnyAsync(s => s.Email == emailAddress && s.Category == category, cancellationToken))
        {
            return null;
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

        return new OutboxMessage(Guid.CreateVersion7(), template, category, culture, recipient, rendered.Subject, rendered.Text, rendered.Html, clock.Now)
        {
            UnsubscribeUrl = unsubscribeUrl,
            DeduplicationKey = key,
        };
    }

    /// <summary>The partnership's wording of a template in a language, read once per scope (a batch renders it many times).</summary>
    private async Task<TemplateText?> OverrideAsync(string name, string culture, CancellationToken cancellationToken)
    {
        var key = (currentTenant.Id, name, culture);
        if (!_overrides.TryGetValue(key, out var text))
        {
            var custom = await db.EmailTemplateOverrides.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name && t.Culture == culture, cancellationToken);
            _overrides[key] = text = custom is null ? null : new TemplateText(custom.Subject, custom.Text, custom.Html);
        }

        return text;
    }

    private Func<string, TemplateText> Default(string name)
        => store.Find(name) is not null
            ? culture => store.Text(name, culture)!
            : throw new InvalidOperationException($"There is no email template named '{name}': a module registers its templates with AddEmailTemplates.");

    /// <summary>
    /// Writes the rows at once, in the caller's transaction, except those whose key the partnership has already
    /// (<c>ON CONFLICT DO NOTHING</c> on the unique index of tenant and key), and returns how many were written. A
    /// concurrent transaction holding the same key makes this statement wait for it: if it commits, that row is not
    /// inserted; if it rolls back, it is. Never a unique violation, so the caller's transaction carries on either way.
    /// Rows go in statements of <see cref="RowsPerInsert"/> (PostgreSQL takes at most 65,535 parameters a statement).
    /// </summary>
    private async Task<int> InsertUnlessQueuedAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        var inserted = 0;
        foreach (var chunk in messages.Chunk(RowsPerInsert))
        {
            var parameters = new List<NpgsqlParameter>();
            var rows = new List<string>();
            foreach (var message in chunk)
            {
                var names = new List<string>();
                foreach (var property in properties)
                {
                    var value = property.Name == nameof(OutboxMessage.TenantId) ? currentTenant.Id : property.PropertyInfo!.GetValue(message);
                    var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
                    if (value is not null && converter is not null)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    var parameter = new NpgsqlParameter($"p{parameters.Count}", value ?? DBNull.Value);
                    parameters.Add(parameter);
                    names.Add("@" + parameter.ParameterName);
                }

                rows.Add($"({string.Join(", ", names)})");
            }

            var sql = $"INSERT INTO \"{table.Schema}\".\"{table.Name}\" ({columns}) VALUES {string.Join(", ", rows)} ON CONFLICT DO NOTHING";
            inserted += await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }

        return inserted;
    }
}
