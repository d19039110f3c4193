using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity.Application.Users;

public sealed record GetUsersQuery(PageRequest Page, string? Filter) : IQuery<PagedResult<UserDto>>;

/// <summary>
/// The users list as every list is built (docs/adding-a-module.md, "Lists"): the count and the page, the page a
/// projection of the columns the list shows with each user's role names as a correlated subquery (never the password
/// hash, security stamp or any token). The default order (user name, then id) walks the index
/// <c>(tenant_id, user_name, id)</c>.
/// </summary>
public sealed class GetUsersHandler(IIdentityDbContext db, IClock clock)
    : IQueryHandler<GetUsersQuery, PagedResult<UserDto>>
{
    /// <summary>The fields a client may sort users by.</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<User, object?>>> SortKeys = new Dictionary<string, Expression<Func<User, object?>>>(StringComparer.OrdinalIgnoreCase)
    {
        ["userName"] = u => u.UserName,
        ["name"] = u => u.Name,
        ["email"] = u => u.Email,
        ["creationTime"] = u => u.CreationTime,
    };

    public async ValueTask<PagedResult<UserDto>> Handle(GetUsersQuery query, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            var filter = $"%{query.Filter.Trim()}%";
            users = users.Where(u => EF.Functions.ILike(u.UserName!, filter) || EF.Functions.ILike(u.Name, filter) || EF.Functions.ILike(u.Email!, filter));
        }

        var total = await users.LongCountAsync(cancellationToken);
        var items = await users
            .OrderBySorting(query.Page.Sorting, SortKeys, "userName").ThenBy(u => u.Id)
            .Skip(query.Page.Skip)
            .Take(query.Page.Take)
            .Select(UserProjection.ToDto(db, clock.Now))
            .ToListAsync(cancellationToken);
        return new PagedResult<UserDto>(total, items);
    }
}
