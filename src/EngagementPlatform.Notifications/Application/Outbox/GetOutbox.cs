using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Outbox;

public sealed record GetOutboxQuery(PageRequest Page, OutboxStatus? Status) : IQuery<PagedResult<OutboxMessageDto>>;

/// <summary>
/// The partnership's emails, newest first unless sorted otherwise, optionally of one status. Built as every list is
/// (docs/adding-a-module.md, "Lists"): the count and the page, the page a projection of the columns the list shows;
/// the bodies and the unsubscribe link (which holds the recipient's unsubscribe token) are never read. The default
/// order walks the index <c>(tenant_id, created_at DESC, id DESC)</c>, a status filter <c>(tenant_id, status, …)</c>.
/// </summary>
public sealed class GetOutboxHandler(INotificationsDbContext db) : IQueryHandler<GetOutboxQuery, PagedResult<OutboxMessageDto>>
{
    /// <summary>The fields a client may sort the outbox by; the default is <c>createdAt desc</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<OutboxMessage, object?>>> Sorting = new Dictionary<string, Expression<Func<OutboxMessage, object?>>>
    {
        ["createdAt"] = m => m.CreatedAt,
        ["nextAttemptAt"] = m => m.NextAttemptAt,
        ["sentAt"] = m => m.SentAt,
        ["toEmail"] = m => m.ToEmail,
        ["template"] = m => m.Template,
        ["status"] = m => m.Status,
        ["attempts"] = m => m.Attempts,
    };

    public async ValueTask<PagedResult<OutboxMessageDto>> Handle(GetOutboxQuery query, CancellationToken cancellationToken)
    {
        var messages = db.OutboxMessages.AsNoTracking();
        if (query.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        var total = await messages.LongCountAsync(cancellationToken);
        var sorting = string.IsNullOrWhiteSpace(query.Page.Sorting) ? "createdAt desc" : query.Page.Sorting;
        var items = await messages.OrderBySorting(sorting, Sorting, "createdAt").ThenByDescending(m => m.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(OutboxMessageDto.Projection)
            .ToListAsync(cancellationToken);
        return new PagedResult<OutboxMessageDto>(total, items);
    }
}
