namespace EngagementPlatform.Identity;

/// <summary>A user of the current tenant as other modules may see them.</summary>
public sealed record UserInfo(Guid Id, string UserName, string Name, string Email, string PreferredLanguage, bool IsActive, IReadOnlyList<string> Roles);

/// <summary>Identity's public face for other modules: look users of the current tenant up by id.</summary>
public interface IUserDirectory
{
    /// <summary>The users among <paramref name="ids"/> that exist in the current tenant, by id.</summary>
    Task<IReadOnlyDictionary<Guid, UserInfo>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);
}
