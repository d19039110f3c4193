using EngagementPlatform.AuditLogging.Persistence;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity.Persistence;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.SaaS.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.EntityFrameworkCore;

public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddEngagementPlatformPersistence(this IServiceCollection services, string connectionString)
    {
        // The options are built once, not per request (building them and having EF find its internal services for
        // them again was a quarter of what a read allocated: docs/benchmarks.md). So every interceptor is a
        // singleton; one that needs the request's user or clock reads them from the context it is given.
        // The contexts are pooled: a scope leases one and binds its tenant, user and clock to it (ScopedContextLease),
        // which saves building the context and its EF services for every request.
        services.AddPooledDbContextFactory<EngagementPlatformDbContext>((provider, options) =>
        {
            Configure(options, connectionString);
            options.AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()); // e.g. Identity's access-change watcher
        });
        services.AddScoped<ScopedContextLease>();
        services.AddScoped(sp => sp.GetRequiredService<ScopedContextLease>().Context);
        services.AddScoped<DbContext>(sp => sp.GetRequiredService<EngagementPlatformDbContext>());
        services.AddScoped<IIdentityDbContext>(sp => sp.GetRequiredService<EngagementPlatformDbContext>());
        services.AddScoped<ISaasDbContext>(sp => sp.GetRequiredService<EngagementPlatformDbContext>());
        services.AddScoped<IGovernanceDbContext>(sp => sp.GetRequiredService<EngagementPlatformDbContext>());
        services.AddScoped<INotificationsDbContext>(sp => sp.GetRequiredService<EngagementPlatformDbContext>());
        services.AddScoped<IAuditLoggingDbContext>(sp => sp.GetRequiredService<EngagementPlatformDbContext>());
        services.AddScoped<ICompensationDbContext>(sp => sp.GetRequiredService<EngagementPlatformDbContext>());
        services.AddScoped<ICompensationStripeDbContext>(sp => sp.GetRequiredService<EngagementPlatformDbContext>());
        services.AddScoped<IDataSharingDbContext>(sp => sp.GetRequiredService<EngagementPlatformDbContext>());
        services.AddScoped<EngagementPlatform.SaaS.Webhooks.IStripeWebhookEventsDbContext>(sp => sp.GetRequiredService<EngagementPlatformDbContext>());
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, AuditingInterceptor>();
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<Framework.Jobs.IJobOccurrences, JobOccurrences>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString)
        => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", "platform"))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict<Guid>();
}
