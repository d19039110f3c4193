using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity;

/// <summary>
/// A user holds a permission when one of the roles in their token is granted it in the current tenant. Grants are
/// read once per request.
/// </summary>
internal sealed class PermissionChecker(ICurrentUser currentUser, IIdentityDbContext db) : IPermissionChecker
{
    private HashSet<string>? _granted;

    public async Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsAuthenticated)
        {
            return false;
        }

        _granted ??= await LoadAsync(cancellationToken);
        return _granted.Contains(permission);
    }

    private async Task<HashSet<string>> LoadAsync(CancellationToken cancellationToken)
    {
        var roles = currentUser.Roles.Select(r => r.ToUpperInvariant()).ToArray();
        var names = await db.PermissionGrants.AsNoTracking()
            .Where(g => db.Roles.Any(r => r.Id == g.RoleId && roles.Contains(r.NormalizedName!)))
            .Select(g => g.Name)
            .ToListAsync(cancellationToken);
        return names.ToHashSet(StringComparer.Ordinal);
    }
}
