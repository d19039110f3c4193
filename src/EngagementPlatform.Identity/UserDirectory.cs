
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
        var users = await Project(db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id);
    }

    public async Task<UserInfoPage> FindActiveInRoleAsync(string roleName, int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleName);
        var users = db.Users.AsNoTracking()
            .Where(u => u.IsActive)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == roleName)));
        var total = await users.LongCountAsync(cancellationToken);
        var items = await Project(users.OrderBy(u => u.UserName).ThenBy(u => u.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000)))
            .ToListAsync(cancellationToken);
        return new UserInfoPage(total, items);
    }

    private IQueryable<UserInfo> Project(IQueryable<Accounts.User> users) => users.Select(u => new UserInfo(
                u.Id,
                u.UserName!,
                u.Name,
                u.Email ?? string.Empty,
                u.PreferredLanguage,
                u.IsActive,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList()));
}
