using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Influence;

/// <summary>The decisions the signed-in person gave input to, and what became of each input.</summary>
public sealed record GetMyInfluenceQuery(PageRequest Page) : IQuery<PagedResult<MyDecisionInfluenceDto>>;

/// <summary>
/// Built as every list is (docs/adding-a-module.md, "Lists"), in three statements whatever the page size: the count,
/// the page's decision columns, and the reader's own inputs to the page's decisions (found through the index
/// <c>(tenant_id, author_user_id)</c>). No decision aggregate is loaded, and no one else's input is read.
/// </summary>
public sealed class GetMyInfluenceHandler(IGovernanceDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMyInfluenceQuery, PagedResult<MyDecisionInfluenceDto>>
{
    /// <summary>The fields a client may sort by; the default is <c>creationTime desc</c> (newest decision first).</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<Decision, object?>>> Sorting = new Dictionary<string, Expression<Func<Decision, object?>>>
    {
        ["creationTime"] = d => d.CreationTime,
        ["title"] = d => d.Title,
        ["recordedAt"] = d => d.RecordedAt,
    };

    public async ValueTask<PagedResult<MyDecisionInfluenceDto>> Handle(GetMyInfluenceQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var mineQuery = db.Decisions.AsNoTracking().Where(d => d.Inputs.Any(i => i.AuthorUserId == me));
        var total = await mineQuery.LongCountAsync(cancellationToken);
        var sorting = string.IsNullOrWhiteSpace(query.Page.Sorting) ? "creationTime desc" : query.Page.Sorting;
        var decisions = await mineQuery
            .OrderBySorting(sorting, Sorting, "creationTime").ThenBy(d => d.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(d => new { d.Id, d.Title, d.CouncilId, d.State, d.Outcome })
            .ToListAsync(cancellationToken);
        var ids = decisions.Select(d => d.Id).ToList();
        var inputs = (await db.DecisionInputs.AsNoTracking()
                .Where(i => i.AuthorUserId == me && ids.Contains(i.DecisionId))
                .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
                .Select(i => new { i.DecisionId, Input = new MyInputDto(i.Id, i.Text, i.CreatedAt, i.Use, i.UseExplanation) })
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.DecisionId, i => i.Input);
        return new PagedResult<MyDecisionInfluenceDto>(total, decisions.Select(d =>
        {
            var mine = inputs[d.Id].ToList();
            return new MyDecisionInfluenceDto(d.Id, d.Title, d.CouncilId, d.State, mine.Any(i => InfluenceMeasure.Influential.Contains(i.Use)), d.Outcome, mine);
        }).ToList());
    }
}
