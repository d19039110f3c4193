using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Identity;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Agreements;

public sealed record EditAgreementDraftCommand(Guid Id, AgreementInput Agreement) : ICommand, IAgreementInputCommand;

public sealed class EditAgreementDraftValidator : AgreementInputValidator<EditAgreementDraftCommand>;

/// <summary>
/// Replaces the content of the open draft (the original before it is submitted, or an amendment). A party keeps its id
/// when the body names one it has had in any version; any other party is new. Anything but a Draft latest version is a
/// 409 <c>DataSharing:AgreementNotEditable</c> (the domain's rule).
/// </summary>
public sealed class EditAgreementDraftHandler(IDataSharingDbContext db, IUserDirectory users) : ICommandHandler<EditAgreementDraftCommand>
{
    public async ValueTask<Unit> Handle(EditAgreementDraftCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.LoadForChangeAsync(command.Id, cancellationToken);
        await users.EnsureKnownAsync(command.Agreement, cancellationToken);
        agreement.EditDraft(command.Agreement.ToContent(agreement.PartyIds()));
        return Unit.Value;
    }
}
