using EngagementPlatform.Governance.Persistence;
using Mediator;

namespace EngagementPlatform.Governance.Application.Influence;

public sealed record GetTenantInfluenceQuery : IQuery<TenantInfluenceDto>;

public sealed class GetTenantInfluenceHandler(IGovernanceDbContext db) : IQueryHandler<GetTenantInfluenceQuery, TenantInfluenceDto>
{
    public async ValueTask<TenantInfluenceDto> Handle(GetTenantInfluenceQuery query, CancellationToken cancellationToken)
    {
        var councils = await db.MeasureAsync(null, cancellationToken);
        var decided = councils.Sum(c => c.Decided);
        var influenced = councils.Sum(c => c.Influenced);
        return new TenantInfluenceDto(new InfluenceDto(null, null, decided, influenced, InfluenceMeasure.Share(influenced, decided)), councils);
    }
}
