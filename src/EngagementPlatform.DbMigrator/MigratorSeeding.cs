using EngagementPlatform.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.DbMigrator;

/// <summary>
/// The DbMigrator's seeding: every seed contributor for the host, then for each existing tenant. Safe to run on every
/// deployment: contributors add only what is missing.
/// </summary>
internal static class MigratorSeeding
{
    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        await DatabaseInitializer.SeedHostAsync(services, configuration, logger, cancellationToken);
        await DatabaseInitializer.SeedTenantsAsync(services, logger, cancellationToken);
    }
}
