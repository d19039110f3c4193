using System.Linq.Expressions;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Persistence;

namespace EngagementPlatform.Identity.Application.Users;

public sealed record UserDto(
    Guid Id,
    string UserName,
    string Email,
    string Name,
    string PreferredLanguage,
    bool IsActive,
    bool IsLockedOut,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreationTime);

internal static class UserProjection
{
    public static Expression<Func<User, UserDto>> ToDto(IIdentityDbContext db, DateTimeOffset now) => u => new UserDto(
        u.Id,
        u.UserName!,
        u.Email ?? string.Empty,
        u.Name,
        u.PreferredLanguage,
        u.IsActive,
        u.LockoutEnd != null && u.LockoutEnd > now,
        db.UserRoles.Where(ur => ur.UserId == u.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .OrderBy(n => n)
            .ToList(),
        u.CreationTime);
}
