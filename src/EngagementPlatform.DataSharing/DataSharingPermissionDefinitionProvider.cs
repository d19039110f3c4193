using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity;

namespace EngagementPlatform.DataSharing;

/// <summary>
/// Data sharing's permissions and who holds them by default. The DbMigrator seeds the defaults for the host and every
/// existing tenant (only missing grants are added), so partnerships created before this module get them too.
/// </summary>
internal sealed class DataSharingPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        context.Add(DataSharingPermissions.Agreements, "See the data-sharing agreements", "Ver los acuerdos de intercambio de datos", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Staff);
        context.Add(DataSharingPermissions.AgreementsManage, "Draft, submit, amend and terminate data-sharing agreements", "Redactar, enviar a firma, enmendar y terminar acuerdos de intercambio de datos", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Staff);
        context.Add(DataSharingPermissions.Settings, "Set the partnership's data-sharing rules", "Fijar las reglas de intercambio de datos de la alianza", MultiTenancySides.Tenant, RoleNames.Admin);
    }
}
