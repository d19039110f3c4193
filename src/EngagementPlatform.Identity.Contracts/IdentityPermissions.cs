namespace EngagementPlatform.Identity;

/// <summary>The permission names of Identity, for other modules' checks and the web app's generated map.</summary>
public static class IdentityPermissions
{
    public const string Users = "Identity.Users";
    public const string UsersCreate = "Identity.Users.Create";
    public const string UsersUpdate = "Identity.Users.Update";
    public const string UsersDelete = "Identity.Users.Delete";
    public const string Roles = "Identity.Roles";
    public const string RolesManagePermissions = "Identity.Roles.ManagePermissions";
}
