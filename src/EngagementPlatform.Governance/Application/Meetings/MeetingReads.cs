using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Domain.Meetings;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Meetings;

/// <summary>
/// Who sees which access-support requests: the meeting's managers see all of them, everyone else only their own.
/// Everyone sees how many of each kind were asked for, with counts under the council's minimum cell size withheld,
/// so a lone request for childcare cannot be traced back to a person.
/// </summary>
internal sealed record SupportView(bool SeesAll, Guid? Me, int MinimumCellSize);

/// <summary>The columns of a meeting the API shows.</summary>
internal sealed record MeetingRow(
    Guid Id, Guid CouncilId, string Title, DateTimeOffset StartsAt, int DurationMinutes, string? Location, List<AgendaItem> Agenda, List<AccessSupport> AccessSupports);

/// <summary>Loading and showing meetings, shared by the meeting use cases.</summary>
internal static class MeetingReads
{
    public static async Task<Meeting> LoadMeetingAsync(this IGovernanceDbContext db, Guid councilId, Guid meetingId, CancellationToken cancellationToken)
        => await db.Meetings.Include(m => m.Attendance).FirstOrDefaultAsync(m => m.Id == meetingId && m.CouncilId == councilId, cancellationToken)
           ?? throw new EntityNotFoundException(nameof(Meeting), meetingId);

    public static async Task<SupportView> SupportViewAsync(
        this IGovernanceDbContext db, Guid councilId, IPermissionChecker permissions, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var seesAll = await permissions.IsGrantedAsync(GovernancePermissions.MeetingsManage, cancellationToken);
        var min = await db.Councils.AsNoTracking().Where(c => c.Id == councilId).Select(c => (int?)c.MinimumCellSize).FirstOrDefaultAsync(cancellationToken);
        return new SupportView(seesAll, currentUser.Id, min ?? 5);
    }

    public static async Task<MeetingDto> MeetingDtoAsync(
        this IGovernanceDbContext db, Meeting meeting, IUserDirectory users, IPermissionChecker permissions, ICurrentUser currentUser, CancellationToken cancellationToken)
        => ToDto(
            meeting,
            await users.FindAsync(meeting.Attendance.Select(a => a.UserId).ToList(), cancellationToken),
            await db.SupportViewAsync(meeting.CouncilId, permissions, currentUser, cancellationToken));

    public static MeetingDto ToDto(Meeting m, IReadOnlyDictionary<Guid, UserInfo> names, SupportView view)
        => ToDto(new MeetingRow(m.Id, m.CouncilId, m.Title, m.StartsAt, m.DurationMinutes, m.Location, m.Agenda, m.AccessSupports), m.Attendance.Select(a => (a.UserId, a.Attended)), names, view);

    /// <summary>A meeting as the API shows it, from its columns and its attendance (the list reads both without loading the aggregate).</summary>
    public static MeetingDto ToDto(MeetingRow m, IEnumerable<(Guid UserId, bool Attended)> attendance, IReadOnlyDictionary<Guid, UserInfo> names, SupportView view) => new(
        m.Id, m.CouncilId, m.Title, m.StartsAt, m.DurationMinutes, m.Location, m.Agenda,
        m.AccessSupports.Where(s => view.SeesAll || (s.UserId is not null && s.UserId == view.Me)).Select(AccessSupportDto.From).ToList(),
        attendance.Select(a => new AttendanceDto(a.UserId, names.GetValueOrDefault(a.UserId)?.Name ?? string.Empty, a.Attended))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList(),
        Domain.Diversity.SmallCellSuppression.Suppress(
            m.AccessSupports.GroupBy(s => s.Kind.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            view.MinimumCellSize));

    /// <summary>An agenda from the request; every decision it names must exist here.</summary>
    public static async Task<List<AgendaItem>> AgendaAsync(this IGovernanceDbContext db, IReadOnlyList<AgendaItemRequest> items, CancellationToken cancellationToken)
    {
        var decisionIds = items.Where(i => i.DecisionId is not null).Select(i => i.DecisionId!.Value).Distinct().ToList();
        var found = await db.Decisions.Where(d => decisionIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        var missing = decisionIds.Except(found).ToList();
        if (missing.Count > 0)
        {
            throw new FieldValidationException(FrameworkErrorCodes.Validation, new Dictionary<string, string[]>
            {
                ["agenda"] = missing.Select(id => $"There is no decision {id}.").ToArray(),
            });
        }

        return items.Select(i => new AgendaItem(Guid.CreateVersion7(), i.Title.Trim(), i.Notes?.Trim(), i.DecisionId)).ToList();
    }

    public static void AgendaRules(InlineValidator<AgendaItemRequest> item)
    {
        item.RuleFor(i => i.Title).NotEmpty().MaximumLength(300);
        item.RuleFor(i => i.Notes).MaximumLength(4000);
    }
}
