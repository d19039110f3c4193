using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EngagementPlatform.Framework.Http;

/// <summary>
/// Refuses request bodies over the configured size with 413, whatever server runs the app: Kestrel enforces its
/// own limit, but behind other servers (and in the in-memory test server) only this does.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, long maxBytes)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        return next(context);
    }
}
