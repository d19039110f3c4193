using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Governance.Http;
using EngagementPlatform.Governance.Jobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Governance;

/// <summary>Councils and their equitable make-up, meetings, and shared decisions with voting and a decision record.</summary>
public sealed class GovernanceModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(GovernanceErrorCodes.Messages());
        services.AddSingleton(GovernanceTexts.Create());
        services.AddSingleton<IPermissionDefinitionProvider, GovernancePermissionDefinitionProvider>();
        services.AddTransient<CloseVotingJob>();
        services.AddTransient<VotingReminderJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGovernanceEndpoints();
}
