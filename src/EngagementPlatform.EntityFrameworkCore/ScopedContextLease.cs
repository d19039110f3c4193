using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.EntityFrameworkCore;

/// <summary>
/// A scope's lease on a pooled <see cref="EngagementPlatformDbContext"/>: takes an instance from the pool, binds
/// the scope's tenant, user and clock to it, and when the scope ends clears them and returns the instance (EF
/// resets its change tracker, connection and transaction there). Scoped, so every module interface of one scope
/// resolves to the same instance and the unit of work saves once per request.
/// </summary>
internal sealed class ScopedContextLease : IDisposable, IAsyncDisposable
{
    private int _returned;

    public ScopedContextLease(IDbContextFactory<EngagementPlatformDbContext> pool, ICurrentTenant currentTenant, ICurrentUser currentUser, IClock clock)
    {
        Context = pool.CreateDbContext();
        Context.Bind(currentTenant, currentUser, clock, this);
    }

    public EngagementPlatformDbContext Context { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            Context.Return(this);
        }
    }

    public ValueTask DisposeAsync()
        => Interlocked.Exchange(ref _returned, 1) == 0 ? Context.ReturnAsync(this) : ValueTask.CompletedTask;
}
