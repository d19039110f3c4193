using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.SaaS.Persistence;
using Mediator;

namespace EngagementPlatform.SaaS.Application.Tenants;

public sealed record DeleteTenantCommand(Guid Id) : ICommand;

public sealed class DeleteTenantHandler(ISaasDbContext db, TenantCache cache, IUnitOfWork unitOfWork) : ICommandHandler<DeleteTenantCommand>
{
    public async ValueTask<Unit> Handle(DeleteTenantCommand command, CancellationToken cancellationToken)
    {
        var tenant = await TenantRules.FindAsync(db, command.Id, cancellationToken);
        db.Tenants.Remove(tenant);
        await unitOfWork.OnCommittedAsync(() =>
        {
            cache.Evict(tenant.Id, tenant.Name);
            return Task.CompletedTask;
        });
        return Unit.Value;
    }
}
