using EngagementPlatform.AuditLogging.Application.AuditLogs;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Permissions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.AuditLogging.Http;

internal static class AuditLoggingEndpoints
{
    public static void MapAuditLoggingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Filters and sorting are checked (400 with a code); the caller needs a token and the permission.
        var logs = endpoints.MapGroup("/api/audit-logs").WithTags("AuditLogging").RequirePermission(AuditLoggingPermissions.AuditLogs)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        logs.MapGet("/", async Task<Ok<PagedResult<AuditLogEntryDto>>> ([AsParameters] AuditLogQueryParameters filter, [AsParameters] PageRequest page, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAuditLogsQuery(filter.ToFilter(), page), ct)))
            .WithName("GetAuditLogs");
        logs.MapGet("/export", async Task<FileContentHttpResult> ([AsParameters] AuditLogQueryParameters filter, string? sorting, IMediator mediator, CancellationToken ct) =>
            {
                var export = await mediator.Send(new ExportAuditLogsQuery(filter.ToFilter(), sorting), ct);
                return TypedResults.File(export.Content, "text/csv; charset=utf-8", export.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("ExportAuditLogs");
    }
}

/// <summary>The filters of both the list and the export, as query parameters.</summary>
internal sealed record AuditLogQueryParameters(
    string? EntityType,
    string? EntityId,
    Guid? UserId,
    string? UserName,
    AuditAction? Action,
    DateTimeOffset? From,
    DateTimeOffset? To)
{
    public AuditLogFilter ToFilter() => new(EntityType, EntityId, UserId, UserName, Action, From, To);
}
