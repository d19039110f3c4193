using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Governance.Application.Councils;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Application.Influence;
using EngagementPlatform.Governance.Application.Meetings;
using EngagementPlatform.Governance.Application.MyWork;
using EngagementPlatform.Governance.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.Governance.Http;

internal static class GovernanceEndpoints
{
    private const string P = GovernancePermissions.Councils;
    private const string PManage = GovernancePermissions.CouncilsManage;
    private const string PMeetings = GovernancePermissions.MeetingsManage;
    private const string PDecisions = GovernancePermissions.Decisions;
    private const string PDecide = GovernancePermissions.DecisionsManage;
    private const string PTakePart = GovernancePermissions.DecisionsParticipate;

    public static void MapGovernanceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/governance").WithTags("Governance");
        MapCouncils(api.MapGroup("/councils"));
        MapDecisions(api.MapGroup("/decisions"));

        // The only endpoints that answer without sign-in: each is rate limited per client address ("public"), and
        // the link carries the tenant (__tenant, or the subdomain) so no account is needed.
        var publicApi = api.MapGroup("/public").AllowAnonymous().RequireRateLimiting(PublicRateLimitPolicy.Name);
        publicApi.MapGet("/decisions/{token}", async (string token, IMediator m, CancellationToken ct) => await m.Send(new GetPublicDecisionQuery(token), ct))
            .WithName("GetPublicDecision");
        publicApi.MapPost("/decisions/{token}/inputs", async (string token, PublicInputRequest r, IMediator m, CancellationToken ct) =>
                Results.Created((string?)null, await m.Send(new AddPublicInputCommand(token, r.Text, r.Name, r.Email, r.Language), ct)))
            .WithName("AddPublicInput");
        publicApi.MapPost("/email-confirmations", async (EmailConfirmationRequest r, IMediator m, CancellationToken ct) =>
                await m.Send(new ConfirmPublicEmailCommand(r.Token), ct))
            .WithName("ConfirmPublicInputEmail");

        api.MapGet("/influence", async (IMediator m, CancellationToken ct) => await m.Send(new GetTenantInfluenceQuery(), ct))
            .RequirePermission(PDecisions).WithName("GetTenantInfluence");
        api.MapGet("/my-influence", async (IMediator m, CancellationToken ct) => await m.Send(new GetMyInfluenceQuery(), ct))
            .RequireAuthorization().WithName("GetMyInfluence");
        api.MapGet("/my-work", async (IMediator m, CancellationToken ct) => await m.Send(new GetMyWorkQuery(), ct))
            .RequireAuthorization().WithName("GetMyWork")
            .WithSummary("What waits for the signed-in person: decisions open for their input or vote, their next meetings with the "
                         + "access supports they asked for, what came of their input; for staff, overdue decisions and councils out of compliance.");
        api.MapGet("/my-demographics", async (IMediator m, CancellationToken ct) => await m.Send(new GetMyDemographicsQuery(), ct))
            .RequireAuthorization().WithName("GetMyDemographics");
        api.MapPut("/my-demographics", async (SaveMyDemographicsCommand c, IMediator m, CancellationToken ct) => await m.Send(c, ct))
            .RequireAuthorization().WithName("SaveMyDemographics");
        api.MapDelete("/my-demographics", async (IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteMyDemographicsCommand(), ct);
                return Results.NoContent();
            })
            .RequireAuthorization().WithName("DeleteMyDemographics");
        api.MapGet("/settings", async (IMediator m, CancellationToken ct) => await m.Send(new GetSettingsQuery(), ct))
            .RequirePermission(P).WithName("GetGovernanceSettings");
        api.MapPut("/settings", async (SaveSettingsCommand c, IMediator m, CancellationToken ct) => await m.Send(c, ct))
            .RequirePermission(GovernancePermissions.Settings).WithName("SaveGovernanceSettings");
    }

    private static void MapCouncils(RouteGroupBuilder councils)
    {
        councils.MapPost("/", async (CouncilRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(SaveCouncilCommand.From(null, r), ct);
                return Results.Created($"/api/governance/councils/{created.Id}", created);
            })
            .RequirePermission(PManage).WithName("CreateCouncil");
        councils.MapGet("/", async ([AsParameters] PageRequest page, IMediator m, CancellationToken ct) => await m.Send(new GetCouncilsQuery(page), ct))
            .RequirePermission(P).WithName("GetCouncils");
        councils.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => await m.Send(new GetCouncilQuery(id), ct))
            .RequirePermission(P).WithName("GetCouncil");
        councils.MapPut("/{id:guid}", async (Guid id, CouncilRequest r, IMediator m, CancellationToken ct) =>
            {
                await m.Send(SaveCouncilCommand.From(id, r), ct);
                return await m.Send(new GetCouncilQuery(id), ct);
            })
            .RequirePermission(PManage).WithName("UpdateCouncil");

        councils.MapPost("/{id:guid}/seats", async (Guid id, SeatRequest r, IMediator m, CancellationToken ct) =>
                Results.Created((string?)null, await m.Send(new SaveSeatCommand(id, null, r.Title, r.Category, r.IsVoting, r.Role), ct)))
            .RequirePermission(PManage).WithName("AddSeat");
        councils.MapPut("/{id:guid}/seats/{seatId:guid}", async (Guid id, Guid seatId, SeatRequest r, IMediator m, CancellationToken ct) =>
                await m.Send(new SaveSeatCommand(id, seatId, r.Title, r.Category, r.IsVoting, r.Role), ct))
            .RequirePermission(PManage).WithName("UpdateSeat");
        councils.MapPost("/{id:guid}/seats/{seatId:guid}/assignments", async (Guid id, Guid seatId, AssignmentRequest r, IMediator m, CancellationToken ct) =>
                Results.Created((string?)null, await m.Send(new AssignSeatCommand(id, seatId, r.UserId, r.TermStart, r.TermEnd), ct)))
            .RequirePermission(PManage).WithName("AssignSeat");
        councils.MapGet("/{id:guid}/seats/{seatId:guid}/assignments", async (Guid id, Guid seatId, IMediator m, CancellationToken ct) =>
                await m.Send(new GetSeatHistoryQuery(id, seatId), ct))
            .RequirePermission(P).WithName("GetSeatHistory");
        councils.MapDelete("/{id:guid}/seats/{seatId:guid}/assignments/current", async (Guid id, Guid seatId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new EndCurrentTermCommand(id, seatId), ct);
                return Results.NoContent();
            })
            .RequirePermission(PManage).WithName("EndCurrentTerm");

        councils.MapPost("/{id:guid}/composition-rules", async (Guid id, CompositionRuleRequest r, IMediator m, CancellationToken ct) =>
                Results.Created((string?)null, await m.Send(new AddCompositionRuleCommand(id, r), ct)))
            .RequirePermission(PManage).WithName("AddCompositionRule");
        councils.MapPost("/{id:guid}/composition-rules/templates/{template}", async (Guid id, string template, IMediator m, CancellationToken ct) =>
                Results.Created((string?)null, await m.Send(new AddRuleTemplateCommand(id, template), ct)))
            .RequirePermission(PManage).WithName("AddCompositionRuleTemplate");
        councils.MapDelete("/{id:guid}/composition-rules/{ruleId:guid}", async (Guid id, Guid ruleId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteCompositionRuleCommand(id, ruleId), ct);
                return Results.NoContent();
            })
            .RequirePermission(PManage).WithName("DeleteCompositionRule");
        councils.MapGet("/{id:guid}/composition", async (Guid id, DateOnly? date, IMediator m, CancellationToken ct) => await m.Send(new GetCompositionQuery(id, date), ct))
            .RequirePermission(P).WithName("GetComposition");
        councils.MapGet("/{id:guid}/diversity", async (Guid id, IMediator m, CancellationToken ct) => await m.Send(new GetDiversityQuery(id), ct))
            .RequirePermission(P).WithName("GetDiversity");
        councils.MapGet("/{id:guid}/influence", async (Guid id, IMediator m, CancellationToken ct) => await m.Send(new GetCouncilInfluenceQuery(id), ct))
            .RequirePermission(PDecisions).WithName("GetCouncilInfluence");

        councils.MapPost("/{id:guid}/meetings", async (Guid id, MeetingRequest r, IMediator m, CancellationToken ct) =>
                Results.Created((string?)null, await m.Send(new CreateMeetingCommand(id, r), ct)))
            .RequirePermission(PMeetings).WithName("CreateMeeting");
        councils.MapGet("/{id:guid}/meetings", async (Guid id, [AsParameters] PageRequest page, IMediator m, CancellationToken ct) =>
                await m.Send(new GetMeetingsQuery(id, page), ct))
            .RequirePermission(P).WithName("GetMeetings");
        councils.MapGet("/{id:guid}/meetings/{meetingId:guid}", async (Guid id, Guid meetingId, IMediator m, CancellationToken ct) =>
                await m.Send(new GetMeetingQuery(id, meetingId), ct))
            .RequirePermission(P).WithName("GetMeeting");
        councils.MapPut("/{id:guid}/meetings/{meetingId:guid}/agenda", async (Guid id, Guid meetingId, IReadOnlyList<AgendaItemRequest> r, IMediator m, CancellationToken ct) =>
                await m.Send(new UpdateAgendaCommand(id, meetingId, r), ct))
            .RequirePermission(PMeetings).WithName("UpdateAgenda");
        councils.MapPut("/{id:guid}/meetings/{meetingId:guid}/attendance", async (Guid id, Guid meetingId, IReadOnlyList<AttendanceEntry> r, IMediator m, CancellationToken ct) =>
                await m.Send(new RecordAttendanceCommand(id, meetingId, r), ct))
            .RequirePermission(PMeetings).WithName("RecordAttendance");
        councils.MapPost("/{id:guid}/meetings/{meetingId:guid}/access-supports", async (Guid id, Guid meetingId, AccessSupportRequest r, IMediator m, CancellationToken ct) =>
                Results.Created((string?)null, await m.Send(new RequestSupportCommand(id, meetingId, r), ct)))
            .RequirePermission(P).WithName("RequestAccessSupport");
        councils.MapPut("/{id:guid}/meetings/{meetingId:guid}/access-supports/{supportId:guid}", async (Guid id, Guid meetingId, Guid supportId, SupportStatusRequest r, IMediator m, CancellationToken ct) =>
                await m.Send(new SetSupportStatusCommand(id, meetingId, supportId, r.Status), ct))
            .RequirePermission(PMeetings).WithName("SetAccessSupportStatus");
    }

    private static void MapDecisions(RouteGroupBuilder decisions)
    {
        decisions.MapPost("/", async (CreateDecisionCommand c, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(c, ct);
                return Results.Created($"/api/governance/decisions/{created.Id}", created);
            })
            .RequirePermission(PDecide).WithName("CreateDecision");
        decisions.MapGet("/", async ([AsParameters] PageRequest page, Guid? councilId, DecisionState? state, bool? overdue, IMediator m, CancellationToken ct) =>
                await m.Send(new GetDecisionsQuery(page, councilId, state, overdue), ct))
            .RequirePermission(PDecisions).WithName("GetDecisions");
        decisions.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => await m.Send(new GetDecisionQuery(id), ct))
            .RequirePermission(PDecisions).WithName("GetDecision");

        decisions.MapPost("/{id:guid}/open-input", async (Guid id, IMediator m, CancellationToken ct) => await m.Send(new DecisionActionCommand(id, DecisionAction.OpenInput), ct))
            .RequirePermission(PDecide).WithName("OpenDecisionInput");
        decisions.MapPost("/{id:guid}/open-voting", async (Guid id, IMediator m, CancellationToken ct) => await m.Send(new DecisionActionCommand(id, DecisionAction.OpenVoting), ct))
            .RequirePermission(PDecide).WithName("OpenVoting");
        decisions.MapPost("/{id:guid}/close-voting", async (Guid id, IMediator m, CancellationToken ct) => (await m.Send(new CloseVotingCommand(id), ct))!)
            .RequirePermission(PDecide).WithName("CloseVoting");
        decisions.MapPost("/{id:guid}/close", async (Guid id, IMediator m, CancellationToken ct) => await m.Send(new DecisionActionCommand(id, DecisionAction.Close), ct))
            .RequirePermission(PDecide).WithName("CloseDecision");
        decisions.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawRequest r, IMediator m, CancellationToken ct) => await m.Send(new WithdrawDecisionCommand(id, r.Reason), ct))
            .RequirePermission(PDecide).WithName("WithdrawDecision");
        decisions.MapPost("/{id:guid}/implement", async (Guid id, ImplementRequest r, IMediator m, CancellationToken ct) =>
                await m.Send(new ImplementDecisionCommand(id, r.Note, r.ImplementedOn), ct))
            .RequirePermission(PDecide).WithName("ImplementDecision");
        decisions.MapPost("/{id:guid}/recusals", async (Guid id, RecusalRequest r, IMediator m, CancellationToken ct) => await m.Send(new RecuseCommand(id, r.UserId, r.Reason), ct))
            .RequirePermission(PDecide).WithName("RecordRecusal");

        decisions.MapPost("/{id:guid}/inputs", async (Guid id, InputRequest r, IMediator m, CancellationToken ct) =>
                Results.Created((string?)null, await m.Send(new AddInputCommand(id, r.Text), ct)))
            .RequirePermission(PTakePart).WithName("AddDecisionInput");
        decisions.MapPut("/{id:guid}/inputs/{inputId:guid}/spam", async (Guid id, Guid inputId, SpamRequest r, IMediator m, CancellationToken ct) =>
                await m.Send(new MarkInputSpamCommand(id, inputId, r.Spam), ct))
            .RequirePermission(PDecide).WithName("MarkDecisionInputSpam");
        decisions.MapGet("/{id:guid}/inputs", async (Guid id, IMediator m, CancellationToken ct) => await m.Send(new GetInputsQuery(id), ct))
            .RequirePermission(PDecisions).WithName("GetDecisionInputs");

        decisions.MapPut("/{id:guid}/my-vote", async (Guid id, VoteRequest r, IMediator m, CancellationToken ct) =>
                await m.Send(new CastVoteCommand(id, r.Choice, r.Choices, r.Ranking), ct))
            .RequirePermission(PTakePart).WithName("CastVote");
        decisions.MapGet("/{id:guid}/my-vote", async (Guid id, IMediator m, CancellationToken ct) => await m.Send(new GetMyVoteQuery(id), ct))
            .RequirePermission(PTakePart).WithName("GetMyVote");
        decisions.MapGet("/{id:guid}/tally", async (Guid id, bool? recount, IMediator m, CancellationToken ct) => await m.Send(new GetTallyQuery(id, recount ?? false), ct))
            .RequirePermission(PDecisions).WithName("GetTally");
        decisions.MapGet("/{id:guid}/votes", async (Guid id, IMediator m, CancellationToken ct) => await m.Send(new GetVotesQuery(id), ct))
            .RequirePermission(PDecisions).WithName("GetOpenBallotVotes");
        decisions.MapPost("/{id:guid}/record", async (Guid id, RecordRequest r, IMediator m, CancellationToken ct) =>
                await m.Send(new RecordDecisionCommand(id, r.Outcome, r.Rationale, r.InputUses), ct))
            .RequirePermission(PDecide).WithName("RecordDecision");
    }
}
