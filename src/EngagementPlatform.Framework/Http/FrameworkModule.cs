using System.Text.Json.Serialization;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.Payments;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngagementPlatform.Framework.Http;

/// <summary>The cross-cutting services every module relies on.</summary>
public sealed class FrameworkModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock, SystemClock>();
        services.AddScoped<ITenantCalendar, TenantCalendar>();
        services.AddSingleton<ICurrentTenant, CurrentTenant>();
        services.AddScoped<ICurrentUser, HttpContextCurrentUser>();
        services.Configure<TenantResolutionOptions>(configuration.GetSection("App:Tenancy"));

        services.AddSingleton(FrameworkErrorMessages.Create());
        services.AddSingleton(FrameworkTexts.Create());
        services.AddSingleton<LocalizationResource>(sp => sp.GetRequiredService<PermissionDefinitionManager>().Texts());
        services.AddSingleton<ITextLocalizer>(sp => new TextLocalizer(sp.GetServices<LocalizationResource>(), sp.GetServices<ErrorMessageResource>()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddSingleton<ProblemDetailsExceptionHandler>();

        services.AddSingleton<PermissionDefinitionManager>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();

        services.AddScoped<Configuration.IApplicationConfigurationContributor, Configuration.PermissionsConfigurationContributor>();
        services.AddScoped<IDataSeeder, DataSeeder>();
        services.AddScoped<Jobs.IJobScheduler, Jobs.HangfireJobScheduler>();
        services.AddSingleton<Jobs.IRecurringJobs, Jobs.HangfireRecurringJobs>();
        services.AddTransient<Jobs.RecurringJobRunner>();

        services.AddStripe(configuration);
        AnonymousRateLimit.Add(services, configuration);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.AllowTrailingCommas = false;
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => Configuration.ApplicationConfigurationEndpoint.MapApplicationConfiguration(endpoints);
}
