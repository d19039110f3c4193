
using EngagementPlatform.Identity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity;

internal sealed class UserDirectory(IIdentityDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, UserInfo>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, UserInfo>();
        }

        var wanted = ids.Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .Select(u => new UserInfo(
                u.Id,
                u.UserName!,
                u.Name,
                u.Email ?? string.Empty,
                u.PreferredLanguage,
                u.IsActive,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList()))
            .ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id);
    }
}
