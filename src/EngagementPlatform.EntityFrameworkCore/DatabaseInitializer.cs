using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.UnitOfWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.EntityFrameworkCore;

/// <summary>Applies migrations and seeds the host (admin, roles, the app client). Used by the DbMigrator and the tests.</summary>
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
}
