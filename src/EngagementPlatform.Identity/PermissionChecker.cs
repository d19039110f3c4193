using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity.Persistence;

namespace EngagementPlatform.Identity;

/// <summary>
/// A user holds a permission when they are active and a role they hold now, in the database, is granted it in the
/// current tenant. The roles written into their token are not trusted: a demotion or deactivation takes effect on
/// the next request, not when the token expires. The answer comes from <see cref="UserAccessCache"/>, which every
/// change to users, roles or grants clears (docs/adr/0007-permissions-checked-per-request.md).
/// </summary>
internal sealed class PermissionChecker(ICurrentUser currentUser, ICurrentTenant currentTenant, IIdentityDbContext db, UserAccessCache cache) : IPermissionChecker
{
    private UserAccess? _access;

    public async Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsAuthenticated || currentUser.Id is not { } userId || currentUser.TenantId != currentTenant.Id)
        {
            return false;
        }

        _access ??= await cache.GetAsync(currentUser.TenantId, userId, db, cancellationToken);
        return _access.IsActive && _access.Permissions.Contains(permission);
    }
}
