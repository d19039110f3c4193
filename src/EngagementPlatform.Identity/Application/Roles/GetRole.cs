using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity.Application.Roles;

public sealed record GetRoleQuery(Guid Id) : IQuery<RoleDto>;

public sealed class GetRoleHandler(IIdentityDbContext db) : IQueryHandler<GetRoleQuery, RoleDto>
{
    public async ValueTask<RoleDto> Handle(GetRoleQuery query, CancellationToken cancellationToken)
        => await RoleProjection.Project(db, db.Roles.AsNoTracking().Where(r => r.Id == query.Id)).FirstOrDefaultAsync(cancellationToken)
           ?? throw new EntityNotFoundException(nameof(Role), query.Id);
}
