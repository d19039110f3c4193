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
/// change that caused it, then delivered by a background job with retries.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>
    /// Renders <paramref name="template"/> for the recipient's language with <paramref name="model"/> and queues it.
    /// Returns false when the recipient unsubscribed from a non-essential <paramref name="category"/>.
    /// <paramref name="reason"/> (essential mail) tells the recipient why they receive it.
    /// </summary>
    Task<bool> EnqueueAsync(string template, EmailRecipient recipient, object model, EmailCategory category, string? reason = null, CancellationToken cancellationToken = default);
}
