using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Framework.Modularity;

/// <summary>
/// A module of the monolith. The host lists its modules explicitly (no assembly scanning), asks each to
/// register its services, then to map its endpoints.
/// </summary>
public interface IModule
{
    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>
    /// Adds or updates the module's recurring jobs when a host with a job server starts. Ids come from what a job
    /// is for, so every start updates the same jobs.
    /// </summary>
    void RegisterRecurringJobs(Jobs.IRecurringJobs jobs)
    {
    }
}

/// <summary>
/// Endpoints registered as a service rather than by a listed module; the host maps them after the modules', so they
/// run through the same pipeline (authentication, tenant, authorization, plan). Tests use it for probe endpoints.
/// </summary>
public interface IEndpointContributor
{
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
