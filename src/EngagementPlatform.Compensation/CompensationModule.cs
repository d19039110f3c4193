using EngagementPlatform.Compensation.Application.Items;
using EngagementPlatform.Compensation.Application.Payees;
using EngagementPlatform.Compensation.Application.Reports;
using EngagementPlatform.Compensation.Http;
using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Notifications;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Compensation;

/// <summary>
/// Paying community partners fairly, promptly and traceably: rates, payees, payable items (from meeting attendance or
/// entered by staff) through approval by someone other than the submitter to payment, with money that never mixes
/// currencies and is rounded once. Every endpoint needs the plan feature <c>Compensation</c>.
/// </summary>
public sealed class CompensationModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(CompensationErrorCodes.Messages());
        services.AddSingleton(CompensationTexts.Create());
        services.AddSingleton<IPermissionDefinitionProvider, CompensationPermissionDefinitionProvider>();
        services.AddEmailTemplates<Emails.CompensationEmailTemplates>();
        services.AddScoped<PersonPayees>();
        services.AddScoped<PaymentEmails>();
        services.AddCompensationReports();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapCompensationEndpoints();
}
