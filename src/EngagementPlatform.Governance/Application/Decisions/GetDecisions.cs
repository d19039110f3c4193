using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record GetDecisionsQuery(PageRequest Page, Guid? CouncilId, DecisionState? State, bool? Overdue) : IQuery<PagedResult<DecisionDto>>;

public sealed class GetDecisionsHandler(IGovernanceDbContext db, IClock clock) : IQueryHandler<GetDecisionsQuery, PagedResult<DecisionDto>>
{
    /// <summary>The fields a client may sort decisions by; the default is <c>creationTime desc</c> (newest first).</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<Decision, object?>>> Sorting = new Dictionary<string, Expression<Func<Decision, object?>>>
    {
        ["creationTime"] = d => d.CreationTime,
        ["title"] = d => d.Title,
        ["state"] = d => d.State,
        ["votingClosesAt"] = d => d.VotingClosesAt,
        ["closeTheLoopDueAt"] = d => d.CloseTheLoopDueAt,
    };

    public async ValueTask<PagedResult<DecisionDto>> Handle(GetDecisionsQuery query, CancellationToken cancellationToken)
    {
        var decisions = db.Decisions.AsNoTracking();
        if (query.CouncilId is { } councilId)
        {
            decisions = decisions.Where(d => d.CouncilId == councilId);
        }

        if (query.State is { } state)
        {
            decisions = decisions.Where(d => d.State == state);
        }

        if (query.Overdue == true)
        {
            var now = clock.Now;
            decisions = decisions.Where(d => d.State == DecisionState.Voting && d.RecordedAt == null && d.CloseTheLoopDueAt != null && d.CloseTheLoopDueAt < now);
        }

        var total = await decisions.LongCountAsync(cancellationToken);
        var sorting = string.IsNullOrWhiteSpace(query.Page.Sorting) ? "creationTime desc" : query.Page.Sorting;
        var page = await decisions.Include(d => d.Inputs).Include(d => d.Voters).AsSplitQuery()
            .OrderBySorting(sorting, Sorting, "creationTime").ThenBy(d => d.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .ToListAsync(cancellationToken);
        var ids = page.Select(d => d.Id).ToList();
        var cast = await db.BallotParticipations.Where(p => ids.Contains(p.DecisionId))
            .GroupBy(p => p.DecisionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return new PagedResult<DecisionDto>(total, page.Select(d => DecisionDto.From(d, cast.GetValueOrDefault(d.Id), clock.Now)).ToList());
    }
}
