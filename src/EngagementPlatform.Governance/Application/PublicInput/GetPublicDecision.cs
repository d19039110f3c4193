using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.PublicInput;

public sealed record GetPublicDecisionQuery(string Token) : IQuery<PublicDecisionDto>;

public sealed class GetPublicDecisionHandler(IGovernanceDbContext db) : IQueryHandler<GetPublicDecisionQuery, PublicDecisionDto>
{
    public async ValueTask<PublicDecisionDto> Handle(GetPublicDecisionQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.PublicInputToken == query.Token && d.AllowPublicInput, cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), query.Token);
        var council = await db.Councils.AsNoTracking().Where(c => c.Id == decision.CouncilId).Select(c => c.Name).FirstAsync(cancellationToken);
        return new PublicDecisionDto(
            decision.Title, decision.Description, council, decision.State, decision.State == DecisionState.OpenForInput,
            decision.Outcome, decision.Rationale, decision.RecordedAt);
    }
}
