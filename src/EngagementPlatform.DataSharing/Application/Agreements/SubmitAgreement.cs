using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Agreements;

public sealed record SubmitAgreementCommand(Guid Id) : ICommand;

/// <summary>
/// Sends the open draft for signature: the rules a draft may break while being written are checked (422, with the
/// partnership's "community owner required" setting, defaults when it saved none), then the content is frozen and
/// hashed and every signatory is asked to sign (<see cref="AgreementSubmitted"/>).
/// </summary>
public sealed class SubmitAgreementHandler(IDataSharingDbContext db, ICurrentUser currentUser, IClock clock) : ICommandHandler<SubmitAgreementCommand>
{
    public async ValueTask<Unit> Handle(SubmitAgreementCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.LoadForChangeAsync(command.Id, cancellationToken);
        var settings = await db.SettingsAsync(cancellationToken);
        agreement.Submit(settings.RequireCommunityOwner, currentUser.Id, clock.Now);
        return Unit.Value;
    }
}
