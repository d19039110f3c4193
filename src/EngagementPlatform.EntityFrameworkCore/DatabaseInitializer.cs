using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.SaaS.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.EntityFrameworkCore;

/// <summary>
/// Applies migrations and seeds the host (admin, roles, the app client) and every existing tenant. Used by the DbMigrator
/// and the tests.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementPlatformDbContext>();
        // On a new database the provider reads the migrations history before the table exists and logs that failed
        // query as an error ("Failed executing DbCommand"), though it is expected. Creating the table (and its schema)
        // first, as the migration itself would, means a first run prints no error that is not one.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending.Count == 0 ? "none pending" : string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
    }

    public static async Task SeedHostAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await using var work = await unitOfWork.BeginAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IDataSeeder>().SeedAsync(
            new DataSeedContext(null)
                .With(DataSeedContext.AdminEmail, configuration["App:AdminEmail"] ?? "admin@localhost")
                .With(DataSeedContext.AdminPassword, configuration["App:AdminPassword"] ?? "1q2w3E*"),
            cancellationToken);
        await work.CompleteAsync(cancellationToken);
        logger.LogInformation("Seeded the host: roles, permissions, the admin user and the app client");
    }

    /// <summary>
    /// Runs every seed contributor again for each existing tenant (active or not), one tenant per unit of work, so
    /// what a release adds (a permission and its default role grants, a template, a default instrument) reaches the
    /// partnerships created before it. Contributors add only what is missing, so a second run changes nothing. No
    /// admin password is passed: a tenant's admin was created with the tenant and is not recreated here.
    /// </summary>
    public static async Task SeedTenantsAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken = default)
    {
        List<(Guid Id, string Name)> tenants;
        await using (var scope = services.CreateAsyncScope())
        {
            tenants = (await scope.ServiceProvider.GetRequiredService<ISaasDbContext>().Tenants.AsNoTracking()
                    .OrderBy(t => t.Name)
                    .Select(t => new { t.Id, t.Name })
                    .ToListAsync(cancellationToken))
                .Select(t => (t.Id, t.Name))
                .ToList();
        }

        foreach (var (id, name) in tenants)
        {
            // A scope per tenant: nothing read or tracked for one tenant is seen while seeding the next.
            await using var scope = services.CreateAsyncScope();
            // The whole unit of work runs as the tenant: its rows are saved (and tenant-guarded) at the end.
            using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(id, name);
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await using (var work = await unitOfWork.BeginAsync(cancellationToken))
            {
                await scope.ServiceProvider.GetRequiredService<IDataSeeder>().SeedAsync(new DataSeedContext(id), cancellationToken);
                await work.CompleteAsync(cancellationToken);
            }

            logger.LogInformation("Seeded tenant {Tenant}", name);
        }

        logger.LogInformation("Seeded {Count} tenant(s)", tenants.Count);
    }
}
