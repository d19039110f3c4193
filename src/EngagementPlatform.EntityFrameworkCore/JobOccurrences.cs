using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.EntityFrameworkCore;

/// <summary>
/// Claims an occurrence with one statement, <c>INSERT … ON CONFLICT DO NOTHING</c>, on the unit of work's
/// connection and transaction: two runs racing for the same key cannot both insert (the second waits for the
/// first's transaction and then finds the key taken), which a look-then-insert could not promise.
/// </summary>
internal sealed class JobOccurrences(EngagementPlatformDbContext db, ICurrentTenant currentTenant, IClock clock) : IJobOccurrences
{
    public async Task<bool> TryClaimOccurrenceAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > JobOccurrence.MaxKeyLength)
        {
            throw new ArgumentException($"An occurrence key has 1 to {JobOccurrence.MaxKeyLength} characters.", nameof(key));
        }

        var tenantId = currentTenant.Id;
        var now = clock.Now;
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO platform.job_occurrences (key, tenant_id, created_at) VALUES ({key}, {tenantId}, {now}) ON CONFLICT (key) DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }
}
