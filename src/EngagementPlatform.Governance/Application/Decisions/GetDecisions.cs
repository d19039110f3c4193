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

        var total = await decisions.LongCountAsync(cancellationToken);
        var sorting = string.IsNullOrWhiteSpace(query.Page.Sorting) ? "creationTime desc" : query.Page.Sorting;
        var rows = await decisions
            .OrderBySorting(sorting, Sorting, "creationTime").ThenBy(d => d.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(d => new Row(
                d.Id, d.CouncilId, d.Title, d.Method, d.SecretBallot, d.AllowPublicInput, d.State, d.VotingClosesAt, d.VotingClosedAt,
                d.CloseTheLoopDueAt, d.RecordedAt,
                db.EligibleVoters.Count(v => v.DecisionId == d.Id),
                db.BallotParticipations.Count(p => p.DecisionId == d.Id),
                db.DecisionInputs.Count(i => i.DecisionId == d.Id),
                d.CreationTime))
            .ToListAsync(cancellationToken);
        return new PagedResult<DecisionSummaryDto>(total, rows.Select(r => new DecisionSummaryDto(
            r.Id, r.CouncilId, r.Title, r.Method, r.SecretBallot, r.AllowPublicInput, r.State,
            Decision.VotingOpen(r.State, r.VotingClosedAt, r.VotingClosesAt, now), r.VotingClosesAt, r.CloseTheLoopDueAt,
            Decision.Overdue(r.State, r.RecordedAt, r.CloseTheLoopDueAt, now), r.RecordedAt,
            r.EligibleVoters, r.VotesCast, r.InputCount, r.CreationTime)).ToList());
    }

    private sealed record Row(
        Guid Id,
        Guid CouncilId,
        string Title,
        VotingMethod Method,
        bool SecretBallot,
        bool AllowPublicInput,
        DecisionState State,
        DateTimeOffset? VotingClosesAt,
        DateTimeOffset? VotingClosedAt,
        DateTimeOffset? CloseTheLoopDueAt,
        DateTimeOffset? RecordedAt,
        int EligibleVoters,
        int VotesCast,
        int InputCount,
        DateTimeOffset CreationTime);
}
