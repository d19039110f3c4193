using System.Text.Json;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Domain.Voting;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Voting;

/// <summary>The tally frozen at the close, or with <c>recount</c> a fresh count of the stored ballots.</summary>
public sealed record GetTallyQuery(Guid DecisionId, bool Recount) : IQuery<Tally>;

public sealed class GetTallyHandler(IGovernanceDbContext db) : IQueryHandler<GetTallyQuery, Tally>
{
    public async ValueTask<Tally> Handle(GetTallyQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().Include(d => d.Voters).FirstOrDefaultAsync(d => d.Id == query.DecisionId, cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), query.DecisionId);
        if (decision.VotingClosedAt is null || decision.TallyJson is null)
        {
            throw new StateConflictException(GovernanceErrorCodes.TallyNotAvailable);
        }

        return query.Recount ? await db.CountAsync(decision, cancellationToken) : JsonSerializer.Deserialize<Tally>(decision.TallyJson, Ballots.Json)!;
    }
}
