using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity.Domain;

namespace EngagementPlatform.Identity;

internal sealed class IdentityPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        context.Add(IdentityPermissions.Users, "See users", "Ver usuarios", MultiTenancySides.Both, RoleNames.Admin, RoleNames.Staff);
        context.Add(IdentityPermissions.UsersCreate, "Add users", "Agregar usuarios", MultiTenancySides.Both, RoleNames.Admin);
        context.Add(IdentityPermissions.UsersUpdate, "Edit users and their roles", "Editar usuarios y sus roles", MultiTenancySides.Both, RoleNames.Admin);
        context.Add(IdentityPermissions.UsersDelete, "Remove users", "Eliminar usuarios", MultiTenancySides.Both, RoleNames.Admin);
        context.Add(IdentityPermissions.Roles, "See roles and their permissions", "Ver roles y sus permisos", MultiTenancySides.Both, RoleNames.Admin);
        context.Add(IdentityPermissions.RolesManagePermissions, "Change what each role may do", "Cambiar lo que puede hacer cada rol", MultiTenancySides.Both, RoleNames.Admin);
    }
}
