using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Demographics;

public sealed record GetMyDemographicsQuery : IQuery<DemographicsDto>;

public sealed class GetMyDemographicsHandler(IGovernanceDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMyDemographicsQuery, DemographicsDto>
{
    public async ValueTask<DemographicsDto> Handle(GetMyDemographicsQuery query, CancellationToken cancellationToken)
        => DemographicsDto.From(await db.MemberDemographics.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == currentUser.Id, cancellationToken));
}
