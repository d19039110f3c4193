using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Demographics;

/// <summary>Forgets the signed-in person's answers.</summary>
public sealed record DeleteMyDemographicsCommand : ICommand;

public sealed class DeleteMyDemographicsHandler(IGovernanceDbContext db, ICurrentUser currentUser) : ICommandHandler<DeleteMyDemographicsCommand>
{
    public async ValueTask<Unit> Handle(DeleteMyDemographicsCommand command, CancellationToken cancellationToken)
    {
        await db.MemberDemographics.Where(d => d.UserId == currentUser.Id).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
