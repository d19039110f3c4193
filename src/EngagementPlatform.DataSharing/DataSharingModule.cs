using EngagementPlatform.DataSharing.Http;
using EngagementPlatform.DataSharing.Jobs;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.Permissions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.DataSharing;

/// <summary>
/// Data-sharing agreements that give communities a say over their data: parties with roles and signatories, data
/// elements and their sensitivity, community ownership and governance terms, retention and destruction; a lifecycle
/// from draft through every signature to active, expired or terminated; amendments as new versions that leave the old
/// ones readable; reminders before end and destruction dates. Every endpoint needs the plan feature <c>DataSharing</c>.
/// </summary>
public sealed class DataSharingModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DataSharingErrorCodes.Messages());
        services.AddSingleton(DataSharingTexts.Create());
        services.AddSingleton<IPermissionDefinitionProvider, DataSharingPermissionDefinitionProvider>();
        services.AddSingleton(DataSharingErrorCodes.ApiMessages());
        services.AddDataSharingJobsAndEmails();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapDataSharingEndpoints();

    public void RegisterRecurringJobs(IRecurringJobs jobs)
        => jobs.AddOrUpdateForEachTenant<AgreementDailyJob>(AgreementDailyJob.Module, AgreementDailyJob.Purpose, AgreementDailyJob.Cron, AgreementDailyJob.TimeZone);
}
