using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Influence;

public sealed record GetCouncilInfluenceQuery(Guid CouncilId) : IQuery<InfluenceDto>;

public sealed class GetCouncilInfluenceHandler(IGovernanceDbContext db) : IQueryHandler<GetCouncilInfluenceQuery, InfluenceDto>
{
    public async ValueTask<InfluenceDto> Handle(GetCouncilInfluenceQuery query, CancellationToken cancellationToken)
    {
        var name = await db.Councils.Where(c => c.Id == query.CouncilId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
                   ?? throw new EntityNotFoundException("Council", query.CouncilId);
        return (await db.MeasureAsync(query.CouncilId, cancellationToken)).SingleOrDefault() ?? new InfluenceDto(query.CouncilId, name, 0, 0, null);
    }
}
