using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Agreements;

/// <summary>What the signatory was shown (version number and content hash), for which party, and the name they typed.</summary>
public sealed record SignAgreementRequest(int VersionNumber, Guid PartyId, string ContentHash, string TypedName);

/// <summary><paramref name="IpAddress"/> is the caller's address as the server saw it (the endpoint fills it in).</summary>
public sealed record SignAgreementCommand(Guid Id, int VersionNumber, Guid PartyId, string ContentHash, string TypedName, string? IpAddress) : ICommand
{
    public static SignAgreementCommand From(Guid id, SignAgreementRequest r, string? ipAddress)
        => new(id, r.VersionNumber, r.PartyId, r.ContentHash, r.TypedName, ipAddress);
}

public sealed class SignAgreementValidator : AbstractValidator<SignAgreementCommand>
{
    public SignAgreementValidator()
    {
        RuleFor(c => c.VersionNumber).GreaterThan(0);
        RuleFor(c => c.PartyId).NotEmpty();
        RuleFor(c => c.ContentHash).NotEmpty().Length(64).Matches("^[0-9a-fA-F]{64}$");
        RuleFor(c => c.TypedName).NotEmpty().MaximumLength(AgreementSignature.MaxTypedNameLength);
        RuleFor(c => c.IpAddress).MaximumLength(AgreementSignature.MaxIpLength);
    }
}

/// <summary>
/// The caller signs the version in review for a party whose signatory they are (403 <c>DataSharing:NotTheSignatory</c>
/// otherwise; someone who may not read the agreement is told it does not exist). The signature keeps the typed name,
/// the time, the caller's address and the hash of the version; with the last required signature the version is Signed,
/// and Active at once when its effective date has come in the partnership's time zone. Signing twice, or two requests
/// for one party at once, is a 409 <c>DataSharing:AlreadySigned</c>: the agreement's row lock makes the second wait and
/// then see the first's signature.
/// </summary>
public sealed class SignAgreementHandler(IDataSharingDbContext db, ICurrentUser currentUser, IPermissionChecker permissions, IClock clock, ITenantCalendar calendar)
    : ICommandHandler<SignAgreementCommand>
{
    public async ValueTask<Unit> Handle(SignAgreementCommand command, CancellationToken cancellationToken)
    {
        var agreement = await db.LoadForChangeAsync(command.Id, cancellationToken);
        await agreement.EnsureReadableAsync(permissions, currentUser, cancellationToken);
        var signer = currentUser.Id ?? throw new InvalidOperationException("A signed-in person is needed.");
        var today = await calendar.TodayAsync(cancellationToken);
        agreement.Sign(command.VersionNumber, command.ContentHash, command.PartyId, signer, command.TypedName, command.IpAddress, clock.Now, today);
        return Unit.Value;
    }
}
