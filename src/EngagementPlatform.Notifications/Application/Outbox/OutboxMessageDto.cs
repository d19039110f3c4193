using System.Linq.Expressions;
using EngagementPlatform.Notifications.Domain;

namespace EngagementPlatform.Notifications.Application.Outbox;

public sealed record OutboxMessageDto(
    Guid Id, string Template, EmailCategory Category, string Culture, string ToEmail, string Subject, OutboxStatus Status,
    int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt)
{
    /// <summary>The columns the outbox list shows, selected in SQL (never the bodies or the unsubscribe link).</summary>
    public static readonly Expression<Func<OutboxMessage, OutboxMessageDto>> Projection =
        m => new OutboxMessageDto(m.Id, m.Template, m.Category, m.Culture, m.ToEmail, m.Subject, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt);

    private static readonly Func<OutboxMessage, OutboxMessageDto> Compiled = Projection.Compile();

    public static OutboxMessageDto From(OutboxMessage m) => Compiled(m);
}
