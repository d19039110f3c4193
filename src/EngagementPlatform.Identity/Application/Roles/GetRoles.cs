using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity.Application.Roles;

public sealed record GetRolesQuery(PageRequest Page) : IQuery<PagedResult<RoleDto>>;

/// <summary>
/// The roles list as every list is built (docs/adding-a-module.md, "Lists"): the count and the page, the page a
/// projection with each role's granted permission names as a correlated subquery. A partnership holds a handful of
/// roles, so the unique index <c>(tenant_id, normalized_name)</c> is all the table needs.
/// </summary>
public sealed class GetRolesHandler(IIdentityDbContext db) : IQueryHandler<GetRolesQuery, PagedResult<RoleDto>>
{
    /// <summary>The fields a client may sort roles by.</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<Role, object?>>> SortKeys =
        new Dictionary<string, Expression<Func<Role, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = r => r.Name,
        };

    public async ValueTask<PagedResult<RoleDto>> Handle(GetRolesQuery query, CancellationToken cancellationToken)
    {
        var roles = db.Roles.AsNoTracking();
        var total = await roles.LongCountAsync(cancellationToken);
        var page = roles.OrderBySorting(query.Page.Sorting, SortKeys, "name").ThenBy(r => r.Id).Skip(query.Page.Skip).Take(query.Page.Take);
        return new PagedResult<RoleDto>(total, await RoleProjection.Project(db, page).ToListAsync(cancellationToken));
    }
}
