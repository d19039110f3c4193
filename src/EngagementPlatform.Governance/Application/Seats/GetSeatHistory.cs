using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Seats;

public sealed record GetSeatHistoryQuery(Guid CouncilId, Guid SeatId, PageRequest Page) : IQuery<PagedResult<AssignmentDto>>;

/// <summary>
/// A seat's terms, in three statements whatever the page size: whether the council and the seat exist, the seat's
/// terms (a seat holds one person at a time, so its terms are few), and the holders' names from the user directory.
/// The default order is the term's start; sorting by <c>name</c> needs the names, which live in another module, so
/// the page is cut after they are known. The council aggregate is not loaded.
/// </summary>
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
        var council = await db.Councils.AsNoTracking().Where(c => c.Id == query.CouncilId)
                          .Select(c => new { SeatExists = db.Seats.Any(s => s.Id == query.SeatId && s.CouncilId == c.Id) })
                          .FirstOrDefaultAsync(cancellationToken)
                      ?? throw new EntityNotFoundException(nameof(Council), query.CouncilId);
        if (!council.SeatExists)
        {
            throw new EntityNotFoundException(nameof(Seat), query.SeatId);
        }

        var terms = await db.SeatAssignments.AsNoTracking().Where(a => a.SeatId == query.SeatId)
            .OrderBy(a => a.TermStart).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.UserId, a.TermStart, a.TermEnd, a.EndedEarly })
            .ToListAsync(cancellationToken);
        var names = await users.FindAsync(terms.Select(a => a.UserId).Distinct().ToList(), cancellationToken);
        var all = terms
            .Select(a => new AssignmentDto(a.Id, a.UserId, names.GetValueOrDefault(a.UserId)?.Name ?? string.Empty, a.TermStart, a.TermEnd, a.EndedEarly))
            .AsQueryable()
            .OrderBySorting(query.Page.Sorting, Sorting, "termStart")
            .ToList();
        return new PagedResult<AssignmentDto>(all.Count, all.Skip(query.Page.Skip).Take(query.Page.Take).ToList());
    }
}
