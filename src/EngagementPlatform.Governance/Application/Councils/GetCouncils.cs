using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain.Composition;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Councils;

public sealed record GetCouncilsQuery(PageRequest Page) : IQuery<PagedResult<CouncilSummaryDto>>;

/// <summary>
/// The councils list as every list is built (docs/adding-a-module.md, "Lists"), in four statements whatever the page
/// size: the count; the page's names and descriptions; the page's seats as snapshots (category, voting, role, and
/// whether someone holds the seat today, an <c>EXISTS</c> on the assignments in SQL); and the page's composition
/// rules, which the domain's compliance calculation needs. No council aggregate is loaded or tracked and no assignment
/// row is read. A partnership holds few councils (the plan limits them), so the table needs no list index.
/// </summary>
public sealed class GetCouncilsHandler(IGovernanceDbContext db, ITenantCalendar calendar) : IQueryHandler<GetCouncilsQuery, PagedResult<CouncilSummaryDto>>
{
    /// <summary>The fields a client may sort the list by (<c>sorting=name desc</c>); the default is <c>name</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<Council, object?>>> Sorting = new Dictionary<string, Expression<Func<Council, object?>>>
    {
        ["name"] = c => c.Name,
        ["creationTime"] = c => c.CreationTime,
    };

    public async ValueTask<PagedResult<CouncilSummaryDto>> Handle(GetCouncilsQuery query, CancellationToken cancellationToken)
    {
        var total = await db.Councils.LongCountAsync(cancellationToken);
        var councils = await db.Councils.AsNoTracking()
            .OrderBySorting(query.Page.Sorting, Sorting, "name").ThenBy(c => c.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(c => new { c.Id, c.Name, c.Description })
            .ToListAsync(cancellationToken);
        var ids = councils.Select(c => c.Id).ToList();
        var today = await calendar.TodayAsync(cancellationToken);
        var activeToday = SeatAssignment.ActiveOn(today);
        var seats = (await db.Seats.AsNoTracking()
                .Where(s => ids.Contains(s.CouncilId))
                .Select(s => new
                {
                    s.CouncilId,
                    Snapshot = new SeatSnapshot(s.Id, s.Category, s.IsVoting, s.Role, s.Assignments.AsQueryable().Any(activeToday)),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.CouncilId, s => s.Snapshot);
        var rules = (await db.CompositionRules.AsNoTracking().Where(r => ids.Contains(r.CouncilId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.CouncilId, r => r.On(today));
        var items = councils.Select(c =>
        {
            var councilSeats = seats[c.Id].ToList();
            var compliance = ComplianceCalculator.Evaluate(councilSeats, rules[c.Id].ToList());
            return new CouncilSummaryDto(
                c.Id, c.Name, c.Description, councilSeats.Count, councilSeats.Count(s => s.IsVoting), councilSeats.Count(s => !s.IsFilled), compliance.Compliant);
        }).ToList();
        return new PagedResult<CouncilSummaryDto>(total, items);
    }
}
