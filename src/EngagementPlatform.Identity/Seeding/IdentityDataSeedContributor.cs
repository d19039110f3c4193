using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Identity.Seeding;

/// <summary>
/// Seeds a tenant's (or the host's) static roles, grants their default permissions and creates the first
/// <c>admin</c> user. Runs on tenant creation inside the same transaction, and from the DbMigrator; safe to repeat.
/// </summary>
internal sealed class IdentityDataSeedContributor(
    RoleManager<Role> roleManager,
    UserManager<User> userManager,
    IIdentityDbContext db,
    PermissionDefinitionManager permissions,
    IOptions<PasswordChangeOptions> passwordChange) : IDataSeedContributor
{
    public const string AdminUserName = "admin";

    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        var roleNames = context.TenantId is null ? RoleNames.HostRoles : RoleNames.TenantRoles;
        var roles = new Dictionary<string, Role>(StringComparer.Ordinal);
        foreach (var name in roleNames)
        {
            var role = await roleManager.FindByNameAsync(name);
            if (role is null)
            {
                role = new Role { Id = Guid.CreateVersion7(), Name = name, TenantId = context.TenantId, IsStatic = true };
                (await roleManager.CreateAsync(role)).ThrowIfFailed();
            }

            roles[name] = role;
        }

        var existing = await db.PermissionGrants
            .Select(g => new { g.RoleId, g.Name })
            .ToListAsync(cancellationToken);
        foreach (var definition in permissions.ForSide(context.TenantId))
        {
            foreach (var roleName in definition.DefaultRoles.Where(roles.ContainsKey))
            {
                var roleId = roles[roleName].Id;
                if (!existing.Any(g => g.RoleId == roleId && g.Name == definition.Name))
                {
                    db.PermissionGrants.Add(new PermissionGrant { RoleId = roleId, Name = definition.Name, TenantId = context.TenantId });
                }
            }
        }

        var password = context.Properties.GetValueOrDefault(DataSeedContext.AdminPassword);
        if (password is not null && await userManager.FindByNameAsync(AdminUserName) is null)
        {
            var admin = new User
            {
                Id = Guid.CreateVersion7(),
                UserName = AdminUserName,
                Email = context.Properties.GetValueOrDefault(DataSeedContext.AdminEmail) ?? "admin@localhost",
                EmailConfirmed = true,
                Name = "Administrator",
                TenantId = context.TenantId,
                // The operator (or whoever created the tenant) chose this password: its owner replaces it at first
                // sign-in, so nobody needs to keep knowing it.
                MustChangePassword = passwordChange.Value.ChangeAssignedPasswordAtFirstSignIn,
            };
            (await userManager.CreateAsync(admin, password)).ThrowIfFailed("adminPassword");
            (await userManager.AddToRoleAsync(admin, RoleNames.Admin)).ThrowIfFailed();
        }
    }
}
