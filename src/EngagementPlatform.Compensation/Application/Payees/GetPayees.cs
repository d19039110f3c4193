using System.Linq.Expressions;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Payees;

public sealed record GetPayeesQuery(PageRequest Page, PayeeKind? Kind) : IQuery<PagedResult<PayeeDto>>;

/// <summary>The payees: two statements (count and page), the default order (name, then id) off the index <c>(tenant_id, name, id)</c>.</summary>
public sealed class GetPayeesHandler(ICompensationDbContext db) : IQueryHandler<GetPayeesQuery, PagedResult<PayeeDto>>
{
    public static readonly IReadOnlyDictionary<string, Expression<Func<Payee, object?>>> Sorting = new Dictionary<string, Expression<Func<Payee, object?>>>
    {
        ["name"] = p => p.Name,
        ["kind"] = p => p.Kind,
        ["creationTime"] = p => p.CreationTime,
    };

    public async ValueTask<PagedResult<PayeeDto>> Handle(GetPayeesQuery query, CancellationToken cancellationToken)
    {
        var payees = db.Payees.AsNoTracking();
        if (query.Kind is { } kind)
        {
            payees = payees.Where(p => p.Kind == kind);
        }

        var ordered = payees.OrderBySorting(query.Page.Sorting, Sorting, "name").ThenBy(p => p.Id);
        var total = await payees.LongCountAsync(cancellationToken);
        var items = await ordered.Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(p => new PayeeDto(p.Id, p.Kind, p.UserId, p.Name, p.ContactEmail, p.CreationTime))
            .ToListAsync(cancellationToken);
        return new PagedResult<PayeeDto>(total, items);
    }
}
