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
}
