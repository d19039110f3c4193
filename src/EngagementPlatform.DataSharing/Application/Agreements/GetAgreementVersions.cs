using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Agreements;

public sealed record GetAgreementVersionsQuery(Guid Id) : IQuery<IReadOnlyList<VersionSummaryDto>>;

/// <summary>Every version of an agreement, oldest first, with its state, dates and signature counts; readers as for the detail.</summary>
public sealed class GetAgreementVersionsHandler(IDataSharingDbContext db, IPermissionChecker permissions, ICurrentUser currentUser)
    : IQueryHandler<GetAgreementVersionsQuery, IReadOnlyList<VersionSummaryDto>>
{
    public async ValueTask<IReadOnlyList<VersionSummaryDto>> Handle(GetAgreementVersionsQuery query, CancellationToken cancellationToken)
    {
        var agreement = await db.LoadAgreementAsync(query.Id, cancellationToken, tracking: false);
        await agreement.EnsureReadableAsync(permissions, currentUser, cancellationToken);
        return agreement.Versions.OrderBy(v => v.Number).Select(v => v.ToSummary()).ToList();
    }
}
