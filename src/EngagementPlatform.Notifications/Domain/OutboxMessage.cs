using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Notifications.Domain;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One email, written in the same transaction as the change that caused it and already rendered. The sender claims
/// rows with a short lease, sends them and marks each sent right after the SMTP server accepts it; a process that
/// dies mid-batch leaves its rows to be claimed again when the lease runs out. Only a message accepted by the server
/// but not yet marked can go out twice, and it carries the same <see cref="MessageId"/> both times.
/// </summary>
public sealed class OutboxMessage : IMultiTenant
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(Guid id, string template, EmailCategory category, string culture, EmailRecipient recipient, string subject, string textBody, string htmlBody, DateTimeOffset now)
    {
        Id = id;
        Template = template;
        Category = category;
        Culture = culture;
        ToEmail = recipient.Email;
        ToName = recipient.Name;
        RecipientUserId = recipient.UserId;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    public Guid? TenantId { get; private set; }

    public string Template { get; private set; } = string.Empty;

    public EmailCategory Category { get; private set; }

    public string Culture { get; private set; } = "en";

    public Guid? RecipientUserId { get; private set; }

    public string ToEmail { get; private set; } = string.Empty;

    public string? ToName { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public string TextBody { get; private set; } = string.Empty;

    public string HtmlBody { get; private set; } = string.Empty;

    /// <summary>For non-essential mail: the one-click unsubscribe link (RFC 8058).</summary>
    public string? UnsubscribeUrl { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While set and in the future, a sender is working on the row.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The caller's name for this email, unique per partnership: a second enqueue under it adds nothing.</summary>
    public string? DeduplicationKey { get; init; }

    /// <summary>Stable across re-sends, so a duplicate after a crash is recognisable.</summary>
    public string MessageId(string domain) => $"{Id:N}@{domain}";
}

/// <summary>A tenant's own wording of a template in one language.</summary>
public sealed class EmailTemplateOverride : IMultiTenant
{
    private EmailTemplateOverride()
    {
    }

    public EmailTemplateOverride(Guid id, string name, string culture)
    {
        Id = id;
        Name = name;
        Culture = culture;
    }

    public Guid Id { get; private set; }

    public Guid? TenantId { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Culture { get; private set; } = "en";

    public string Subject { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string Html { get; set; } = string.Empty;
}

/// <summary>Someone asked for no more mail of a category from this partnership.</summary>
public sealed class EmailSuppression : IMultiTenant
{
    private EmailSuppression()
    {
    }

    public EmailSuppression(string email, EmailCategory category, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Email = Normalize(email);
        Category = category;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid? TenantId { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public EmailCategory Category { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
