using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Governance.Application.AccessSupports;
using EngagementPlatform.Governance.Application.Attendance;
using EngagementPlatform.Governance.Application.CompositionRules;
using EngagementPlatform.Governance.Application.Councils;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Application.Demographics;
using EngagementPlatform.Governance.Application.Influence;
using EngagementPlatform.Governance.Application.Inputs;
using EngagementPlatform.Governance.Application.Meetings;
using EngagementPlatform.Governance.Application.MyWork;
using EngagementPlatform.Governance.Application.PublicInput;
using EngagementPlatform.Governance.Application.Seats;
using EngagementPlatform.Governance.Application.Settings;
using EngagementPlatform.Governance.Application.Voting;
using EngagementPlatform.Governance.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.Governance.Http;

/// <summary>
/// Governance's HTTP API. Every operation declares what it answers: creates 201 with <c>Location</c> and
/// <c>{ id }</c>, deletes 204, lists <c>{ totalCount, items }</c> with <c>skipCount</c>, <c>maxResultCount</c> and
/// <c>sorting</c> (the fields each list sorts by are in its description; any other field is a 400
/// <c>Framework:UnknownSortField</c>), and refusals as problem details with a <c>Module:Reason</c> code.
/// </summary>
internal static class GovernanceEndpoints
{
    private const string P = GovernancePermissions.Councils;
    private const string PManage = GovernancePermissions.CouncilsManage;
    private const string PMeetings = GovernancePermissions.MeetingsManage;
    private const string PDecisions = GovernancePermissions.Decisions;
    private const string PDecide = GovernancePermissions.DecisionsManage;
    private const string PTakePart = GovernancePermissions.DecisionsParticipate;

    private static string SortedBy(IEnumerable<string> fields) => $"Sorting (sorting=field [asc|desc]) by: {string.Join(", ", fields)}.";

    public static void MapGovernanceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/governance").WithTags("Governance")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        var signedIn = api.MapGroup(string.Empty)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        MapCouncils(signedIn.MapGroup("/councils"));
        MapDecisions(signedIn.MapGroup("/decisions"));
        MapPublic(api);

        signedIn.MapGet("/influence", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetTenantInfluenceQuery(), ct)))
            .RequirePermission(PDecisions).WithName("GetTenantInfluence");
        signedIn.MapGet("/my-influence", async ([AsParameters] PageRequest page, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetMyInfluenceQuery(page), ct)))
            .RequireAuthorization().WithName("GetMyInfluence")
            .WithDescription("The decisions the signed-in person gave input to. " + SortedBy(GetMyInfluenceHandler.Sorting.Keys) + " Default: creationTime desc.");
        signedIn.MapGet("/my-work", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetMyWorkQuery(), ct)))
            .RequireAuthorization().WithName("GetMyWork")
            .WithSummary("What waits for the signed-in person: decisions open for their input or vote, their next meetings with the "
                         + "access supports they asked for, what came of their input; for staff, overdue decisions and councils out of compliance.");
        signedIn.MapGet("/my-demographics", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetMyDemographicsQuery(), ct)))
            .RequireAuthorization().WithName("GetMyDemographics");
        signedIn.MapPut("/my-demographics", async (SaveMyDemographicsCommand c, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(c, ct)))
            .RequireAuthorization().WithName("SaveMyDemographics");
        signedIn.MapDelete("/my-demographics", async (IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteMyDemographicsCommand(), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization().WithName("DeleteMyDemographics");
        signedIn.MapGet("/settings", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetSettingsQuery(), ct)))
            .RequirePermission(P).WithName("GetGovernanceSettings");
        signedIn.MapPut("/settings", async (SaveSettingsCommand c, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(c, ct)))
            .RequirePermission(GovernancePermissions.Settings).WithName("SaveGovernanceSettings");
    }

    /// <summary>
    /// The only endpoints that answer without sign-in: each is rate limited per client address ("public", 429 when
    /// exceeded), and the link carries the tenant (__tenant, or the subdomain) so no account is needed.
    /// </summary>
    private static void MapPublic(RouteGroupBuilder api)
    {
        var publicApi = api.MapGroup("/public").AllowAnonymous().RequireRateLimiting(PublicRateLimitPolicy.Name)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        publicApi.MapGet("/decisions/{token}", async (string token, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetPublicDecisionQuery(token), ct)))
            .WithName("GetPublicDecision");
        publicApi.MapPost("/decisions/{token}/inputs", async (string token, PublicInputRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Created(
                    $"/api/governance/public/decisions/{Uri.EscapeDataString(token)}",
                    await m.Send(new AddPublicInputCommand(token, r.Text, r.Name, r.Email, r.Language), ct)))
            .WithName("AddPublicInput")
            .WithDescription("201 with a receipt (the input's id, when it was taken, what became of the address). Inputs are not readable "
                             + "signed out, so Location points at the public decision the input was given to.");
        publicApi.MapPost("/email-confirmations", async (EmailConfirmationRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ConfirmPublicEmailCommand(r.Token), ct)))
            .WithName("ConfirmPublicInputEmail");
    }

    private static void MapCouncils(RouteGroupBuilder councils)
    {
        councils.MapPost("/", async (CouncilRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(CreateCouncilCommand.From(r), ct);
                return TypedResults.Created($"/api/governance/councils/{created.Id}", created);
            })
            .RequirePermission(PManage).WithName("CreateCouncil")
            .WithDescription("Refused with 422 Saas:LimitReached (values limit, count) when the plan allows no more councils.");
        councils.MapGet("/", async ([AsParameters] PageRequest page, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetCouncilsQuery(page), ct)))
            .RequirePermission(P).WithName("GetCouncils")
            .WithDescription(SortedBy(GetCouncilsHandler.Sorting.Keys) + " Default: name.");
        councils.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetCouncilQuery(id), ct)))
            .RequirePermission(P).WithName("GetCouncil");
        councils.MapPut("/{id:guid}", async (Guid id, CouncilRequest r, IMediator m, CancellationToken ct) =>
            {
                await m.Send(UpdateCouncilCommand.From(id, r), ct);
                return TypedResults.Ok(await m.Send(new GetCouncilQuery(id), ct));
            })
            .RequirePermission(PManage).WithName("UpdateCouncil");

        councils.MapPost("/{id:guid}/seats", async (Guid id, SeatRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new AddSeatCommand(id, r.Title, r.Category, r.IsVoting, r.Role), ct);
                return TypedResults.Created($"/api/governance/councils/{id}/seats/{created.Id}/assignments", created);
            })
            .RequirePermission(PManage).WithName("AddSeat")
            .WithDescription("Location is the new seat's terms (the seat itself is read with its council).");
        councils.MapPut("/{id:guid}/seats/{seatId:guid}", async (Guid id, Guid seatId, SeatRequest r, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new UpdateSeatCommand(id, seatId, r.Title, r.Category, r.IsVoting, r.Role), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PManage).WithName("UpdateSeat");
        councils.MapPost("/{id:guid}/seats/{seatId:guid}/assignments", async (Guid id, Guid seatId, AssignmentRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new AssignSeatCommand(id, seatId, r.UserId, r.TermStart, r.TermEnd), ct);
                return TypedResults.Created($"/api/governance/councils/{id}/seats/{seatId}/assignments", created);
            })
            .RequirePermission(PManage).WithName("AssignSeat")
            .WithDescription("Location is the seat's terms, the new one among them.");
        councils.MapGet("/{id:guid}/seats/{seatId:guid}/assignments", async (Guid id, Guid seatId, [AsParameters] PageRequest page, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetSeatHistoryQuery(id, seatId, page), ct)))
            .RequirePermission(P).WithName("GetSeatHistory")
            .WithDescription(SortedBy(GetSeatHistoryHandler.Sorting.Keys) + " Default: termStart.");
        councils.MapDelete("/{id:guid}/seats/{seatId:guid}/assignments/current", async (Guid id, Guid seatId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new EndCurrentTermCommand(id, seatId), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PManage).WithName("EndCurrentTerm");

        councils.MapPost("/{id:guid}/composition-rules", async (Guid id, CompositionRuleRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new AddCompositionRuleCommand(id, r), ct);
                return TypedResults.Created($"/api/governance/councils/{id}", created);
            })
            .RequirePermission(PManage).WithName("AddCompositionRule")
            .WithDescription("Location is the council, whose rules include the new one.");
        councils.MapPost("/{id:guid}/composition-rules/templates/{template}", async (Guid id, string template, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new AddRuleTemplateCommand(id, template), ct);
                return TypedResults.Created($"/api/governance/councils/{id}", created);
            })
            .RequirePermission(PManage).WithName("AddCompositionRuleTemplate")
            .WithDescription("Location is the council, whose rules include the new one.");
        councils.MapDelete("/{id:guid}/composition-rules/{ruleId:guid}", async (Guid id, Guid ruleId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteCompositionRuleCommand(id, ruleId), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PManage).WithName("DeleteCompositionRule");
        councils.MapGet("/{id:guid}/composition", async (Guid id, DateOnly? date, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetCompositionQuery(id, date), ct)))
            .RequirePermission(P).WithName("GetComposition");
        councils.MapGet("/{id:guid}/diversity", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetDiversityQuery(id), ct)))
            .RequirePermission(P).WithName("GetDiversity");
        councils.MapGet("/{id:guid}/influence", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetCouncilInfluenceQuery(id), ct)))
            .RequirePermission(PDecisions).WithName("GetCouncilInfluence");

        councils.MapPost("/{id:guid}/meetings", async (Guid id, MeetingRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new CreateMeetingCommand(id, r), ct);
                return TypedResults.Created($"/api/governance/councils/{id}/meetings/{created.Id}", created);
            })
            .RequirePermission(PMeetings).WithName("CreateMeeting");
        councils.MapGet("/{id:guid}/meetings", async (Guid id, [AsParameters] PageRequest page, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetMeetingsQuery(id, page), ct)))
            .RequirePermission(P).WithName("GetMeetings")
            .WithDescription(SortedBy(GetMeetingsHandler.Sorting.Keys) + " Default: startsAt desc.");
        councils.MapGet("/{id:guid}/meetings/{meetingId:guid}", async (Guid id, Guid meetingId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetMeetingQuery(id, meetingId), ct)))
            .RequirePermission(P).WithName("GetMeeting");
        councils.MapPut("/{id:guid}/meetings/{meetingId:guid}/agenda", async (Guid id, Guid meetingId, IReadOnlyList<AgendaItemRequest> r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new UpdateAgendaCommand(id, meetingId, r), ct)))
            .RequirePermission(PMeetings).WithName("UpdateAgenda");
        councils.MapPut("/{id:guid}/meetings/{meetingId:guid}/attendance", async (Guid id, Guid meetingId, IReadOnlyList<AttendanceEntry> r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RecordAttendanceCommand(id, meetingId, r), ct)))
            .RequirePermission(PMeetings).WithName("RecordAttendance");
        councils.MapPost("/{id:guid}/meetings/{meetingId:guid}/access-supports", async (Guid id, Guid meetingId, AccessSupportRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new RequestSupportCommand(id, meetingId, r), ct);
                return TypedResults.Created($"/api/governance/councils/{id}/meetings/{meetingId}", created);
            })
            .RequirePermission(P).WithName("RequestAccessSupport")
            .WithDescription("Location is the meeting, whose access supports include the new request.");
        councils.MapPut("/{id:guid}/meetings/{meetingId:guid}/access-supports/{supportId:guid}", async (Guid id, Guid meetingId, Guid supportId, SupportStatusRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetSupportStatusCommand(id, meetingId, supportId, r.Status), ct)))
            .RequirePermission(PMeetings).WithName("SetAccessSupportStatus");
    }

    private static void MapDecisions(RouteGroupBuilder decisions)
    {
        decisions.MapPost("/", async (CreateDecisionCommand c, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(c, ct);
                return TypedResults.Created($"/api/governance/decisions/{created.Id}", created);
            })
            .RequirePermission(PDecide).WithName("CreateDecision");
        decisions.MapGet("/", async ([AsParameters] PageRequest page, Guid? councilId, DecisionState? state, bool? overdue, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetDecisionsQuery(page, councilId, state, overdue), ct)))
            .RequirePermission(PDecisions).WithName("GetDecisions")
            .WithDescription(SortedBy(GetDecisionsHandler.Sorting.Keys) + " Default: creationTime desc.");
        decisions.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetDecisionQuery(id), ct)))
            .RequirePermission(PDecisions).WithName("GetDecision");

        decisions.MapPost("/{id:guid}/open-input", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new OpenDecisionInputCommand(id), ct)))
            .RequirePermission(PDecide).WithName("OpenDecisionInput");
        decisions.MapPost("/{id:guid}/open-voting", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new OpenVotingCommand(id), ct)))
            .RequirePermission(PDecide).WithName("OpenVoting");
        decisions.MapPost("/{id:guid}/close-voting", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok((await m.Send(new CloseVotingCommand(id), ct))!))
            .RequirePermission(PDecide).WithName("CloseVoting");
        decisions.MapPost("/{id:guid}/close", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new CloseDecisionCommand(id), ct)))
            .RequirePermission(PDecide).WithName("CloseDecision");
        decisions.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new WithdrawDecisionCommand(id, r.Reason), ct)))
            .RequirePermission(PDecide).WithName("WithdrawDecision");
        decisions.MapPost("/{id:guid}/implement", async (Guid id, ImplementRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ImplementDecisionCommand(id, r.Note, r.ImplementedOn), ct)))
            .RequirePermission(PDecide).WithName("ImplementDecision");
        decisions.MapPost("/{id:guid}/recusals", async (Guid id, RecusalRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RecuseCommand(id, r.UserId, r.Reason), ct)))
            .RequirePermission(PDecide).WithName("RecordRecusal");

        decisions.MapPost("/{id:guid}/inputs", async (Guid id, InputRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new AddInputCommand(id, r.Text), ct);
                return TypedResults.Created($"/api/governance/decisions/{id}/inputs", created);
            })
            .RequirePermission(PTakePart).WithName("AddDecisionInput")
            .WithDescription("Location is the decision's inputs, the new one among them.");
        decisions.MapPut("/{id:guid}/inputs/{inputId:guid}/spam", async (Guid id, Guid inputId, SpamRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new MarkInputSpamCommand(id, inputId, r.Spam), ct)))
            .RequirePermission(PDecide).WithName("MarkDecisionInputSpam");
        decisions.MapGet("/{id:guid}/inputs", async (Guid id, [AsParameters] PageRequest page, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetInputsQuery(id, page), ct)))
            .RequirePermission(PDecisions).WithName("GetDecisionInputs")
            .WithDescription(SortedBy(GetInputsHandler.Sorting.Keys) + " Default: createdAt.");

        decisions.MapPut("/{id:guid}/my-vote", async (Guid id, VoteRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CastVoteCommand(id, r.Choice, r.Choices, r.Ranking), ct)))
            .RequirePermission(PTakePart).WithName("CastVote");
        decisions.MapGet("/{id:guid}/my-vote", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetMyVoteQuery(id), ct)))
            .RequirePermission(PTakePart).WithName("GetMyVote");
        decisions.MapGet("/{id:guid}/tally", async (Guid id, bool? recount, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetTallyQuery(id, recount ?? false), ct)))
            .RequirePermission(PDecisions).WithName("GetTally");
        decisions.MapGet("/{id:guid}/votes", async (Guid id, [AsParameters] PageRequest page, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetVotesQuery(id, page), ct)))
            .RequirePermission(PDecisions).WithName("GetOpenBallotVotes")
            .WithDescription(SortedBy(GetVotesHandler.Sorting.Keys) + " Default: name.");
        decisions.MapPost("/{id:guid}/record", async (Guid id, RecordRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RecordDecisionCommand(id, r.Outcome, r.Rationale, r.InputUses), ct)))
            .RequirePermission(PDecide).WithName("RecordDecision");
    }
}
