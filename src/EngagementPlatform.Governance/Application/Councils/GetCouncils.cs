using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Councils;

public sealed record GetCouncilsQuery(PageRequest Page) : IQuery<PagedResult<CouncilSummaryDto>>;

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
            .Include(c => c.Seats).ThenInclude(s => s.Assignments).Include(c => c.Rules).AsSplitQuery()
            .OrderBySorting(query.Page.Sorting, Sorting, "name").ThenBy(c => c.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .ToListAsync(cancellationToken);
        var today = await calendar.TodayAsync(cancellationToken);
        var items = councils.Select(c =>
        {
            var seats = c.SeatsOn(today);
            return new CouncilSummaryDto(c.Id, c.Name, c.Description, seats.Count, seats.Count(s => s.IsVoting), seats.Count(s => !s.IsFilled), c.ComplianceOn(today).Compliant);
        }).ToList();
        return new PagedResult<CouncilSummaryDto>(total, items);
    }
}
