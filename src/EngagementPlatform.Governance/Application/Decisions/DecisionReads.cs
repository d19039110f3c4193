using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Decisions;

internal static class DecisionReads
{
    /// <summary>The decision as the API shows it, with the number of ballots cast so far.</summary>
    public static async Task<DecisionDto> DecisionDtoAsync(this IGovernanceDbContext db, Decision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cast = await db.BallotParticipations.CountAsync(p => p.DecisionId == decision.Id, cancellationToken);
        return DecisionDto.From(decision, cast, now);
    }
}
