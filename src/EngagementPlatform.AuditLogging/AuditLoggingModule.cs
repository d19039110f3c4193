using EngagementPlatform.AuditLogging.Http;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.Permissions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.AuditLogging;

/// <summary>
/// The audit log: who changed (or read) what, when, in which partnership. Entities opt in with
/// <see cref="AuditedAttribute"/>; the persistence layer writes the entries in the transaction of the change;
/// tenant admins (and host admins for the host) read and export them.
/// </summary>
public sealed class AuditLoggingModule : IModule
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AuditLoggingTexts.Create());
        services.AddSingleton<IPermissionDefinitionProvider, AuditLoggingPermissionDefinitionProvider>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddOptions<AuditOptions>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAuditLoggingEndpoints();
}
