using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EngagementPlatform.Framework.Http;

public static class RefusalResponses
{
    /// <summary>
    /// Declares, for the OpenAPI document, the problem-details answers a signed-in module API can give: 400 (validation),
    /// 401, 403 (permission, plan feature, read-only tenant), 404, 409 (state conflict) and 422 (a broken rule), each
    /// with a <c>Module:Reason</c> code. Put it on a module's route group once.
    /// </summary>
    public static TBuilder ProducesRefusals<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return builder;
    }
}
