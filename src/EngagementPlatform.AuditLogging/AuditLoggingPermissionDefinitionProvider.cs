using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity;

namespace EngagementPlatform.AuditLogging;

internal sealed class AuditLoggingPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
        => context.Add(AuditLoggingPermissions.AuditLogs, "Read and export the audit log", "Leer y exportar el registro de auditoría", MultiTenancySides.Both, RoleNames.Admin);
}
