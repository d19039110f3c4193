using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.SaaS.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EngagementPlatform.SaaS;

/// <summary>
/// Resolves tenants for every request, so lookups are cached briefly. Changes made in this process evict at once;
/// other processes see them within <see cref="Lifetime"/>.
/// </summary>
internal sealed class TenantStore(ISaasDbContext db, IMemoryCache cache) : ITenantStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public Task<TenantInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken = default)
        => Guid.TryParse(nameOrId, out var id) ? FindAsync(id, cancellationToken) : FindByNameAsync(nameOrId, cancellationToken);

    public Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => cache.GetOrCreateAsync(Key(id), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return Query(t => t.Id == id, cancellationToken);
        });

    private Task<TenantInfo?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = name.Trim().ToLowerInvariant();
        return cache.GetOrCreateAsync(Key(normalized), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return Query(t => t.Name == normalized, cancellationToken);
        });
    }

    private Task<TenantInfo?> Query(System.Linq.Expressions.Expression<Func<Domain.Tenant, bool>> predicate, CancellationToken cancellationToken)
        => db.Tenants.AsNoTracking().Where(predicate)
            .Select(t => new TenantInfo(t.Id, t.Name, t.IsActive, t.DefaultLanguage, t.TimeZone))
            .FirstOrDefaultAsync(cancellationToken);

    public static void Evict(IMemoryCache cache, Guid id, params string[] names)
    {
        cache.Remove(Key(id));
        foreach (var name in names)
        {
            cache.Remove(Key(name));
        }
    }

    private static string Key(Guid id) => $"tenant:id:{id}";

    private static string Key(string name) => $"tenant:name:{name}";
}
