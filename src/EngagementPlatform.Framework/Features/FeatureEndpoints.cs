using EngagementPlatform.Framework.Exceptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace EngagementPlatform.Framework.Features;

/// <summary>Endpoint metadata: the tenant's plan must include <see cref="Feature"/> (see <see cref="FeatureEndpointExtensions.RequireFeature{TBuilder}"/>).</summary>
public sealed record RequiresFeatureMetadata(string Feature);

public static class FeatureEndpointExtensions
{
    /// <summary>
    /// Serves the endpoint (or every endpoint of a group) only to tenants whose plan includes <paramref name="feature"/>;
    /// others get 403 <c>Saas:FeatureNotEnabled</c>. Checked by <see cref="FeatureMiddleware"/> after authorization,
    /// so a caller who may not use the endpoint at all still gets 401/403 for that first.
    /// </summary>
    public static TBuilder RequireFeature<TBuilder>(this TBuilder builder, string feature)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feature);
        builder.WithMetadata(new RequiresFeatureMetadata(feature));
        builder.Add(endpoint =>
        {
            // Declared once however many features the endpoint requires, so the OpenAPI document says 403 can happen.
            if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status403Forbidden))
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
            }
        });
        return builder;
    }
}

/// <summary>Refuses a request whose endpoint requires a feature the current tenant's plan lacks (see <see cref="FeatureEndpointExtensions"/>).</summary>
public sealed class FeatureMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IFeatureChecker features)
    {
        var required = context.GetEndpoint()?.Metadata.GetOrderedMetadata<RequiresFeatureMetadata>() ?? [];
        foreach (var requirement in required)
        {
            await features.CheckEnabledAsync(requirement.Feature, context.RequestAborted);
        }

        await next(context);
    }
}
