using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Identity;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Agreements;

public sealed record CreateAgreementCommand(AgreementInput Agreement) : ICommand<CreatedId>, IAgreementInputCommand;

public sealed class CreateAgreementValidator : AgreementInputValidator<CreateAgreementCommand>;

/// <summary>
/// Starts an agreement as a Draft version 1. Party ids in the body are ignored (every party is new); each signatory must
/// be an active person of the partnership (422 <c>DataSharing:UnknownUser</c>).
/// </summary>
public sealed class CreateAgreementHandler(IDataSharingDbContext db, IUserDirectory users, IClock clock) : ICommandHandler<CreateAgreementCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateAgreementCommand command, CancellationToken cancellationToken)
    {
        await users.EnsureKnownAsync(command.Agreement, cancellationToken);
        var agreement = new Agreement(Guid.CreateVersion7(), command.Agreement.ToContent(new HashSet<Guid>()), clock.Now);
        db.Agreements.Add(agreement);
        return new CreatedId(agreement.Id);
    }
}
