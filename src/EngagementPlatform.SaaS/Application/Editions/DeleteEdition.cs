using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Application.Editions;

public sealed record DeleteEditionCommand(Guid Id) : ICommand;

public sealed class DeleteEditionHandler(ISaasDbContext db) : ICommandHandler<DeleteEditionCommand>
{
    public async ValueTask<Unit> Handle(DeleteEditionCommand command, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
                      ?? throw new EntityNotFoundException(nameof(Edition), command.Id);
        if (await db.Tenants.AnyAsync(t => t.EditionId == edition.Id, cancellationToken))
        {
            throw new StateConflictException(SaasErrorCodes.EditionInUse);
        }

        db.Editions.Remove(edition);
        return Unit.Value;
    }
}
