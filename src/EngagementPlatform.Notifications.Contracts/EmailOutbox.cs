namespace EngagementPlatform.Notifications;

/// <summary>
/// Why an email is sent. Essential mail (a vote you may cast, a payment) cannot be turned off and says why it was
/// sent; the others carry a one-click unsubscribe.
/// </summary>
public enum EmailCategory
{
    Essential,
    FeedbackLoop,
    Reminders,
    Announcements,
}

public sealed record EmailRecipient(string Email, string? Name, string? PreferredLanguage, Guid? UserId);

/// <summary>
/// The one way to send an email: a row written to the outbox in the current unit of work, so it commits with the
/// change that caused it, then delivered by a background job with retries. The template is one a module registered
/// (<see cref="IEmailTemplateProvider"/>).
/// </summary>
public interface IEmailOutbox
{
    /// <summary>The longest <see cref="EmailOptions.DeduplicationKey"/>.</summary>
    public const int MaxDeduplicationKeyLength = 200;

    /// <summary>
    /// Renders <paramref name="template"/> for the recipient's language with <paramref name="model"/> and queues it.
    /// Returns false when nothing was queued: the recipient unsubscribed from a non-essential <paramref name="category"/>.
    /// <paramref name="reason"/> (essential mail) tells the recipient why they receive it.
    /// </summary>
    Task<bool> EnqueueAsync(string template, EmailRecipient recipient, object model, EmailCategory category, string? reason = null, CancellationToken cancellationToken = default)
        => EnqueueAsync(template, recipient, model, category, new EmailOptions(reason), cancellationToken);

    /// <summary>
    /// As above, with <paramref name="options"/>. With a <see cref="EmailOptions.DeduplicationKey"/>, a message already
    /// queued in this partnership under the same key (committed, or being committed by a concurrent transaction that
    /// then commits) makes this call queue nothing and return false, without failing the caller's transaction.
    /// </summary>
    Task<bool> EnqueueAsync(string template, EmailRecipient recipient, object model, EmailCategory category, EmailOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues each of <paramref name="emails"/> as <see cref="EnqueueAsync(string, EmailRecipient, object, EmailCategory, EmailOptions, CancellationToken)"/>
    /// would, for a batch (a payment run of a thousand items): the messages with a deduplication key are written
    /// together (one statement per thousand), not one round trip each. Returns how many were queued.
    /// </summary>
    async Task<int> EnqueueManyAsync(IReadOnlyList<QueuedEmail> emails, CancellationToken cancellationToken = default)
    {
        var queued = 0;
        foreach (var email in emails)
        {
            queued += await EnqueueAsync(email.Template, email.Recipient, email.Model, email.Category, email.Options, cancellationToken) ? 1 : 0;
        }

        return queued;
    }
}

/// <summary>One email of a batch for <see cref="IEmailOutbox.EnqueueManyAsync"/>.</summary>
public sealed record QueuedEmail(string Template, EmailRecipient Recipient, object Model, EmailCategory Category, EmailOptions Options);

/// <summary>
/// How one email is queued. <paramref name="Reason"/>: for essential mail, why the recipient gets it.
/// <paramref name="DeduplicationKey"/>: the caller's name for this one email, unique per partnership
/// ("agreement-renewal-reminder:{agreementId}:{recipientId}:2027-01-15"), so a job that runs twice sends once. Keep it
/// specific to the recipient when one run mails several people.
/// </summary>
public sealed record EmailOptions(string? Reason = null, string? DeduplicationKey = null);
