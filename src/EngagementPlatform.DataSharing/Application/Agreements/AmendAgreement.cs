using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Timing;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Agreements;

public sealed record AmendAgreementCommand(Guid Id) : ICommand<AmendmentCreated>;

/// <summary>
/// Starts an amendment: the governing version's content copied into a new Draft version (same party ids, no
/// signatures). The governing version stays in force, readable with its signatures, until the amendment is signed and
/// effective; then it is Superseded.
/// </summary>
public sealed class AmendAgreementHandler(IDataSharingDbContext db, IClock clock) : ICommandHandler<AmendAgreementCommand, AmendmentCreated>
{
    public async ValueTask<AmendmentCreated> Handle(AmendAgreementCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.LoadForChangeAsync(command.Id, cancellationToken);
        var amendment = agreement.Amend(clock.Now);
        return new AmendmentCreated(amendment.Number);
    }
}
