using EngagementPlatform.Framework.Permissions;

namespace EngagementPlatform.Governance;

public static class GovernancePermissions
{
    public const string Councils = "Governance.Councils";
    public const string CouncilsManage = "Governance.Councils.Manage";
    public const string MeetingsManage = "Governance.Meetings.Manage";
    public const string Decisions = "Governance.Decisions";
    public const string DecisionsManage = "Governance.Decisions.Manage";
    public const string DecisionsParticipate = "Governance.Decisions.Participate";
    public const string Settings = "Governance.Settings";
}

internal sealed class GovernancePermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        context.Add(GovernancePermissions.Councils, "See councils, seats, meetings and composition", "Ver consejos, puestos, reuniones y composición", MultiTenancySides.Tenant, "admin", "staff", "finance", "member");
        context.Add(GovernancePermissions.CouncilsManage, "Set up councils, seats, terms and composition rules", "Configurar consejos, puestos, períodos y reglas de composición", MultiTenancySides.Tenant, "admin", "staff");
        context.Add(GovernancePermissions.MeetingsManage, "Run meetings: agenda, access supports, attendance", "Gestionar reuniones: agenda, apoyos de acceso, asistencia", MultiTenancySides.Tenant, "admin", "staff");
        context.Add(GovernancePermissions.Decisions, "See decisions, their input and results", "Ver decisiones, sus aportes y resultados", MultiTenancySides.Tenant, "admin", "staff", "finance", "member");
        context.Add(GovernancePermissions.DecisionsManage, "Run decisions through input, voting and the record", "Llevar decisiones por aportes, votación y registro", MultiTenancySides.Tenant, "admin", "staff");
        context.Add(GovernancePermissions.DecisionsParticipate, "Give input and vote", "Dar aportes y votar", MultiTenancySides.Tenant, "admin", "staff", "member");
        context.Add(GovernancePermissions.Settings, "Change governance settings", "Cambiar la configuración de gobernanza", MultiTenancySides.Tenant, "admin");
    }
}
