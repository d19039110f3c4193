using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record GetDecisionsQuery(PageRequest Page, Guid? CouncilId, DecisionState? State, bool? Overdue) : IQuery<PagedResult<DecisionSummaryDto>>;

/// <summary>
/// The decisions list, as every list is built (docs/adding-a-module.md, "Lists"): two statements whatever the page
/// size, the count and the page, the page a projection of the columns the summary shows with its three counts as
/// correlated subqueries. No aggregate is loaded or tracked, no child collection and no secret column is read.
/// The default order (newest first) walks the index <c>(tenant_id, creation_time DESC, id)</c>.
/// </summary>
public sealed class GetDecisionsHandler(IGovernanceDbContext db, IClock clock) : IQueryHandler<GetDecisionsQuery, PagedResult<DecisionSummaryDto>>
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

    public async ValueTask<PagedResult<DecisionSummaryDto>> Handle(GetDecisionsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.Now;
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
            decisions = decisions.Where(d => d.State == DecisionState.Voting && d.RecordedAt == null && d.CloseTheLoopDueAt != null && d.CloseTheLoopDueAt < now);
        }

        var sorting = string.IsNullOrWhiteSpace(query.Page.Sorting) ? "creationTime desc" : query.Page.Sorting;
        // The unfiltered list (what the list page opens with) runs as compiled queries, one per sort key and
        // direction: about a third fewer bytes allocated per request than composing it each time (docs/benchmarks.md).
        if (query.CouncilId is null && query.State is null && query.Overdue != true && db is DbContext context && CompiledPages.Find(sorting) is { } key)
        {
            var count = await CountAll(context, cancellationToken);
            var page = new List<DecisionSummaryDto>(query.Page.Take);
            await foreach (var item in key(context, query.Page.Skip, query.Page.Take, now).WithCancellation(cancellationToken))
            {
                page.Add(item);
            }

            return new PagedResult<DecisionSummaryDto>(count, page);
        }

        var total = await decisions.LongCountAsync(cancellationToken);
        var rows = await decisions
            .OrderBySorting(sorting, Sorting, "creationTime").ThenBy(d => d.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(Summary(db.EligibleVoters, db.BallotParticipations, db.DecisionInputs, now))
            .ToListAsync(cancellationToken);
        return new PagedResult<DecisionSummaryDto>(total, rows);
    }

    private static readonly Func<DbContext, CancellationToken, Task<long>> CountAll =
        EF.CompileAsyncQuery((DbContext c, CancellationToken ct) => c.Set<Decision>().AsNoTracking().LongCount());

    /// <summary>
    /// The summary straight from the query (no intermediate row per item): the two flags are computed from columns in
    /// the final projection. <see cref="CompiledPages"/> holds the same projection for the compiled queries, where the
    /// sets come from the context parameter instead.
    /// </summary>
    private static Expression<Func<Decision, DecisionSummaryDto>> Summary(
        IQueryable<EligibleVoter> voters, IQueryable<BallotParticipation> participations, IQueryable<DecisionInput> inputs, DateTimeOffset now)
        => d => new DecisionSummaryDto(
            d.Id, d.CouncilId, d.Title, d.Method, d.SecretBallot, d.AllowPublicInput, d.State,
            Decision.VotingOpen(d.State, d.VotingClosedAt, d.VotingClosesAt, now), d.VotingClosesAt, d.CloseTheLoopDueAt,
            Decision.Overdue(d.State, d.RecordedAt, d.CloseTheLoopDueAt, now), d.RecordedAt,
            voters.Count(v => v.DecisionId == d.Id),
            participations.Count(p => p.DecisionId == d.Id),
            inputs.Count(i => i.DecisionId == d.Id),
            d.CreationTime);

    /// <summary>The page of the unfiltered list as a compiled query per allowed sort key and direction.</summary>
    private static class CompiledPages
    {
        // Before Pages: static fields initialise in the order they are written.
        private static readonly Expression<Func<DbContext, DateTimeOffset, Decision, DecisionSummaryDto>> Projection = (c, now, d) => new DecisionSummaryDto(
            d.Id, d.CouncilId, d.Title, d.Method, d.SecretBallot, d.AllowPublicInput, d.State,
            Decision.VotingOpen(d.State, d.VotingClosedAt, d.VotingClosesAt, now), d.VotingClosesAt, d.CloseTheLoopDueAt,
            Decision.Overdue(d.State, d.RecordedAt, d.CloseTheLoopDueAt, now), d.RecordedAt,
            c.Set<EligibleVoter>().Count(v => v.DecisionId == d.Id),
            c.Set<BallotParticipation>().Count(p => p.DecisionId == d.Id),
            c.Set<DecisionInput>().Count(i => i.DecisionId == d.Id),
            d.CreationTime);

        private static readonly Dictionary<string, Func<DbContext, int, int, DateTimeOffset, IAsyncEnumerable<DecisionSummaryDto>>> Pages = Build();

        public static Func<DbContext, int, int, DateTimeOffset, IAsyncEnumerable<DecisionSummaryDto>>? Find(string sorting)
        {
            var parts = sorting.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = parts[0] + " " + (parts.Length > 1 ? parts[1] : "asc");
            return parts.Length <= 2 && Pages.TryGetValue(name, out var page) ? page : null;
        }

        private static Dictionary<string, Func<DbContext, int, int, DateTimeOffset, IAsyncEnumerable<DecisionSummaryDto>>> Build()
        {
            var pages = new Dictionary<string, Func<DbContext, int, int, DateTimeOffset, IAsyncEnumerable<DecisionSummaryDto>>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, key) in Sorting)
            {
                pages[name + " asc"] = Compile(key, descending: false);
                pages[name + " desc"] = Compile(key, descending: true);
            }

            return pages;
        }

        private static Func<DbContext, int, int, DateTimeOffset, IAsyncEnumerable<DecisionSummaryDto>> Compile(Expression<Func<Decision, object?>> key, bool descending)
        {
            var c = Projection.Parameters[0];
            var now = Projection.Parameters[1];
            var skip = Expression.Parameter(typeof(int), "skip");
            var take = Expression.Parameter(typeof(int), "take");
            Expression<Func<DbContext, IQueryable<Decision>>> source = x => x.Set<Decision>().AsNoTracking();
            Expression query = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(source.Parameters[0], c, source.Body);
            query = Expression.Call(typeof(Queryable), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy), [typeof(Decision), typeof(object)], query, Expression.Quote(key));
            Expression<Func<Decision, Guid>> byId = d => d.Id;
            query = Expression.Call(typeof(Queryable), nameof(Queryable.ThenBy), [typeof(Decision), typeof(Guid)], query, Expression.Quote(byId));
            query = Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(Decision)], query, skip);
            query = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Decision)], query, take);
            var selector = Expression.Lambda<Func<Decision, DecisionSummaryDto>>(Projection.Body, Projection.Parameters[2]);
            query = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Decision), typeof(DecisionSummaryDto)], query, Expression.Quote(selector));
            var lambda = Expression.Lambda<Func<DbContext, int, int, DateTimeOffset, IQueryable<DecisionSummaryDto>>>(query, c, skip, take, now);
            return EF.CompileAsyncQuery(lambda);
        }
    }
}
