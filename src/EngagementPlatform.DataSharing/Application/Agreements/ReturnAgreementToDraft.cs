using EngagementPlatform.DataSharing.Persistence;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Agreements;

public sealed record ReturnAgreementToDraftCommand(Guid Id) : ICommand;

/// <summary>Takes the version in review back to draft so it can be edited; signatures already given to it are withdrawn.</summary>
public sealed class ReturnAgreementToDraftHandler(IDataSharingDbContext db) : ICommandHandler<ReturnAgreementToDraftCommand>
{
    public async ValueTask<Unit> Handle(ReturnAgreementToDraftCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.LoadForChangeAsync(command.Id, cancellationToken);
        agreement.ReturnToDraft();
        return Unit.Value;
    }
}
