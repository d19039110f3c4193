namespace EngagementPlatform.Framework.MultiTenancy;

/// <summary>What the resolution pipeline needs to know about a tenant.</summary>
public sealed record TenantInfo(Guid Id, string Name, bool IsActive);

/// <summary>Looks tenants up by id or name. Implemented by the SaaS module.</summary>
public interface ITenantStore
{
    Task<TenantInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken = default);

    Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}
