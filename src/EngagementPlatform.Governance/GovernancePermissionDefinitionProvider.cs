using EngagementPlatform.Identity;
using EngagementPlatform.Framework.Permissions;

namespace EngagementPlatform.Governance;

internal sealed class GovernancePermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        context.Add(GovernancePermissions.Councils, "See councils, seats, meetings and composition", "Ver consejos, puestos, reuniones y composición", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Staff, RoleNames.Finance, RoleNames.Member);
        context.Add(GovernancePermissions.CouncilsManage, "Set up councils, seats, terms and composition rules", "Configurar consejos, puestos, períodos y reglas de composición", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Staff);
        context.Add(GovernancePermissions.MeetingsManage, "Run meetings: agenda, access supports, attendance", "Gestionar reuniones: agenda, apoyos de acceso, asistencia", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Staff);
        context.Add(GovernancePermissions.Decisions, "See decisions, their input and results", "Ver decisiones, sus aportes y resultados", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Staff, RoleNames.Finance, RoleNames.Member);
        context.Add(GovernancePermissions.DecisionsManage, "Run decisions through input, voting and the record", "Llevar decisiones por aportes, votación y registro", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Staff);
        context.Add(GovernancePermissions.DecisionsParticipate, "Give input and vote", "Dar aportes y votar", MultiTenancySides.Tenant, RoleNames.Admin, RoleNames.Staff, RoleNames.Member);
        context.Add(GovernancePermissions.Settings, "Change governance settings", "Cambiar la configuración de gobernanza", MultiTenancySides.Tenant, RoleNames.Admin);
    }
}
