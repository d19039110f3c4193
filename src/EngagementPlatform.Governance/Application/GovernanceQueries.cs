using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application;

/// <summary>Loading helpers shared by the handlers, so every feature reads aggregates the same way.</summary>
internal static class GovernanceQueries
{
    public static async Task<Council> LoadCouncilAsync(this IGovernanceDbContext db, Guid id, CancellationToken cancellationToken, bool tracking = true)
    {
        var query = db.Councils.Include(c => c.Seats).ThenInclude(s => s.Assignments).Include(c => c.Rules).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
               ?? throw new EntityNotFoundException(nameof(Council), id);
    }

    public static async Task<Decision> LoadDecisionAsync(this IGovernanceDbContext db, Guid id, CancellationToken cancellationToken, bool tracking = true)
    {
        var query = db.Decisions.Include(d => d.Inputs).Include(d => d.Voters).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
               ?? throw new EntityNotFoundException(nameof(Decision), id);
    }

    /// <summary>
    /// Takes the decision's exclusive row lock for the rest of the transaction (closing, withdrawal, public input).
    /// Votes take the shared <c>FOR KEY SHARE</c> lock in their conditional write (<see cref="Persistence.BallotBox.CastAsync"/>),
    /// which this one waits for and which waits for this one, so a vote racing the close is either fully counted
    /// before it or refused after it (docs/adr/0012-votes-without-a-row-lock.md). Raw SQL bypasses the global query
    /// filters, so the tenant condition is written out: a request of one tenant can never lock another's row.
    /// </summary>
    public static Task LockDecisionAsync(this IGovernanceDbContext db, Guid id, CancellationToken cancellationToken)
        => db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM governance.decisions WHERE id = {id} AND tenant_id IS NOT DISTINCT FROM {db.CurrentTenantId} FOR UPDATE",
            cancellationToken);

    public static async Task<int> CloseTheLoopDaysAsync(this IGovernanceDbContext db, CancellationToken cancellationToken)
        => await db.GovernanceSettings.Select(s => (int?)s.CloseTheLoopDays).FirstOrDefaultAsync(cancellationToken) ?? GovernanceSettings.DefaultCloseTheLoopDays;
}
