using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Agreements;

public sealed record GetAgreementQuery(Guid Id) : IQuery<AgreementDto>;

/// <summary>
/// One agreement in full, for whoever holds <c>DataSharing.Agreements</c> or is named as a signatory in any of its
/// versions (anyone else, and another partnership: 404). A view of an agreement covering PHI is in the audit log.
/// </summary>
public sealed class GetAgreementHandler(IDataSharingDbContext db, IUserDirectory users, IPermissionChecker permissions, ICurrentUser currentUser, IAuditLog auditLog)
    : IQueryHandler<GetAgreementQuery, AgreementDto>
{
    public async ValueTask<AgreementDto> Handle(GetAgreementQuery query, CancellationToken cancellationToken)
    {
        var agreement = await db.LoadAgreementAsync(query.Id, cancellationToken, tracking: false);
        await agreement.EnsureReadableAsync(permissions, currentUser, cancellationToken);
        var canManage = await permissions.IsGrantedAsync(DataSharingPermissions.AgreementsManage, cancellationToken);
        var people = await users.FindAsync(agreement.PeopleNamed(), cancellationToken);
        await agreement.RecordReadIfPhiAsync(auditLog, cancellationToken);
        return agreement.ToDto(people, canManage, currentUser.Id);
    }
}
