namespace EngagementPlatform.Identity;

/// <summary>The roles every partnership starts with; other modules name them to grant their permissions by default.</summary>
public static class RoleNames
{
    public const string Admin = "admin";
    public const string Staff = "staff";
    public const string Finance = "finance";
    public const string Member = "member";

    public static readonly string[] TenantRoles = [Admin, Staff, Finance, Member];

    public static readonly string[] HostRoles = [Admin];
}
