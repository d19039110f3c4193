namespace EngagementPlatform.Framework.MultiTenancy;

/// <summary>What the resolution pipeline needs to know about a tenant.</summary>
/// <summary><see cref="DefaultLanguage"/> (en or es) is used when a person has not chosen one.</summary>
public sealed record TenantInfo(Guid Id, string Name, bool IsActive, string DefaultLanguage = "en", string TimeZone = "UTC");

/// <summary>Looks tenants up by id or name. Implemented by the SaaS module.</summary>
public interface ITenantStore
{
    Task<TenantInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken = default);

    Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}
