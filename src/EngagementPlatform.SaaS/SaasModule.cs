using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.SaaS.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.SaaS;

/// <summary>Tenants (partnerships) and editions (plans), managed by the platform operator on the host side.</summary>
public sealed class SaasModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddSingleton(SaasErrorCodes.Messages());
        services.AddSingleton(SaasTexts.Create());
        services.AddSingleton<IPermissionDefinitionProvider, SaasPermissionDefinitionProvider>();
        services.AddSingleton<TenantCache>();
        services.AddScoped<ITenantStore, TenantStore>();
        services.AddScoped<Framework.Jobs.IActiveTenants, ActiveTenants>();
        services.AddScoped<Framework.Configuration.IApplicationConfigurationContributor, SaasConfigurationContributor>();
        services.AddScoped<Framework.Features.IFeatureChecker, Features.EditionFeatureChecker>();
        services.AddScoped<Webhooks.StripeWebhookReceiver>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSaasEndpoints();
        Webhooks.StripeWebhookEndpoint.MapStripeWebhook(endpoints);
    }
}
