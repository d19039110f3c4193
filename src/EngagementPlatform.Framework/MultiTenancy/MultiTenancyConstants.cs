namespace EngagementPlatform.Framework.MultiTenancy;

public static class MultiTenancyConstants
{
    /// <summary>ABP's tenant header.</summary>
    public const string TenantHeader = "__tenant";

    /// <summary>Accepted too, because proxies such as nginx drop headers with underscores by default.</summary>
    public const string AlternativeTenantHeader = "X-Tenant";

    /// <summary>Claim carrying the tenant id inside access tokens.</summary>
    public const string TenantIdClaim = "tenantid";

    public const string TenantNameClaim = "tenantname";
}
