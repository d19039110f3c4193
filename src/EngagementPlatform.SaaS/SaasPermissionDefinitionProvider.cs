using EngagementPlatform.Identity;
using EngagementPlatform.Framework.Permissions;

namespace EngagementPlatform.SaaS;

internal sealed class SaasPermissionDefinitionProvider : IPermissionDefinitionProvider
{

    public void Define(PermissionDefinitionContext context)
    {
        context.Add(SaasPermissions.Tenants, "See partnerships (tenants)", "Ver alianzas (inquilinos)", MultiTenancySides.Host, RoleNames.Admin);
        context.Add(SaasPermissions.TenantsCreate, "Create partnerships", "Crear alianzas", MultiTenancySides.Host, RoleNames.Admin);
        context.Add(SaasPermissions.TenantsUpdate, "Edit and suspend partnerships", "Editar y suspender alianzas", MultiTenancySides.Host, RoleNames.Admin);
        context.Add(SaasPermissions.TenantsDelete, "Delete partnerships", "Eliminar alianzas", MultiTenancySides.Host, RoleNames.Admin);
        context.Add(SaasPermissions.Editions, "See plans", "Ver planes", MultiTenancySides.Host, RoleNames.Admin);
        context.Add(SaasPermissions.EditionsManage, "Create, edit and delete plans", "Crear, editar y eliminar planes", MultiTenancySides.Host, RoleNames.Admin);
        context.Add(SaasPermissions.TenantSettings, "Change the partnership's settings (name shown, default language)", "Cambiar la configuración de la alianza (nombre visible, idioma predeterminado)", MultiTenancySides.Tenant, RoleNames.Admin);
        context.Add(SaasPermissions.Jobs, "Open the background jobs dashboard", "Abrir el panel de tareas en segundo plano", MultiTenancySides.Host, RoleNames.Admin);
    }
}
