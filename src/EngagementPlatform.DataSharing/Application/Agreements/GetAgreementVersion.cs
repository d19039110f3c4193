using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Agreements;

public sealed record GetAgreementVersionQuery(Guid Id, int Number) : IQuery<VersionDto>;

/// <summary>
/// One version in full with its signatures, whatever its state (an amended agreement's earlier versions stay readable);
/// readers as for the detail; a number the agreement does not have: 404. A view of a PHI agreement is audited.
/// </summary>
public sealed class GetAgreementVersionHandler(IDataSharingDbContext db, IUserDirectory users, IPermissionChecker permissions, ICurrentUser currentUser, IAuditLog auditLog)
    : IQueryHandler<GetAgreementVersionQuery, VersionDto>
{
    public async ValueTask<VersionDto> Handle(GetAgreementVersionQuery query, CancellationToken cancellationToken)
    {
        var agreement = await db.LoadAgreementAsync(query.Id, cancellationToken, tracking: false);
        await agreement.EnsureReadableAsync(permissions, currentUser, cancellationToken);
        var version = agreement.Version(query.Number);
        var people = await users.FindAsync(agreement.PeopleNamed(), cancellationToken);
        await agreement.RecordReadIfPhiAsync(auditLog, cancellationToken);
        return version.ToDto(people);
    }
}
