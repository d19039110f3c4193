using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using Mediator;

namespace EngagementPlatform.Governance.Application.Meetings;

public sealed record GetMeetingQuery(Guid CouncilId, Guid MeetingId) : IQuery<MeetingDto>;

public sealed class GetMeetingHandler(IGovernanceDbContext db, IUserDirectory users, ICurrentUser currentUser, IPermissionChecker permissions)
    : IQueryHandler<GetMeetingQuery, MeetingDto>
{
    public async ValueTask<MeetingDto> Handle(GetMeetingQuery query, CancellationToken cancellationToken)
        => await db.MeetingDtoAsync(await db.LoadMeetingAsync(query.CouncilId, query.MeetingId, cancellationToken), users, permissions, currentUser, cancellationToken);
}
