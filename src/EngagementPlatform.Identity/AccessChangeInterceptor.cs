using System.Data.Common;
using System.Runtime.CompilerServices;
using EngagementPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EngagementPlatform.Identity;

/// <summary>
/// Drops the cached <see cref="UserAccess"/> whenever a save changes what someone may do: a user's row (active
/// state, password, deletion), their role memberships, a role, or a role's grants. It drops the cache when the save
/// is written and again when its transaction commits, so a request that read the old rows meanwhile does not keep
/// them. Whatever handler made the change (user admin, roles, profile, sign-in), the cache follows.
/// </summary>
public sealed class AccessChangeInterceptor(UserAccessCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(ChangesAccess))
        {
            _pending.AddOrUpdate(context, new object());
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out _))
        {
            return;
        }

        cache.Invalidate();
        if (context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context); // committed already: the save was its own transaction
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            cache.Invalidate();
        }
    }

    /// <summary>A new user can hold no token yet; every other change to these rows can change someone's access.</summary>
    private static bool ChangesAccess(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => entry.Entity switch
    {
        User => entry.State is EntityState.Modified or EntityState.Deleted,
        IdentityUserRole<Guid> or Role or PermissionGrant => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted,
        _ => false,
    };
}
