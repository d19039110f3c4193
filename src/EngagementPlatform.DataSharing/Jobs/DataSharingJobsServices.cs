using EngagementPlatform.DataSharing.Application.Destruction;
using EngagementPlatform.DataSharing.Emails;
using EngagementPlatform.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.DataSharing.Jobs;

internal static class DataSharingJobsServices
{
    /// <summary>The daily job, the emails it and the lifecycle's events queue, and the destruction attestation's texts.</summary>
    public static IServiceCollection AddDataSharingJobsAndEmails(this IServiceCollection services)
    {
        services.AddSingleton(DestructionErrorCodes.Messages());
        services.AddSingleton(DataSharingEmailTexts.Create());
        services.AddEmailTemplates<DataSharingEmailTemplates>();
        services.AddScoped<AgreementEmails>();
        services.AddTransient<AgreementDailyJob>();
        return services;
    }
}
