using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EngagementPlatform.HttpApi.Host;

/// <summary>
/// The probes an orchestrator polls, outside the API description. Live answers from memory: the process serves
/// requests. Ready answers <see cref="DatabaseHealthCheck"/>'s latest result (200 Healthy, 503 Unhealthy), which
/// touches the database at most once per interval however often it is asked.
/// </summary>
internal static class HealthEndpoints
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Live, (HttpContext context) => Answer(context, HealthStatus.Healthy))
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(Ready, async (HttpContext context, DatabaseHealthCheck database) =>
                Answer(context, (await database.CurrentAsync(context.RequestAborted)).Status))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Answer(HttpContext context, HealthStatus status)
    {
        // As ASP.NET Core's health-check middleware: a probe's answer is never cached by anything in between.
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.Headers.Pragma = "no-cache";
        return Results.Text(status.ToString(), "text/plain", statusCode: status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK);
    }
}
