using System.Linq.Expressions;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Items;

public sealed record GetPayableItemsQuery(PageRequest Page, PayableItemStatus? Status, Guid? PayeeId, Guid? PayeeUserId, Guid? CouncilId)
    : IQuery<PagedResult<PayableItemSummaryDto>>;

/// <summary>
/// The payable-items queue (docs/adding-a-module.md, "Lists"): two statements whatever the page size, the count and the
/// page, the page a projection of the item joined to its payee (the payee's name is this module's, so it sorts in
/// SQL). The default order (newest first, then id) walks <c>(tenant_id, creation_time DESC, id)</c>, a status filter
/// <c>(tenant_id, status, creation_time DESC, id)</c>.
/// </summary>
public sealed class GetPayableItemsHandler(ICompensationDbContext db) : IQueryHandler<GetPayableItemsQuery, PagedResult<PayableItemSummaryDto>>
{
    public static readonly IReadOnlyDictionary<string, Expression<Func<Row, object?>>> Sorting = new Dictionary<string, Expression<Func<Row, object?>>>
    {
        ["creationTime"] = r => r.Item.CreationTime,
        ["amount"] = r => r.Item.Amount,
        ["status"] = r => r.Item.Status,
        ["description"] = r => r.Item.Description,
        ["paidOn"] = r => r.Item.PaidOn,
        ["payeeName"] = r => r.Payee.Name,
    };

    public async ValueTask<PagedResult<PayableItemSummaryDto>> Handle(GetPayableItemsQuery query, CancellationToken cancellationToken)
    {
        var items = db.PayableItems.AsNoTracking();
        if (query.Status is { } status)
        {
            items = items.Where(i => i.Status == status);
        }

        if (query.PayeeId is { } payeeId)
        {
            items = items.Where(i => i.PayeeId == payeeId);
        }

        if (query.PayeeUserId is { } userId)
        {
            items = items.Where(i => db.Payees.Any(p => p.Id == i.PayeeId && p.UserId == userId));
        }

        if (query.CouncilId is { } councilId)
        {
            items = items.Where(i => i.CouncilId == councilId);
        }

        var rows = items.Join(db.Payees.AsNoTracking(), i => i.PayeeId, p => p.Id, (i, p) => new Row { Item = i, Payee = p });
        var sorting = string.IsNullOrWhiteSpace(query.Page.Sorting) ? "creationTime desc" : query.Page.Sorting;
        var ordered = rows.OrderBySorting(sorting, Sorting, "creationTime").ThenBy(r => r.Item.Id);
        var total = await items.LongCountAsync(cancellationToken);
        var page = await ordered
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(r => new PayableItemSummaryDto(
                r.Item.Id,
                new ItemPayeeDto(r.Payee.Id, r.Payee.Kind, r.Payee.UserId, r.Payee.Name) { Declined = r.Payee.Choice == PaymentChoice.Decline },
                r.Item.Description, r.Item.Quantity, r.Item.UnitAmount, r.Item.Amount, r.Item.Currency, r.Item.Status,
                new ItemSourceDto(r.Item.SourceKind, r.Item.SourceId, r.Item.SourceLabel),
                r.Item.CouncilId, r.Item.SubmittedBy, r.Item.PaidOn, r.Item.AdjustsItemId, r.Item.CreationTime))
            .ToListAsync(cancellationToken);
        return new PagedResult<PayableItemSummaryDto>(total, page.Select(r => r.Shown()).ToList());
    }

    /// <summary>An item and its payee, the shape the sort keys read.</summary>
    public sealed class Row
    {
        public PayableItem Item { get; init; } = null!;

        public Payee Payee { get; init; } = null!;
    }
}
