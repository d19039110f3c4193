using EngagementPlatform.Framework.Permissions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;

namespace EngagementPlatform.HttpApi.Host;

/// <summary>
/// Adds a <c>PermissionName</c> string-enum schema listing every permission the modules define, in their order, so
/// the generated web client has the names as a type and an array (the web app builds its constant map from them
/// instead of writing the names as literals). The host test comparing the committed document catches a stale client.
/// </summary>
internal sealed class PermissionNameSchema : IOpenApiDocumentTransformer
{
    public const string SchemaName = "PermissionName";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var definitions = context.ApplicationServices.GetRequiredService<PermissionDefinitionManager>();
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The name of a permission a role can be granted.",
            Enum = definitions.All.Select(d => (JsonNode)JsonValue.Create(d.Name)!).ToList(),
        };
        return Task.CompletedTask;
    }
}
