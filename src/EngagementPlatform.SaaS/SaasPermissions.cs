using EngagementPlatform.Framework.Permissions;

namespace EngagementPlatform.SaaS;

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

internal sealed class SaasPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    private const string Admin = "admin";

    public void Define(PermissionDefinitionContext context)
    {
        context.Add(SaasPermissions.Tenants, "See partnerships (tenants)", "Ver alianzas (inquilinos)", MultiTenancySides.Host, Admin);
        context.Add(SaasPermissions.TenantsCreate, "Create partnerships", "Crear alianzas", MultiTenancySides.Host, Admin);
        context.Add(SaasPermissions.TenantsUpdate, "Edit and suspend partnerships", "Editar y suspender alianzas", MultiTenancySides.Host, Admin);
        context.Add(SaasPermissions.TenantsDelete, "Delete partnerships", "Eliminar alianzas", MultiTenancySides.Host, Admin);
        context.Add(SaasPermissions.Editions, "See plans", "Ver planes", MultiTenancySides.Host, Admin);
        context.Add(SaasPermissions.EditionsManage, "Create, edit and delete plans", "Crear, editar y eliminar planes", MultiTenancySides.Host, Admin);
        context.Add(SaasPermissions.TenantSettings, "Change the partnership's settings (name shown, default language)", "Cambiar la configuración de la alianza (nombre visible, idioma predeterminado)", MultiTenancySides.Tenant, Admin);
        context.Add(SaasPermissions.Jobs, "Open the background jobs dashboard", "Abrir el panel de tareas en segundo plano", MultiTenancySides.Host, Admin);
    }
}
