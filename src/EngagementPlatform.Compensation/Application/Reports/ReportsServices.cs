using EngagementPlatform.Framework.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Compensation.Application.Reports;

internal static class ReportsServices
{
    /// <summary>Statements, annual totals and thresholds, ageing, programs and budgets, CSV exports.</summary>
    public static IServiceCollection AddCompensationReports(this IServiceCollection services)
    {
        services.AddSingleton(CompensationErrorCodes.ReportMessages());
        services.AddSingleton(CompensationTexts.ReportTexts());
        services.AddScoped<ReportCalendar>();
        services.AddScoped<IDataSeedContributor, ReportingThresholdSeedContributor>();
        return services;
    }
}
