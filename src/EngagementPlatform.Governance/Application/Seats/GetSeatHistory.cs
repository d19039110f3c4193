using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using Mediator;

namespace EngagementPlatform.Governance.Application.Seats;

public sealed record GetSeatHistoryQuery(Guid CouncilId, Guid SeatId, PageRequest Page) : IQuery<PagedResult<AssignmentDto>>;

public sealed class GetSeatHistoryHandler(IGovernanceDbContext db, IUserDirectory users) : IQueryHandler<GetSeatHistoryQuery, PagedResult<AssignmentDto>>
{
    /// <summary>The fields a client may sort a seat's terms by; the default is <c>termStart</c> (oldest first).</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<AssignmentDto, object?>>> Sorting = new Dictionary<string, Expression<Func<AssignmentDto, object?>>>
    {
        ["termStart"] = a => a.TermStart,
        ["termEnd"] = a => a.TermEnd,
        ["name"] = a => a.Name,
    };

    public async ValueTask<PagedResult<AssignmentDto>> Handle(GetSeatHistoryQuery query, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(query.CouncilId, cancellationToken, tracking: false);
        var seat = council.FindSeat(query.SeatId);
        var names = await users.FindAsync(seat.Assignments.Select(a => a.UserId).ToList(), cancellationToken);
        var all = seat.Assignments
            .Select(a => new AssignmentDto(a.Id, a.UserId, names.GetValueOrDefault(a.UserId)?.Name ?? string.Empty, a.TermStart, a.TermEnd, a.EndedEarly))
            .AsQueryable()
            .OrderBySorting(query.Page.Sorting, Sorting, "termStart")
            .ToList();
        return new PagedResult<AssignmentDto>(all.Count, all.Skip(query.Page.Skip).Take(query.Page.Take).ToList());
    }
}
