using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Identity;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Payees;

/// <summary>
/// The payee record of each tenant user, made the first time an item is created for them. The unique key on
/// (tenant, user) keeps it to one: two first items for the same person at once make one of the two requests fail
/// with a conflict (409) and nothing of it is kept, so a retry finds the payee.
/// </summary>
public sealed class PersonPayees(ICompensationDbContext db, IUserDirectory users)
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
        var missing = ids.Where(id => !byUser.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return byUser;
        }

        var known = await users.FindAsync(missing, cancellationToken);
        var unknown = missing.Where(id => !known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new FieldValidationException(CompensationErrorCodes.UnknownUser, new Dictionary<string, string[]>
            {
                [field] = unknown.Select(id => $"There is no user {id} in this partnership.").ToArray(),
            });
        }

        foreach (var id in missing)
        {
            var payee = Payee.ForUser(id, known[id].Name);
            db.Payees.Add(payee);
            byUser[id] = payee;
        }

        return byUser;
    }
}
