using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Application.Editions;

public sealed record GetEditionQuery(Guid Id) : IQuery<EditionDto>;

public sealed class GetEditionHandler(ISaasDbContext db) : IQueryHandler<GetEditionQuery, EditionDto>
{
    public async ValueTask<EditionDto> Handle(GetEditionQuery query, CancellationToken cancellationToken)
        => EditionDto.From(await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == query.Id, cancellationToken)
                           ?? throw new EntityNotFoundException(nameof(Edition), query.Id));
}
