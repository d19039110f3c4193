namespace EngagementPlatform.SaaS;

/// <summary>The permission names of SaaS, for other modules' checks and the web app's generated map.</summary>
public static class SaasPermissions
{
    public const string Tenants = "Saas.Tenants";
    public const string TenantsCreate = "Saas.Tenants.Create";
    public const string TenantsUpdate = "Saas.Tenants.Update";
    public const string TenantsDelete = "Saas.Tenants.Delete";
    public const string Editions = "Saas.Editions";
    public const string EditionsManage = "Saas.Editions.Manage";
    public const string Jobs = "Saas.Jobs";
    public const string TenantSettings = "Saas.TenantSettings";
}
