using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Domain.Meetings;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Meetings;

public sealed record GetMeetingsQuery(Guid CouncilId, PageRequest Page) : IQuery<PagedResult<MeetingDto>>;

/// <summary>
/// A council's meetings as every list is built (docs/adding-a-module.md, "Lists"), in a fixed number of statements
/// whatever the page size: the council's minimum cell size (which also proves the council exists), whether the reader
/// manages meetings, the count, the page's columns, the page's attendance, and the attendees' names from the user
/// directory. No meeting aggregate is loaded or tracked. The default order (latest first, then id) walks the index
/// <c>(tenant_id, council_id, starts_at DESC, id)</c>.
/// </summary>
public sealed class GetMeetingsHandler(IGovernanceDbContext db, IUserDirectory users, ICurrentUser currentUser, IPermissionChecker permissions)
    : IQueryHandler<GetMeetingsQuery, PagedResult<MeetingDto>>
{
    /// <summary>The fields a client may sort meetings by; the default is <c>startsAt desc</c> (latest first).</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<Meeting, object?>>> Sorting = new Dictionary<string, Expression<Func<Meeting, object?>>>
    {
        ["startsAt"] = m => m.StartsAt,
        ["title"] = m => m.Title,
    };

    public async ValueTask<PagedResult<MeetingDto>> Handle(GetMeetingsQuery query, CancellationToken cancellationToken)
    {
        var minimumCellSize = await db.Councils.AsNoTracking().Where(c => c.Id == query.CouncilId).Select(c => (int?)c.MinimumCellSize).FirstOrDefaultAsync(cancellationToken)
                              ?? throw new EntityNotFoundException("Council", query.CouncilId);
        var view = new SupportView(await permissions.IsGrantedAsync(GovernancePermissions.MeetingsManage, cancellationToken), currentUser.Id, minimumCellSize);

        var meetings = db.Meetings.AsNoTracking().Where(m => m.CouncilId == query.CouncilId);
        var total = await meetings.LongCountAsync(cancellationToken);
        var sorting = string.IsNullOrWhiteSpace(query.Page.Sorting) ? "startsAt desc" : query.Page.Sorting;
        var page = await meetings.OrderBySorting(sorting, Sorting, "startsAt").ThenBy(m => m.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(m => new MeetingRow(m.Id, m.CouncilId, m.Title, m.StartsAt, m.DurationMinutes, m.Location, m.Agenda, m.AccessSupports))
            .ToListAsync(cancellationToken);
        var ids = page.Select(m => m.Id).ToList();
        var attendance = (await db.AttendanceRecords.AsNoTracking().Where(a => ids.Contains(a.MeetingId))
                .Select(a => new { a.MeetingId, a.UserId, a.Attended })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.MeetingId, a => (a.UserId, a.Attended));
        var names = await users.FindAsync(attendance.SelectMany(g => g.Select(a => a.UserId)).Distinct().ToList(), cancellationToken);
        return new PagedResult<MeetingDto>(total, page.Select(m => MeetingReads.ToDto(m, attendance[m.Id], names, view)).ToList());
    }
}
