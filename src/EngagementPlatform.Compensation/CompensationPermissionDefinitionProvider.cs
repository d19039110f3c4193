using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity;

namespace EngagementPlatform.Compensation;

/// <summary>
/// Compensation's permissions and who holds them by default. The DbMigrator seeds the defaults for the host and every
/// existing tenant (only missing grants are added), so partnerships created before this module get them too.
/// </summary>
internal sealed class CompensationPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        context.Add(CompensationPermissions.Items, "See rates, payees and payable items", "Ver tarifas, beneficiarios y pagos pendientes", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Staff, RoleNames.Finance);
        context.Add(CompensationPermissions.RatesManage, "Set compensation rates", "Fijar tarifas de compensación", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Finance);
        context.Add(CompensationPermissions.ItemsCreate, "Enter payable items and void unpaid ones", "Registrar pagos pendientes y anular los no pagados", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Staff, RoleNames.Finance);
        context.Add(CompensationPermissions.ItemsApprove, "Approve and pay items (never one's own)", "Aprobar y pagar (nunca lo registrado por uno mismo)", MultiTenancySides.Tenant, RoleNames.Finance);
        context.Add(CompensationPermissions.PayeesManage, "Set payees' payment preferences and tax forms", "Fijar las preferencias de pago y los formularios de impuestos de los beneficiarios", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Finance);
        context.Add(CompensationPermissions.PayeesViewDetails, "See payees' payment details in full (audited)", "Ver completos los datos de pago de los beneficiarios (queda registrado)", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Finance);
    }
}
