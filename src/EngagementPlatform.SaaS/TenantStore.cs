using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.SaaS.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EngagementPlatform.SaaS;

/// <summary>
/// The tenant lookups' own cache, bounded in entries: names arrive from request headers, so without a bound every
/// made-up name would add an entry for as long as the process lives. Unknown names are cached at low priority, so
/// compaction drops them before real tenants.
/// </summary>
public sealed class TenantCache : IDisposable
{
    /// <summary>At most this many tenants (known or not) are cached at once.</summary>
    public const int SizeLimit = 1000;

    internal MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = SizeLimit, CompactionPercentage = 0.25 });

    private long _generation;

    public int Count => Cache.Count;

    /// <summary>Bumped by every eviction: a lookup that overlapped one does not keep what it read (see <see cref="TenantStore"/>).</summary>
    internal long Generation => Interlocked.Read(ref _generation);

    public void Evict(Guid id, params string[] names)
    {
        Interlocked.Increment(ref _generation);
        Cache.Remove(Key(id));
        foreach (var name in names)
        {
            Cache.Remove(Key(Tenant(name)));
        }
    }

    internal static string Key(Guid id) => $"tenant:id:{id}";

    internal static string Key(string normalizedName) => $"tenant:name:{normalizedName}";

    private static string Tenant(string name) => name.Trim().ToLowerInvariant();

    public void Dispose() => Cache.Dispose();
}

/// <summary>
/// Resolves tenants for every request, so lookups are cached briefly. Changes made in this process evict at once
/// (the handlers that rename, suspend, reactivate or delete a partnership evict once they commit); other processes
/// see them within <see cref="Lifetime"/>. A lookup that read the row while such a change committed is returned but
/// not cached, so the old state cannot outlive the eviction. Only names of a valid shape are looked up or cached.
/// </summary>
internal sealed class TenantStore(ISaasDbContext db, TenantCache cache) : ITenantStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public Task<TenantInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken = default)
        => Guid.TryParse(nameOrId, out var id) ? FindAsync(id, cancellationToken) : FindByNameAsync(nameOrId, cancellationToken);

    public Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        => CachedAsync(TenantCache.Key(id), t => t.Id == id, cancellationToken);

    private Task<TenantInfo?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        if (!TenantNames.IsValid(name))
        {
            return Task.FromResult<TenantInfo?>(null);
        }

        var normalized = name.Trim().ToLowerInvariant();
        return CachedAsync(TenantCache.Key(normalized), t => t.Name == normalized, cancellationToken);
    }

    private async Task<TenantInfo?> CachedAsync(string key, System.Linq.Expressions.Expression<Func<Domain.Tenant, bool>> predicate, CancellationToken cancellationToken)
    {
        if (cache.Cache.TryGetValue(key, out TenantInfo? cached))
        {
            return cached;
        }

        var generation = cache.Generation;
        var found = await db.Tenants.AsNoTracking().Where(predicate)
            .Select(t => new TenantInfo(t.Id, t.Name, t.IsActive, t.DefaultLanguage, t.TimeZone))
            .FirstOrDefaultAsync(cancellationToken);
        if (cache.Generation != generation)
        {
            return found; // a change was evicted meanwhile: what was read may be older than it
        }

        // A partnership found is kept under both its id and its name: requests name it by header, tokens and
        // handlers by id, and either lookup answers the other.
        string[] keys = found is null ? [key] : [TenantCache.Key(found.Id), TenantCache.Key(found.Name.Trim().ToLowerInvariant())];
        foreach (var k in keys)
        {
            cache.Cache.Set(k, found, new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = Lifetime,
                Size = 1,
                Priority = found is null ? CacheItemPriority.Low : CacheItemPriority.High,
            });
        }

        if (cache.Generation != generation)
        {
            foreach (var k in keys)
            {
                cache.Cache.Remove(k); // an eviction ran between the check above and the Set: it must win
            }
        }

        return found;
    }
}
