using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Application.Tenants;

public sealed record GetTenantQuery(Guid Id) : IQuery<TenantDto>;

public sealed class GetTenantHandler(ISaasDbContext db) : IQueryHandler<GetTenantQuery, TenantDto>
{
    public async ValueTask<TenantDto> Handle(GetTenantQuery query, CancellationToken cancellationToken)
        => await db.Tenants.AsNoTracking().Where(t => t.Id == query.Id).Select(TenantDto.Projection).FirstOrDefaultAsync(cancellationToken)
           ?? throw new EntityNotFoundException(nameof(Tenant), query.Id);
}
