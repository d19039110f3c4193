using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.SaaS.Persistence;
using Mediator;

namespace EngagementPlatform.SaaS.Application.Tenants;

public sealed record GetMyTenantQuery : IQuery<MyTenantDto>;

public sealed class GetMyTenantHandler(ISaasDbContext db, ICurrentTenant currentTenant) : IQueryHandler<GetMyTenantQuery, MyTenantDto>
{
    public async ValueTask<MyTenantDto> Handle(GetMyTenantQuery query, CancellationToken cancellationToken)
    {
        var tenant = await TenantRules.FindAsync(db, currentTenant.Id ?? Guid.Empty, cancellationToken);
        return new MyTenantDto(tenant.Name, tenant.DisplayName, tenant.DefaultLanguage, tenant.TimeZone);
    }
}
