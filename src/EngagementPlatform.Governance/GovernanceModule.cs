using EngagementPlatform.Notifications;
using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Governance.Http;
using EngagementPlatform.Governance.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
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
        services.AddEmailTemplates<Emails.GovernanceEmailTemplates>();
        services.AddScoped<ICouncilDirectory, Application.Councils.CouncilDirectory>();
        services.AddHttpContextAccessor();
        services.AddScoped<Application.PublicInput.IWebAppOrigin, WebAppOrigin>();
        services.AddTransient<CloseVotingJob>();
        services.AddTransient<VotingReminderJob>();
        services.AddTransient<CloseOverdueVotingJob>();
        services.Configure<Application.PublicInput.PublicInputOptions>(configuration.GetSection("Governance:PublicInput"));
        // The host pipeline runs UseRateLimiter(); this module only adds its policy.
        services.AddRateLimiter(o => o.AddPolicy<string, PublicRateLimitPolicy>(PublicRateLimitPolicy.Name));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapGovernanceEndpoints();

    public void RegisterRecurringJobs(Framework.Jobs.IRecurringJobs jobs)
        => jobs.AddOrUpdateForEachTenant<CloseOverdueVotingJob>(CloseOverdueVotingJob.Module, CloseOverdueVotingJob.Purpose, CloseOverdueVotingJob.Cron, "Etc/UTC");
}
