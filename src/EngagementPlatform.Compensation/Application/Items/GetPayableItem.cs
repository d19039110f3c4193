using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Items;

public sealed record GetPayableItemQuery(Guid Id) : IQuery<PayableItemDto>;

/// <summary>One item with its payee; another tenant's item is not found (404).</summary>
public sealed class GetPayableItemHandler(ICompensationDbContext db) : IQueryHandler<GetPayableItemQuery, PayableItemDto>
{
    public async ValueTask<PayableItemDto> Handle(GetPayableItemQuery query, CancellationToken cancellationToken)
    {
        var found = await db.PayableItems.AsNoTracking()
                        .Where(i => i.Id == query.Id)
                        .Join(db.Payees.AsNoTracking(), i => i.PayeeId, p => p.Id, (i, p) => new { Item = i, Payee = p })
                        .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new EntityNotFoundException(nameof(PayableItem), query.Id);
        return found.Item.ToDto(found.Payee);
    }
}
