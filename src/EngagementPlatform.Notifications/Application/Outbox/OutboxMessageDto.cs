using EngagementPlatform.Notifications.Domain;

namespace EngagementPlatform.Notifications.Application.Outbox;

public sealed record OutboxMessageDto(
    Guid Id, string Template, EmailCategory Category, string Culture, string ToEmail, string Subject, OutboxStatus Status,
    int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt)
{
    public static OutboxMessageDto From(OutboxMessage m)
        => new(m.Id, m.Template, m.Category, m.Culture, m.ToEmail, m.Subject, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt);
}
