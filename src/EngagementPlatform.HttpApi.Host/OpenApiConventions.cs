using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EngagementPlatform.HttpApi.Host;

/// <summary>
/// Titles the document, declares how to sign in, and marks every operation that needs an access token with the
/// bearer requirement and the permission it checks (<c>x-permission</c>), so clients and the sweeps know.
/// </summary>
internal sealed class OpenApiConventions : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

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
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from /connect/token.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [],
        });
        var permission = metadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy)
            .FirstOrDefault(p => p?.StartsWith(Framework.Permissions.PermissionPolicyProvider.Prefix, StringComparison.Ordinal) == true);
        if (permission is not null)
        {
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-permission"] = new JsonNodeExtension(permission[Framework.Permissions.PermissionPolicyProvider.Prefix.Length..]);
        }

        return Task.CompletedTask;
    }
}
