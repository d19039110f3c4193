using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.Framework.Configuration;

/// <summary>
/// What the web app needs to know at start and after sign-in (ABP's application configuration): who is signed in,
/// which permissions they hold, the partnership and its plan's features. Each module fills in its own part.
/// </summary>
public sealed class ApplicationConfigurationDto
{
    public CurrentUserDto CurrentUser { get; set; } = new();

    public CurrentTenantDto? CurrentTenant { get; set; }

    /// <summary>Names of the permissions the current user holds here; empty when signed out.</summary>
    public List<string> GrantedPermissions { get; set; } = [];

    /// <summary>Plan features by name (Compensation, DataSharing, Assessments, StripePayouts); the host has all of them.</summary>
    public Dictionary<string, bool> Features { get; set; } = new(StringComparer.Ordinal);
}

public sealed class CurrentUserDto
{
    public bool IsAuthenticated { get; set; }

    public Guid? Id { get; set; }

    public string? UserName { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public IReadOnlyList<string> Roles { get; set; } = [];

    /// <summary>en or es: the user's choice, else the partnership's default, else en.</summary>
    public string Language { get; set; } = "en";
}

public sealed class CurrentTenantDto
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    public string DefaultLanguage { get; set; } = "en";

    public string TimeZone { get; set; } = "UTC";
}

/// <summary>A module's part of <see cref="ApplicationConfigurationDto"/>.</summary>
public interface IApplicationConfigurationContributor
{
    Task ContributeAsync(ApplicationConfigurationDto configuration, CancellationToken cancellationToken);
}

/// <summary>The user and the permissions they hold: the part every module relies on.</summary>
internal sealed class PermissionsConfigurationContributor(
    ICurrentUser currentUser,
    ICurrentTenant currentTenant,
    PermissionDefinitionManager definitions,
    IPermissionChecker? permissions = null) : IApplicationConfigurationContributor
{
    public async Task ContributeAsync(ApplicationConfigurationDto configuration, CancellationToken cancellationToken)
    {
        configuration.CurrentUser.IsAuthenticated = currentUser.IsAuthenticated;
        configuration.CurrentUser.Id = currentUser.Id;
        configuration.CurrentUser.UserName = currentUser.UserName;
        configuration.CurrentUser.Roles = currentUser.Roles;
        if (!currentUser.IsAuthenticated || permissions is null)
        {
            return;
        }

        foreach (var definition in definitions.ForSide(currentTenant.Id))
        {
            if (await permissions.IsGrantedAsync(definition.Name, cancellationToken))
            {
                configuration.GrantedPermissions.Add(definition.Name);
            }
        }
    }
}

internal static class ApplicationConfigurationEndpoint
{
    public static void MapApplicationConfiguration(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/api/app/configuration", async (IEnumerable<IApplicationConfigurationContributor> contributors, CancellationToken ct) =>
            {
                var configuration = new ApplicationConfigurationDto();
                foreach (var contributor in contributors)
                {
                    await contributor.ContributeAsync(configuration, ct);
                }

                return configuration;
            })
            .AllowAnonymous()
            .RequireRateLimiting(Http.AnonymousRateLimit.Policy)
            .Produces<ApplicationConfigurationDto>()
            // 404: the request names a partnership (__tenant) that does not exist.
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithTags("App")
            .WithName("GetApplicationConfiguration")
            .WithSummary("Who is signed in, their permissions, the partnership and its plan's features (signed out: the anonymous view).");
}
