using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity.Application.Users;

public sealed record GetUserQuery(Guid Id) : IQuery<UserDto>;

public sealed class GetUserHandler(IIdentityDbContext db, IClock clock) : IQueryHandler<GetUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUserQuery query, CancellationToken cancellationToken)
        => await db.Users.AsNoTracking()
               .Where(u => u.Id == query.Id)
               .Select(UserProjection.ToDto(db, clock.Now))
               .FirstOrDefaultAsync(cancellationToken)
           ?? throw new EntityNotFoundException(nameof(User), query.Id);
}
