namespace EngagementPlatform.Identity;

/// <summary>A user of the current tenant as other modules may see them.</summary>
public sealed record UserInfo(Guid Id, string UserName, string Name, string Email, string PreferredLanguage, bool IsActive, IReadOnlyList<string> Roles);

/// <summary>One page of users, with how many there are in all.</summary>
public sealed record UserInfoPage(long TotalCount, IReadOnlyList<UserInfo> Items);

/// <summary>Identity's public face for other modules: look users of the current tenant up by id or by role.</summary>
public interface IUserDirectory
{
    /// <summary>The users among <paramref name="ids"/> that exist in the current tenant, by id.</summary>
    Task<IReadOnlyDictionary<Guid, UserInfo>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// The active users of the current tenant who hold the role <paramref name="roleName"/> (a <see cref="RoleNames"/>
    /// name), ordered by user name then id, one page at a time (<paramref name="take"/> at most 1000).
    /// </summary>
    Task<UserInfoPage> FindActiveInRoleAsync(string roleName, int skip = 0, int take = 100, CancellationToken cancellationToken = default);
}
