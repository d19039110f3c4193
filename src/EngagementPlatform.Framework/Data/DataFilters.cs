namespace EngagementPlatform.Framework.Data;

/// <summary>Names of the global query filters, for the rare host-side job that must look across tenants.</summary>
public static class DataFilters
{
    public const string Tenant = "Tenant";
    public const string SoftDelete = "SoftDelete";
}
