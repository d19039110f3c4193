using EngagementPlatform.DataSharing.Application.Agreements;
using EngagementPlatform.DataSharing.Application.Settings;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Permissions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EngagementPlatform.DataSharing.Http;

/// <summary>
/// The agreements' lifecycle (create, edit the draft, submit, return to draft, sign, terminate, amend), their detail and
/// versions, the caller's signature requests, and the partnership's settings. Readers of one agreement are whoever holds
/// <c>DataSharing.Agreements</c> and the people named as a signatory in any of its versions; to anyone else, and to
/// another partnership, an agreement does not exist (404).
/// </summary>
internal static class AgreementEndpoints
{
    public static void MapAgreementEndpoints(this RouteGroupBuilder api)
    {
        MapLifecycle(api.MapGroup("/agreements"));
        MapReads(api.MapGroup("/agreements"));
        MapSignatures(api);
        MapSettings(api);
    }

    private static void MapLifecycle(RouteGroupBuilder agreements)
    {
        agreements.MapPost("/", async (AgreementInput body, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new CreateAgreementCommand(body), ct);
                return TypedResults.Created($"/api/data-sharing/agreements/{created.Id}", created);
            })
            .RequirePermission(DataSharingPermissions.AgreementsManage).WithName("CreateAgreement")
            .WithDescription("Starts an agreement as a Draft version 1 (party ids in the body are ignored: every party is new). Every "
                             + "signatoryUserId must be an active person of this partnership (422 DataSharing:UnknownUser, errors name the field); "
                             + "contactEmail is one bare address. A draft may still break the rules checked on submission (two parties, a "
                             + "signatory each, PHI terms, date order). Location is the agreement.");
        agreements.MapPut("/{id:guid}/draft", async (Guid id, AgreementInput body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new EditAgreementDraftCommand(id, body), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(DataSharingPermissions.AgreementsManage).WithName("EditAgreementDraft")
            .WithDescription("Replaces the content of the open draft (the original before submission, or an amendment). A party keeps its "
                             + "identity when the body gives an id it has had in any version of this agreement; any other party is new. When the "
                             + "latest version is not a Draft: 409 DataSharing:AgreementNotEditable (an agreement in force is changed by an "
                             + "amendment; one in review is returned to draft first).");
        agreements.MapPost("/{id:guid}/submit", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new SubmitAgreementCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(DataSharingPermissions.AgreementsManage).WithName("SubmitAgreement")
            .WithDescription("Draft → InReview: checks the rules (422 DataSharing:TooFewParties, SignatoryRequired, CommunityOwnerRequired when "
                             + "the partnership's settings say so, SensitivityBelowElements, EndBeforeStart, PhiNeedsBreachWindow, "
                             + "PhiNeedsDestructionDate, DestructionBeforeStart), freezes the content and records its hash; each signatory is "
                             + "asked to sign. Another state: 409 DataSharing:IllegalTransition.");
        agreements.MapPost("/{id:guid}/return-to-draft", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new ReturnAgreementToDraftCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(DataSharingPermissions.AgreementsManage).WithName("ReturnAgreementToDraft")
            .WithDescription("InReview → Draft so the version can be edited; the signatures it already has are withdrawn. Another state: "
                             + "409 DataSharing:IllegalTransition.");
        agreements.MapPost("/{id:guid}/terminate", async (Guid id, TerminateAgreementRequest body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new TerminateAgreementCommand(id, body.Reason), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(DataSharingPermissions.AgreementsManage).WithName("TerminateAgreement")
            .WithDescription("Ends a Signed or Active agreement early with a reason (an open amendment ends with it). Another state: 409 "
                             + "DataSharing:IllegalTransition.");
        agreements.MapPost("/{id:guid}/amendments", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new AmendAgreementCommand(id), ct);
                return TypedResults.Created($"/api/data-sharing/agreements/{id}/versions/{created.VersionNumber}", created);
            })
            .RequirePermission(DataSharingPermissions.AgreementsManage).WithName("AmendAgreement")
            .WithDescription("Copies the governing (Signed or Active) version into a new Draft version; the governing version stays in force, "
                             + "readable with its signatures, until the amendment is signed and effective (then it is Superseded). An amendment "
                             + "already open: 409 DataSharing:AmendmentOpen; another state: 409 DataSharing:IllegalTransition. Location is the "
                             + "new version.");
    }

    private static void MapReads(RouteGroupBuilder agreements)
    {
        agreements.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetAgreementQuery(id), ct)))
            .RequireAuthorization().WithName("GetAgreement")
            .WithDescription("The agreement: its summary, the governing version in full (current), the open amendment in full (amendment, or "
                             + "null), every version's summary, destruction attestations and the signatures the caller is asked for "
                             + "(mySignatureRequests). Readable with DataSharing.Agreements or by a person named as a signatory in any version; "
                             + "anyone else: 404. A view of an agreement covering PHI is recorded in the audit log.");
        agreements.MapGet("/{id:guid}/versions", async (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetAgreementVersionsQuery(id), ct)))
            .RequireAuthorization().WithName("GetAgreementVersions")
            .WithDescription("Every version, oldest first: number, state, title, dates and signatureCount of requiredSignatureCount. Readers as "
                             + "for GetAgreement.");
        agreements.MapGet("/{id:guid}/versions/{number:int}", async (Guid id, int number, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetAgreementVersionQuery(id, number), ct)))
            .RequireAuthorization().WithName("GetAgreementVersion")
            .WithDescription("One version in full with its parties' signatures, whatever its state (earlier versions stay readable). A number "
                             + "the agreement does not have: 404. Readers and PHI audit as for GetAgreement.");
    }

    private static void MapSignatures(RouteGroupBuilder api)
    {
        api.MapPost("/agreements/{id:guid}/signatures", async (Guid id, SignAgreementRequest body, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                await SignAsync(m, SignAgreementCommand.From(id, body, http.Connection.RemoteIpAddress?.ToString()), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization().WithName("SignAgreement")
            .WithDescription("The caller signs the version in review for a party whose signatory they are, typing their name; versionNumber and "
                             + "contentHash name what they were shown (changed since: 409 DataSharing:VersionChanged). Another party's: 403 "
                             + "DataSharing:NotTheSignatory; signed already (also when two requests race): 409 DataSharing:AlreadySigned. The "
                             + "signature keeps the time, the caller's IP address and the hash. With the last required signature the version is "
                             + "Signed, and Active at once when its effective date has come (the partnership's time zone).");
        api.MapGet("/me/signature-requests", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetMySignatureRequestsQuery(), ct)))
            .RequireAuthorization().WithName("GetMySignatureRequests")
            .WithDescription("The versions in review waiting for the caller's signature (one row per party they sign for), oldest submission first.");
    }

    private static void MapSettings(RouteGroupBuilder api)
    {
        api.MapGet("/settings", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetDataSharingSettingsQuery(), ct)))
            .RequireAnyPermission(DataSharingPermissions.Agreements, DataSharingPermissions.Settings).WithName("GetDataSharingSettings")
            .WithDescription("Needs DataSharing.Agreements or DataSharing.Settings (403 Framework:Forbidden otherwise). The partnership's rules: requireCommunityOwner, expiryReminderDays and destructionReminderDays (largest first); "
                             + "the defaults (false, [60, 30, 7], [60, 30, 7]) until saved.");
        api.MapPut("/settings", async (UpdateDataSharingSettingsCommand body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(body, ct)))
            .RequirePermission(DataSharingPermissions.Settings).WithName("UpdateDataSharingSettings")
            .WithDescription("Saves the rules; reminder days are 1 to 366, at most 6 of each, repeated days count once. Audited.");
    }

    /// <summary>
    /// Signs; if the database's unique key on (version, party) refuses a second signature that got past the row lock's
    /// check (the last line of defence), the answer is the same 409 <c>DataSharing:AlreadySigned</c> as the domain's.
    /// </summary>
    internal static async Task SignAsync(IMediator m, SignAgreementCommand command, CancellationToken ct)
    {
        try
        {
            await m.Send(command, ct);
        }
        catch (DbUpdateException e) when (IsSecondSignature(e))
        {
            throw new StateConflictException(DataSharingErrorCodes.AlreadySigned).WithData("party", command.PartyId.ToString());
        }
    }

    internal static bool IsSecondSignature(DbUpdateException e)
        => e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
           && pg.ConstraintName == DataSharingModelBuilderExtensions.SignaturePerVersionAndParty;
}
