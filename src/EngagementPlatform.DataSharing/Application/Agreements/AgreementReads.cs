using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.DataSharing.Application.Agreements;

internal static class AgreementReads
{
    /// <summary>
    /// Takes the agreement's exclusive row lock for the rest of the transaction, so changes to one agreement (two
    /// signatories signing at once, a sign racing a return to draft) run one after the other and each sees the one
    /// before it instead of failing on the concurrency stamp. Raw SQL bypasses the global query filters, so the tenant
    /// and soft-delete conditions are written out: a request of one tenant can never lock another's row.
    /// </summary>
    public static Task LockAgreementAsync(this IDataSharingDbContext db, Guid id, CancellationToken cancellationToken)
        => db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM data_sharing.agreements WHERE id = {id} AND tenant_id IS NOT DISTINCT FROM {db.CurrentTenantId} AND NOT is_deleted FOR UPDATE",
            cancellationToken);

    /// <summary>The agreement with its versions, their signatures and its destruction attestations (tracked); another tenant's: 404.</summary>
    public static async Task<Agreement> LoadAgreementAsync(this IDataSharingDbContext db, Guid id, CancellationToken cancellationToken, bool tracking = true)
    {
        var query = db.Agreements
            .Include(a => a.Versions).ThenInclude(v => v.Signatures)
            .Include(a => a.DestructionAttestations)
            .AsSplitQuery()
            .Where(a => a.Id == id);
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken)
               ?? throw new EntityNotFoundException(nameof(Agreement), id);
    }

    /// <summary>Locks, then loads the agreement for a change.</summary>
    public static async Task<Agreement> LoadForChangeAsync(this IDataSharingDbContext db, Guid id, CancellationToken cancellationToken)
    {
        await db.LockAgreementAsync(id, cancellationToken);
        return await db.LoadAgreementAsync(id, cancellationToken);
    }

    /// <summary>Whether <paramref name="userId"/> is named as a party's signatory in any version of the agreement.</summary>
    public static bool NamesSignatory(this Agreement agreement, Guid? userId)
        => userId is { } id && agreement.Versions.Any(v => v.Parties.Any(p => p.SignatoryUserId == id));

    /// <summary>
    /// Readers of an agreement: whoever holds <c>DataSharing.Agreements</c>, and the people named as a signatory in any
    /// of its versions. Anyone else is told it does not exist (404), so its existence is not revealed.
    /// </summary>
    public static async Task EnsureReadableAsync(this Agreement agreement, IPermissionChecker permissions, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        if (!agreement.NamesSignatory(currentUser.Id) && !await permissions.IsGrantedAsync(DataSharingPermissions.Agreements, cancellationToken))
        {
            throw new EntityNotFoundException(nameof(Agreement), agreement.Id);
        }
    }

    /// <summary>A view of an agreement's terms is in the audit log when any of its versions covers protected health information.</summary>
    public static async Task RecordReadIfPhiAsync(this Agreement agreement, IAuditLog auditLog, CancellationToken cancellationToken)
    {
        if (agreement.Versions.Any(v => v.Sensitivity == DataSensitivity.PHI))
        {
            await auditLog.RecordReadAsync(nameof(Agreement), agreement.Id.ToString(), cancellationToken);
        }
    }

    /// <summary>The party ids this agreement has had in any version: an edit that names one keeps it.</summary>
    public static IReadOnlySet<Guid> PartyIds(this Agreement agreement)
        => agreement.Versions.SelectMany(v => v.Parties.Select(p => p.Id)).ToHashSet();

    /// <summary>The partnership's settings, or the defaults when it has saved none.</summary>
    public static async Task<DataSharingSettings> SettingsAsync(this IDataSharingDbContext db, CancellationToken cancellationToken, bool tracking = false)
    {
        var query = tracking ? db.DataSharingSettings : db.DataSharingSettings.AsNoTracking();
        return await query.FirstOrDefaultAsync(cancellationToken) ?? DataSharingSettings.Defaults();
    }
}
