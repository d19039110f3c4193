namespace EngagementPlatform.Framework.MultiTenancy;

/// <summary>An entity that belongs to one tenant; null means it belongs to the host.</summary>
public interface IMultiTenant
{
    Guid? TenantId { get; }
}
