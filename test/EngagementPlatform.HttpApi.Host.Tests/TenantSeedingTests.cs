extern alias migrator;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using MigratorSeeding = migrator::EngagementPlatform.DbMigrator.MigratorSeeding;

namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>
/// The DbMigrator seeds every existing tenant, not only the host: what a later release adds reaches partnerships
/// created before it, and a second run changes nothing.
/// </summary>
public sealed class TenantSeedingTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private const string LaterPermission = "Later.Reports";

    /// <summary>A permission a later release adds, granted by default to tenant admins.</summary>
    private sealed class LaterRelease : IPermissionDefinitionProvider
    {
        public void Define(PermissionDefinitionContext context)
            => context.Add(LaterPermission, "See reports", "Ver informes", MultiTenancySides.Tenant, RoleNames.Admin);
    }

    [Fact]
    public async Task A_permission_added_after_a_tenant_was_created_is_granted_to_that_tenants_admin_role_after_the_DbMigrator()
    {
        var older = await app.CreateTenantAsync("older");
        var other = await app.CreateTenantAsync("otherolder");
        (await GrantedAsync(older, LaterPermission)).ShouldBeFalse();

        // The next release: the same database, a host that knows one more permission.
        await using var later = new ApiFactory(app.ConnectionString, services: s => s.AddSingleton<IPermissionDefinitionProvider, LaterRelease>());
        var configuration = later.Services.GetRequiredService<IConfiguration>();
        await MigratorSeeding.SeedAsync(later.Services, configuration, NullLogger.Instance);

        (await GrantedAsync(older, LaterPermission)).ShouldBeTrue();
        (await GrantedAsync(other, LaterPermission)).ShouldBeTrue();
        (await GrantedAsync(null, LaterPermission)).ShouldBeFalse("a tenant-side permission is not granted on the host");
        (await GrantedAsync(older, IdentityPermissions.Users)).ShouldBeTrue();

        var before = await CountsAsync();
        await MigratorSeeding.SeedAsync(later.Services, configuration, NullLogger.Instance);
        (await CountsAsync()).ShouldBe(before, "a second run changed something");
    }

    private async Task<bool> GrantedAsync(Guid? tenantId, string permission)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select count(*) from identity.permission_grants g join identity.roles r on r.id = g.role_id
            where r.name = @role and g.name = @permission and r.tenant_id is not distinct from @tenant and g.tenant_id is not distinct from @tenant
            """, connection);
        command.Parameters.AddWithValue("role", RoleNames.Admin);
        command.Parameters.AddWithValue("permission", permission);
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)tenantId ?? DBNull.Value });
        var count = (long)(await command.ExecuteScalarAsync())!;
        count.ShouldBeLessThanOrEqualTo(1L, "a grant was written twice");
        return count == 1;
    }

    private async Task<string> CountsAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var counts = new List<string>();
        foreach (var table in new[] { "identity.permission_grants", "identity.roles", "identity.users", "identity.user_roles" })
        {
            await using var command = new NpgsqlCommand($"select count(*) from {table}", connection);
            counts.Add($"{table}={await command.ExecuteScalarAsync()}");
        }

        return string.Join(", ", counts);
    }
}
