using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Persistence;

namespace EngagementPlatform.Identity.Application.Roles;

public sealed record RoleDto(Guid Id, string Name, bool IsStatic, IReadOnlyList<string> Permissions);

internal static class RoleProjection
{
    public static IQueryable<RoleDto> Project(IIdentityDbContext db, IQueryable<Role> roles) => roles.Select(r => new RoleDto(
        r.Id,
        r.Name!,
        r.IsStatic,
        db.PermissionGrants.Where(g => g.RoleId == r.Id).OrderBy(g => g.Name).Select(g => g.Name).ToList()));
}
