using EngagementPlatform.DbMigrator;
using EngagementPlatform.EntityFrameworkCore;
using EngagementPlatform.HttpApi.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Migrates the database and seeds the host and every existing tenant; with --demo also a demo tenant and its users. Safe to run again.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args.Where(a => a != "--demo").ToArray(), ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true)
    .AddFilter("Microsoft", LogLevel.Warning).AddFilter("OpenIddict", LogLevel.Warning);
EngagementPlatformHost.ConfigureServices(builder.Services, builder.Configuration, web: false);
await using var app = builder.Build();
var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DbMigrator");

logger.LogInformation("Step 1/3: migrating the database");
await DatabaseInitializer.MigrateAsync(app.Services, logger);
logger.LogInformation("Step 2/3: seeding the host and every existing tenant");
await MigratorSeeding.SeedAsync(app.Services, app.Configuration, logger);
if (demo)
{
    logger.LogInformation("Step 3/3: seeding the demo tenant");
    await DemoTenantSeeder.SeedAsync(app.Services, app.Configuration, logger);
}
else
{
    logger.LogInformation("Step 3/3: skipped the demo tenant (pass --demo to create it)");
}

logger.LogInformation("Done");
