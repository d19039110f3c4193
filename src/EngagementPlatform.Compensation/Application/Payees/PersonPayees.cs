using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Payees;

/// <summary>
/// The payee record of each tenant user, made the first time an item is created for them or they write their own
/// payment choice or preference. Making it is idempotent under concurrency: before adding the missing payees the
/// transaction takes a transaction-scoped advisory lock per (tenant, user), in a fixed order, then looks again.
/// Two first items for the same person at once therefore make one payee: the second request waits for the first to
/// commit and then finds its payee (the unique key on (tenant, user) stays as the last line of defence).
/// An existing person payee's name is refreshed from the user's current name when it is looked up here.
/// </summary>
public sealed class PersonPayees(ICompensationDbContext db, IUserDirectory users, ICurrentTenant currentTenant)
{
    /// <summary>The payees <paramref name="userIds"/> already have, by user id (none is made).</summary>
    public async Task<Dictionary<Guid, Payee>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Payees.Where(p => p.UserId != null && ids.Contains(p.UserId.Value)).ToDictionaryAsync(p => p.UserId!.Value, cancellationToken);
    }

    /// <summary>The payees of <paramref name="userIds"/> by user id, made where missing; an id that is no user of the tenant is refused.</summary>
    public async Task<Dictionary<Guid, Payee>> GetOrCreateAsync(IReadOnlyCollection<Guid> userIds, string field, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        var byUser = await FindAsync(ids, cancellationToken);
        // One look-up of the people: the missing ones' names for their new payee, the others' to keep names current.
        var known = ids.Count == 0 ? new Dictionary<Guid, UserInfo>() : await users.FindAsync(ids, cancellationToken);
        foreach (var (userId, payee) in byUser)
        {
            if (known.TryGetValue(userId, out var user))
            {
                payee.Rename(user.Name);
            }
        }

        var missing = ids.Where(id => !byUser.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return byUser;
        }

        var unknown = missing.Where(id => !known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new FieldValidationException(CompensationErrorCodes.UnknownUser, new Dictionary<string, string[]>
            {
                [field] = unknown.Select(id => $"There is no user {id} in this partnership.").ToArray(),
            });
        }

        await LockAsync(missing, cancellationToken);
        foreach (var (userId, payee) in await FindAsync(missing, cancellationToken))
        {
            // Made by a concurrent request that committed while this one waited for the lock.
            byUser[userId] = payee;
        }

        foreach (var id in missing.Where(id => !byUser.ContainsKey(id)))
        {
            var payee = Payee.ForUser(id, known[id].Name);
            db.Payees.Add(payee);
            byUser[id] = payee;
        }

        return byUser;
    }

    /// <summary>
    /// Transaction-scoped advisory locks on (tenant, user), taken in key order so two requests never wait for each
    /// other crosswise. Held until the surrounding unit of work commits or rolls back.
    /// </summary>
    private async Task LockAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var keys = userIds.Select(id => $"compensation.payee:{currentTenant.Id:N}:{id:N}").Order(StringComparer.Ordinal).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT count(pg_advisory_xact_lock(k.h)) FROM (SELECT hashtextextended(x, 0) AS h FROM unnest({keys}) AS x ORDER BY x) AS k",
            cancellationToken);
    }
}
