using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Persistence;
using Mediator;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record GetDecisionQuery(Guid Id) : IQuery<DecisionDto>;

public sealed class GetDecisionHandler(IGovernanceDbContext db, IClock clock) : IQueryHandler<GetDecisionQuery, DecisionDto>
{
    public async ValueTask<DecisionDto> Handle(GetDecisionQuery query, CancellationToken cancellationToken)
        => await db.DecisionDtoAsync(await db.LoadDecisionAsync(query.Id, cancellationToken, tracking: false), clock.Now, cancellationToken);
}
