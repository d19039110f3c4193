using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Application.Tenants;

public sealed record GetTenantsQuery(PageRequest Page, string? Filter) : IQuery<PagedResult<TenantDto>>;

/// <summary>
/// The partnerships list as every list is built (docs/adding-a-module.md, "Lists"): the count and the page, the page a
/// projection of the columns the list shows. Host-level, so no tenant-leading index; the default order (name) walks
/// the unique name index.
/// </summary>
public sealed class GetTenantsHandler(ISaasDbContext db) : IQueryHandler<GetTenantsQuery, PagedResult<TenantDto>>
{
    /// <summary>The fields a client may sort partnerships by.</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<Tenant, object?>>> SortKeys =
        new Dictionary<string, Expression<Func<Tenant, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = t => t.Name,
            ["creationTime"] = t => t.CreationTime,
        };

    public async ValueTask<PagedResult<TenantDto>> Handle(GetTenantsQuery query, CancellationToken cancellationToken)
    {
        var tenants = db.Tenants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            var filter = $"%{query.Filter.Trim()}%";
            tenants = tenants.Where(t => EF.Functions.ILike(t.Name, filter) || EF.Functions.ILike(t.DisplayName ?? string.Empty, filter));
        }

        var total = await tenants.LongCountAsync(cancellationToken);
        var items = await tenants.OrderBySorting(query.Page.Sorting, SortKeys, "name").ThenBy(t => t.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(TenantDto.Projection)
            .ToListAsync(cancellationToken);
        return new PagedResult<TenantDto>(total, items);
    }
}
