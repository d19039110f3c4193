using System.Globalization;
using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.DataSharing.Application.Destruction;

/// <summary>The body of <c>POST /api/data-sharing/agreements/{id}/destruction-attestations</c>.</summary>
public sealed record DestructionAttestationRequest(Guid PartyId, string TypedName, string Method, DateOnly DestroyedOn, string? Note = null);

public sealed record AttestDestructionCommand(Guid AgreementId, Guid PartyId, string TypedName, string Method, DateOnly DestroyedOn, string? Note) : ICommand<CreatedId>
{
    public static AttestDestructionCommand From(Guid agreementId, DestructionAttestationRequest r)
        => new(agreementId, r.PartyId, r.TypedName, r.Method, r.DestroyedOn, r.Note);
}

public sealed class AttestDestructionValidator : AbstractValidator<AttestDestructionCommand>
{
    public AttestDestructionValidator()
    {
        RuleFor(c => c.PartyId).NotEmpty();
        RuleFor(c => c.TypedName).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Type your name to attest.")
            .MaximumLength(AgreementSignature.MaxTypedNameLength);
        RuleFor(c => c.Method).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("Say how the data was destroyed.")
            .MaximumLength(DestructionAttestation.MaxMethodLength);
        RuleFor(c => c.Note).MaximumLength(DestructionAttestation.MaxNoteLength);
        RuleFor(c => c.DestroyedOn).NotEmpty();
    }
}

/// <summary>
/// A party attests that it destroyed the data the agreement covered: who (the signed-in person and the name they
/// typed), when, how and on what day. Only the party's signatory in the governing version may attest for it, or
/// someone who manages the partnership's agreements recording it on the party's behalf (then the attestation names the
/// staff member who recorded it). A person who may not see the agreement at all gets 404, as for any agreement of
/// another partnership. Once a party attested, the daily job stops asking it to.
/// </summary>
public sealed class AttestDestructionHandler(
    IDataSharingDbContext db,
    ICurrentUser currentUser,
    IPermissionChecker permissions,
    ITenantCalendar calendar,
    IClock clock,
    ITextLocalizer texts) : ICommandHandler<AttestDestructionCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(AttestDestructionCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id ?? throw new NotPermittedException(DataSharingErrorCodes.NotTheSignatory);
        var agreement = await db.Agreements
                            .Include(a => a.Versions)
                            .Include(a => a.DestructionAttestations)
                            .AsSplitQuery()
                            .SingleOrDefaultAsync(a => a.Id == command.AgreementId, cancellationToken)
                        ?? throw new EntityNotFoundException(nameof(Agreement), command.AgreementId);

        var manages = await permissions.IsGrantedAsync(DataSharingPermissions.AgreementsManage, cancellationToken);
        var named = agreement.Versions.Any(v => v.Parties.Any(p => p.SignatoryUserId == userId));
        if (!manages && !named && !await permissions.IsGrantedAsync(DataSharingPermissions.Agreements, cancellationToken))
        {
            throw new EntityNotFoundException(nameof(Agreement), command.AgreementId);
        }

        var party = agreement.Current.Parties.SingleOrDefault(p => p.Id == command.PartyId)
                    ?? throw new EntityNotFoundException(nameof(AgreementParty), command.PartyId);
        if (party.SignatoryUserId != userId && !manages)
        {
            throw new NotPermittedException(DataSharingErrorCodes.NotTheSignatory).WithData("party", party.Name);
        }

        var today = await calendar.TodayAsync(cancellationToken);
        if (command.DestroyedOn > today)
        {
            throw new FieldValidationException(DestructionErrorCodes.DestroyedInFuture, new Dictionary<string, string[]>
            {
                ["destroyedOn"] =
                [
                    texts.Format(DestructionErrorCodes.DestroyedInFuture, new Dictionary<string, object?>
                    {
                        ["destroyedOn"] = command.DestroyedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["today"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    }),
                ],
            }).WithData("destroyedOn", command.DestroyedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
              .WithData("today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var attestation = agreement.AttestDestruction(party.Id, userId, command.TypedName, command.Method, command.DestroyedOn, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note, clock.Now);
        return new CreatedId(attestation.Id);
    }
}
