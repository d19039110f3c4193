using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EngagementPlatform.HttpApi.Host;

/// <summary>Titles the document and declares how to sign in, so the API reference can call the API.</summary>
internal sealed class OpenApiConventions : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "EngagementPlatform API",
            Version = "v1",
            Description = "Sign in with POST /connect/token (password grant, client_id EngagementPlatform_App, scope EngagementPlatform) "
                          + "and send the access token as a bearer token. Tenant requests add the header __tenant: <partnership name>.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from /connect/token.",
        };
        return Task.CompletedTask;
    }
}
