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
        if (!await db.Councils.AnyAsync(c => c.Id == query.CouncilId, cancellationToken))
        {
            throw new EntityNotFoundException("Council", query.CouncilId);
        }

        var meetings = db.Meetings.AsNoTracking().Where(m => m.CouncilId == query.CouncilId);
        var total = await meetings.LongCountAsync(cancellationToken);
        var sorting = string.IsNullOrWhiteSpace(query.Page.Sorting) ? "startsAt desc" : query.Page.Sorting;
        var page = await meetings.Include(m => m.Attendance).OrderBySorting(sorting, Sorting, "startsAt").ThenBy(m => m.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take).ToListAsync(cancellationToken);
        var names = await users.FindAsync(page.SelectMany(m => m.Attendance.Select(a => a.UserId)).Distinct().ToList(), cancellationToken);
        var view = await db.SupportViewAsync(query.CouncilId, permissions, currentUser, cancellationToken);
        return new PagedResult<MeetingDto>(total, page.Select(m => MeetingReads.ToDto(m, names, view)).ToList());
    }
}
