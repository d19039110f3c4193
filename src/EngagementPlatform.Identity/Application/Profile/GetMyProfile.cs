using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity.Application.Users;
using Mediator;

namespace EngagementPlatform.Identity.Application.Profile;

public sealed record GetMyProfileQuery : IQuery<MyProfileDto>;

public sealed class GetMyProfileHandler(ICurrentUser currentUser, ICurrentTenant currentTenant, IMediator mediator) : IQueryHandler<GetMyProfileQuery, MyProfileDto>
{
    public async ValueTask<MyProfileDto> Handle(GetMyProfileQuery query, CancellationToken cancellationToken)
    {
        var user = await mediator.Send(new GetUserQuery(currentUser.Id ?? Guid.Empty), cancellationToken);
        return new MyProfileDto(user.Id, user.UserName, user.Email, user.Name, user.PreferredLanguage, user.Roles, currentTenant.Id, currentTenant.Name);
    }
}
