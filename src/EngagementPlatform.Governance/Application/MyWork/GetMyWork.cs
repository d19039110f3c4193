using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Application.Influence;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Meetings;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.MyWork;

/// <summary>A decision waiting for this person: open for their input, or open for a vote they may cast.</summary>
public sealed record WaitingDecisionDto(
    Guid DecisionId,
    string Title,
    Guid CouncilId,
    string CouncilName,
    DecisionState State,
    DateTimeOffset? VotingClosesAt,
    bool HasVoted,
    int MyInputs);

/// <summary>An access support this person asked for (or staff asked for on their behalf).</summary>
public sealed record MySupportDto(AccessSupportKind Kind, string? Language, AccessSupportStatus Status);

public sealed record UpcomingMeetingDto(
    Guid MeetingId,
    Guid CouncilId,
    string CouncilName,
    string Title,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    string? Location,
    IReadOnlyList<MySupportDto> MySupports);

/// <summary>A recorded decision this person gave input to, with how each of their inputs was used.</summary>
public sealed record RecentOutcomeDto(
    Guid DecisionId,
    string Title,
    Guid CouncilId,
    string CouncilName,
    string? Outcome,
    DateTimeOffset RecordedAt,
    IReadOnlyList<MyInputDto> Inputs);

public sealed record OverdueDecisionDto(Guid DecisionId, string Title, Guid CouncilId, string CouncilName, DateTimeOffset CloseTheLoopDueAt);

/// <summary>A council whose make-up breaks at least one of its rules today; <c>Shortfall</c> is the seats missing over all rules.</summary>
public sealed record NonCompliantCouncilDto(Guid CouncilId, string Name, int RulesBroken, int Shortfall);

/// <summary>
/// What needs staff. Each list is null when the person may not act on it (deciding needs
/// <c>Governance.Decisions.Manage</c>, a council's make-up <c>Governance.Councils.Manage</c>).
/// </summary>
public sealed record StaffWorkDto(IReadOnlyList<OverdueDecisionDto>? OverdueDecisions, IReadOnlyList<NonCompliantCouncilDto>? NonCompliantCouncils);

/// <summary>
/// The signed-in person's start page: decisions waiting for their input or vote, their next meetings with the
/// supports they asked for, what came of their input lately, and, for staff, what needs them.
/// </summary>
public sealed record MyWorkDto(
    IReadOnlyList<WaitingDecisionDto> Decisions,
    IReadOnlyList<UpcomingMeetingDto> Meetings,
    IReadOnlyList<RecentOutcomeDto> Outcomes,
    StaffWorkDto? Staff);

public sealed record GetMyWorkQuery : IQuery<MyWorkDto>;

/// <summary>Read-only projections: no aggregate is tracked, and each list is one query.</summary>
public sealed class MyWorkHandler(IGovernanceDbContext db, IClock clock, ITenantCalendar calendar, ICurrentUser currentUser, IPermissionChecker permissions)
    : IQueryHandler<GetMyWorkQuery, MyWorkDto>
{
    public const int MeetingsShown = 5;
    public const int OutcomesShown = 5;
    public const int ListLimit = 20;

    public async ValueTask<MyWorkDto> Handle(GetMyWorkQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var now = clock.Now;
        var today = await calendar.TodayAsync(cancellationToken);
        var canTakePart = await permissions.IsGrantedAsync(GovernancePermissions.DecisionsParticipate, cancellationToken);
        var canSee = await permissions.IsGrantedAsync(GovernancePermissions.Decisions, cancellationToken);

        var decisions = canTakePart ? await WaitingAsync(me, now, cancellationToken) : [];
        var meetings = await MeetingsAsync(me, now, today, cancellationToken);
        var outcomes = canSee ? await OutcomesAsync(me, cancellationToken) : [];

        var manageDecisions = await permissions.IsGrantedAsync(GovernancePermissions.DecisionsManage, cancellationToken);
        var manageCouncils = await permissions.IsGrantedAsync(GovernancePermissions.CouncilsManage, cancellationToken);
        var staff = manageDecisions || manageCouncils
            ? new StaffWorkDto(
                manageDecisions ? await OverdueAsync(now, cancellationToken) : null,
                manageCouncils ? await NonCompliantAsync(today, cancellationToken) : null)
            : null;
        return new MyWorkDto(decisions, meetings, outcomes, staff);
    }

    private async Task<List<WaitingDecisionDto>> WaitingAsync(Guid me, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Open for input: anyone who takes part may comment. Voting: only the frozen electorate, while the vote is open.
        var rows = await db.Decisions.AsNoTracking()
            .Where(d => d.State == DecisionState.OpenForInput
                        || (d.State == DecisionState.Voting && d.VotingClosedAt == null && (d.VotingClosesAt == null || d.VotingClosesAt > now)
                            && d.Voters.Any(v => v.UserId == me)))
            .Join(db.Councils, d => d.CouncilId, c => c.Id, (d, c) => new
            {
                d.Id,
                d.Title,
                d.CouncilId,
                CouncilName = c.Name,
                d.State,
                d.VotingClosesAt,
                d.CreationTime,
                HasVoted = db.BallotParticipations.Any(p => p.DecisionId == d.Id && p.UserId == me),
                MyInputs = d.Inputs.Count(i => i.AuthorUserId == me),
            })
            .OrderBy(d => d.State == DecisionState.Voting ? 0 : 1)
            .ThenBy(d => d.VotingClosesAt == null)
            .ThenBy(d => d.VotingClosesAt)
            .ThenByDescending(d => d.CreationTime)
            .Take(ListLimit)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new WaitingDecisionDto(r.Id, r.Title, r.CouncilId, r.CouncilName, r.State, r.VotingClosesAt, r.HasVoted, r.MyInputs)).ToList();
    }

    private async Task<List<UpcomingMeetingDto>> MeetingsAsync(Guid me, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var myCouncils = db.SeatAssignments
            .Where(a => a.UserId == me && a.TermStart <= today && (a.TermEnd == null || a.TermEnd > today))
            .Join(db.Seats, a => a.SeatId, s => s.Id, (a, s) => s.CouncilId);

        // Meetings not yet over. Supports live in the meeting's JSON, so the ones asked for by this person are picked
        // out here; the meetings of their councils come first, a meeting elsewhere only when they asked for support.
        var rows = await db.Meetings.AsNoTracking()
            .Where(m => m.StartsAt > now.AddDays(-1))
            .Join(db.Councils, m => m.CouncilId, c => c.Id, (m, c) => new
            {
                m.Id,
                m.CouncilId,
                CouncilName = c.Name,
                m.Title,
                m.StartsAt,
                m.DurationMinutes,
                m.Location,
                m.AccessSupports,
                Mine = myCouncils.Contains(m.CouncilId),
            })
            .OrderBy(m => m.StartsAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        return rows
            .Where(m => m.StartsAt.AddMinutes(m.DurationMinutes) > now)
            .Select(m => new
            {
                Meeting = m,
                Supports = m.AccessSupports.Where(s => s.UserId == me).Select(s => new MySupportDto(s.Kind, s.Language, s.Status)).ToList(),
            })
            .Where(x => x.Meeting.Mine || x.Supports.Count > 0)
            .Take(MeetingsShown)
            .Select(x => new UpcomingMeetingDto(
                x.Meeting.Id, x.Meeting.CouncilId, x.Meeting.CouncilName, x.Meeting.Title, x.Meeting.StartsAt, x.Meeting.DurationMinutes, x.Meeting.Location, x.Supports))
            .ToList();
    }

    private async Task<List<RecentOutcomeDto>> OutcomesAsync(Guid me, CancellationToken cancellationToken)
    {
        var rows = await db.Decisions.AsNoTracking()
            .Where(d => d.RecordedAt != null && d.Inputs.Any(i => i.AuthorUserId == me))
            .Join(db.Councils, d => d.CouncilId, c => c.Id, (d, c) => new
            {
                d.Id,
                d.Title,
                d.CouncilId,
                CouncilName = c.Name,
                d.Outcome,
                RecordedAt = d.RecordedAt!.Value,
                Inputs = d.Inputs.Where(i => i.AuthorUserId == me).OrderBy(i => i.CreatedAt)
                    .Select(i => new MyInputDto(i.Id, i.Text, i.CreatedAt, i.Use, i.UseExplanation)).ToList(),
            })
            .OrderByDescending(d => d.RecordedAt)
            .Take(OutcomesShown)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RecentOutcomeDto(r.Id, r.Title, r.CouncilId, r.CouncilName, r.Outcome, r.RecordedAt, r.Inputs)).ToList();
    }

    private async Task<List<OverdueDecisionDto>> OverdueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Decisions.AsNoTracking()
            .Where(d => d.State == DecisionState.Voting && d.RecordedAt == null && d.CloseTheLoopDueAt != null && d.CloseTheLoopDueAt < now)
            .Join(db.Councils, d => d.CouncilId, c => c.Id, (d, c) => new { d.Id, d.Title, d.CouncilId, CouncilName = c.Name, DueAt = d.CloseTheLoopDueAt!.Value })
            .OrderBy(d => d.DueAt)
            .Take(ListLimit)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OverdueDecisionDto(r.Id, r.Title, r.CouncilId, r.CouncilName, r.DueAt)).ToList();
    }

    private async Task<List<NonCompliantCouncilDto>> NonCompliantAsync(DateOnly today, CancellationToken cancellationToken)
    {
        // Compliance is the domain's calculation over seats, terms and rules; the councils are read untracked.
        var councils = await db.Councils.AsNoTracking()
            .Where(c => c.Rules.Any())
            .Include(c => c.Seats).ThenInclude(s => s.Assignments)
            .Include(c => c.Rules)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return councils
            .Select(c => (Council: c, Compliance: c.ComplianceOn(today)))
            .Where(x => !x.Compliance.Compliant)
            .Select(x => new NonCompliantCouncilDto(
                x.Council.Id,
                x.Council.Name,
                x.Compliance.Rules.Count(r => r.InEffect && !r.Compliant),
                x.Compliance.Rules.Where(r => r.InEffect && !r.Compliant).Sum(r => r.Shortfall)))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .Take(ListLimit)
            .ToList();
    }
}
