namespace EngagementPlatform.AuditLogging;

/// <summary>The permission names of the audit log, for other modules' checks and the web app's generated map.</summary>
public static class AuditLoggingPermissions
{
    /// <summary>Read and export the audit log of the current tenant (or of the host, on the host side).</summary>
    public const string AuditLogs = "AuditLogging.AuditLogs";
}
