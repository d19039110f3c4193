using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.SaaS.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS;

/// <summary>The partnerships a job "for each tenant" runs for: not suspended, not deleted.</summary>
internal sealed class ActiveTenants(ISaasDbContext db) : IActiveTenants
{
    public async Task<IReadOnlyList<Guid>> IdsAsync(CancellationToken cancellationToken = default)
        => await db.Tenants.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => t.Id).ToListAsync(cancellationToken);
}
