using EngagementPlatform.AuditLogging.Application.AuditLogs;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Permissions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.AuditLogging.Http;

internal static class AuditLoggingEndpoints
{
    private static readonly string Filters =
        "Filters (each optional): EntityType and EntityId (exact), UserId, UserName (contains, any case), Action, "
        + "From (inclusive) and To (exclusive). Sorting (sorting=field [asc|desc]) by: "
        + string.Join(", ", AuditLogFilter.SortKeys.Keys) + ". Default: time desc.";

    public static void MapAuditLoggingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var logs = endpoints.MapGroup("/api/audit-logs").WithTags("AuditLogging").RequirePermission(AuditLoggingPermissions.AuditLogs)
            // Filters and sorting are checked (400 with a code); the caller needs a token and the permission.
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        // The filter record is bound from the query string as it is (one definition for the API, the list and the export).
        logs.MapGet("/", async Task<Ok<PagedResult<AuditLogEntryDto>>> ([AsParameters] AuditLogFilter filter, [AsParameters] PageRequest page, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAuditLogsQuery(filter, page), ct)))
            .WithName("GetAuditLogs")
            .WithDescription("A page of the audit log of the current partnership (the host's on the host side). " + Filters);
        logs.MapGet("/export", async Task<FileContentHttpResult> ([AsParameters] AuditLogFilter filter, [FromQuery(Name = "Sorting")] string? sorting, IMediator mediator, CancellationToken ct) =>
            {
                var export = await mediator.Send(new ExportAuditLogsQuery(filter, sorting), ct);
                return TypedResults.File(export.Content, "text/csv; charset=utf-8", export.FileName);
            })
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithName("ExportAuditLogs")
            .WithDescription($"The filtered audit log as a CSV file (UTF-8 with a byte order mark, at most {ExportAuditLogsQuery.MaxRows} rows), headings in the caller's language. " + Filters);
    }
}
