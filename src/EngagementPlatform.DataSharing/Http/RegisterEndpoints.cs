using EngagementPlatform.DataSharing.Application.Register;
using EngagementPlatform.DataSharing.Application.Versions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Permissions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.DataSharing.Http;

/// <summary>The register of agreements, its CSV export and the diff between two versions of an agreement.</summary>
internal static class RegisterEndpoints
{
    public static void MapRegisterEndpoints(this IEndpointRouteBuilder api)
    {
        var sortedBy = $"Sorting (sorting=field [asc|desc]) by: {string.Join(", ", AgreementRegister.Sorting.Keys)}; default title, then id. "
                       + "State sorts in lifecycle order, sensitivity from least to most sensitive.";
        const string filters = "Filters: state and sensitivity exactly; party (text in a party's name) and filter (text in the title or a party's "
                               + "name), case-insensitive and literal; expiringWithinDays N (0 to 3650): Active agreements whose end date is from "
                               + "today to today + N days in the partnership's time zone.";
        api.MapGet("/agreements", async ([AsParameters] PageRequest page, [AsParameters] AgreementRegisterFilter filter, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetAgreementsQuery(page, filter), ct)))
            .RequirePermission(DataSharingPermissions.Agreements).WithName("GetAgreements")
            .WithDescription("The register: each agreement's summary (its governing version's title, state, sensitivity, party names and dates), "
                             + "daysUntilEnd counted from today in the partnership's time zone (null once ended or without an end date). "
                             + filters + " " + sortedBy);
        api.MapGet("/agreements/register.csv", async ([AsParameters] AgreementRegisterFilter filter, [FromQuery] string? sorting, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new ExportAgreementsCsvQuery(filter, sorting), ct);
                return TypedResults.Stream(stream => file.WriteAsync(stream, ct), AgreementsCsvFile.ContentType, file.FileName);
            })
            .RequirePermission(DataSharingPermissions.Agreements).WithName("ExportAgreementsCsv")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithDescription("Every agreement of the register (same filters and sorting as GetAgreements) as CSV: RFC 4180, UTF-8 with a "
                             + "byte-order mark, headings in the reader's language, dates yyyy-MM-dd, formula-like text cells prefixed with an apostrophe.");
        api.MapGet("/agreements/{id:guid}/diff", async (Guid id, [FromQuery] int? from, [FromQuery] int? to, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetAgreementDiffQuery(id, from, to), ct)))
            .RequireAuthorization().WithName("GetAgreementDiff")
            .WithDescription("The changes between two versions of the agreement, named in either order (the answer runs from the older to the "
                             + "newer); to left out is the newest version, from left out the one before to: scalar fields by name, parties matched by id, data elements by name, permitted uses as a set; each change "
                             + "Added, Removed or Changed with before and after as display strings. Readable with DataSharing.Agreements or by a "
                             + "person named as a party's signatory in any version; otherwise, and for a version the agreement does not have, 404.");
    }
}
