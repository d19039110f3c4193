using EngagementPlatform.Framework.Features;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Persistence;
using EngagementPlatform.SaaS;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity.Application.Users;

/// <summary>
/// The plan's <see cref="SaasLimits.ActiveMembers"/> limit: how many active users of the tenant may hold the
/// <c>member</c> role. An active member is a user who is not deleted and not deactivated (<see cref="User.IsActive"/>;
/// deactivating is the only way an admin shuts a user out, a lockout after failed sign-ins is temporary and does
/// not free a place). Every path that can make a user an active member asks here first: creating a user with the
/// role (the default role), giving an existing active user the role, and reactivating a deactivated member. The
/// demo seeder creates its users through <see cref="CreateUserCommand"/>, and tenant seeding creates only the admin.
/// </summary>
/// <remarks>
/// Counting and adding must not interleave: two admins adding the last member at once would both count one below
/// the limit. So the check takes the member role row's lock (<c>FOR NO KEY UPDATE</c>, held to the end of the
/// command's transaction) before it counts. Every caller takes the same lock, so they run one after the other and,
/// under PostgreSQL's read committed isolation, each count is a fresh statement that sees what the previous one
/// committed. The lock does not block anything else: foreign-key checks on <c>user_roles</c> take only a key-share
/// lock, which this mode allows. What stays open: a change of the tenant's edition to a lower limit leaves the
/// members there are (a limit refuses adding, it removes no one), and the edition itself is read without a lock, so a
/// command running while the host lowers the limit counts against the limit it read.
/// </remarks>
public sealed class ActiveMemberLimit(IIdentityDbContext db, IFeatureChecker features)
{
    /// <summary>Refuses with 422 <c>Saas:LimitReached</c> (limit, count) when the plan allows no more active members.</summary>
    public async Task EnsureRoomForOneMoreAsync(CancellationToken cancellationToken)
    {
        // The host and a tenant whose plan sets no limit are unlimited: no lock, no count.
        if (await features.GetLimitAsync(SaasLimits.ActiveMembers, cancellationToken) is null)
        {
            return;
        }

        var memberRoleId = await db.Roles
            .Where(r => r.Name == RoleNames.Member)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (memberRoleId is not { } roleId)
        {
            // A tenant without the role has no members to count; giving it to anyone is refused as an unknown role.
            return;
        }

        // The id came through the tenant filter, so the lock is on this tenant's row only.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM identity.roles WHERE id = {roleId} FOR NO KEY UPDATE",
            cancellationToken);
        var count = await db.Users.LongCountAsync(
            u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId),
            cancellationToken);
        await features.CheckLimitAsync(SaasLimits.ActiveMembers, count, cancellationToken);
    }

    /// <summary>Whether a list of role names (as a request gives them) holds the member role.</summary>
    public static bool Includes(IEnumerable<string> roleNames)
        => roleNames.Any(n => string.Equals(n.Trim(), RoleNames.Member, StringComparison.OrdinalIgnoreCase));
}
