using System.Globalization;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.DataSharing.Domain;

/// <summary>
/// A data-sharing agreement: the versions of its terms (<see cref="Versions"/>, 1 is the original, each amendment the
/// next) and the parties' destruction attestations. The agreement is governed by its newest version that got past
/// review (signed, active, expired, terminated); before any did, by its first draft. The register reads the summary
/// columns here (<see cref="State"/>, <see cref="Title"/>, dates, party names), which every transition refreshes, so a
/// list never loads versions. Only a Draft version can be edited; an active agreement is changed by an amendment.
/// </summary>
[Sensitive]
[Audited(KeepValues = true)]
public sealed class Agreement : FullAuditedAggregateRoot<Guid>, IMultiTenant
{
    private readonly List<AgreementVersion> _versions = [];
    private readonly List<DestructionAttestation> _destructionAttestations = [];

    private Agreement()
    {
    }

    public Agreement(Guid id, AgreementContent content, DateTimeOffset now)
    {
        Id = id;
        _versions.Add(new AgreementVersion(Guid.CreateVersion7(), id, 1, content, now));
        Refresh();
    }

    public Guid? TenantId { get; set; }

    /// <summary>The governing version's state: the agreement's place in the register.</summary>
    public AgreementState State { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public DataSensitivity Sensitivity { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public DateOnly? EffectiveTo { get; private set; }

    public DateOnly? DestructionDate { get; private set; }

    /// <summary>The governing version's party names, for the register's search.</summary>
    public string PartyNames { get; private set; } = string.Empty;

    /// <summary>The number of the version that governs the agreement.</summary>
    public int CurrentVersionNumber { get; private set; }

    /// <summary>The newest version's number (greater than <see cref="CurrentVersionNumber"/> while an amendment is open).</summary>
    public int LatestVersionNumber { get; private set; }

    /// <summary>The pending amendment's state (Draft, InReview, or Signed awaiting its effective date), or null when there is none.</summary>
    public AgreementState? AmendmentState { get; private set; }

    /// <summary>Bumped on every change: an edit based on an older read is refused rather than overwriting.</summary>
    public string ConcurrencyStamp { get; private set; } = NewStamp();

    public IReadOnlyList<AgreementVersion> Versions => _versions;

    public IReadOnlyList<DestructionAttestation> DestructionAttestations => _destructionAttestations;

    public AgreementVersion Current => _versions.Single(v => v.Number == CurrentVersionNumber);

    public AgreementVersion Latest => _versions.Single(v => v.Number == LatestVersionNumber);

    public AgreementVersion Version(int number)
        => _versions.SingleOrDefault(v => v.Number == number) ?? throw new EntityNotFoundException(nameof(AgreementVersion), number);

    /// <summary>
    /// Replaces the content of the open draft (the original before its first submission, or an amendment).
    /// Anything else is refused with <see cref="DataSharingErrorCodes.AgreementNotEditable"/>: a version in review,
    /// signed or active is changed by returning it to draft or by an amendment.
    /// </summary>
    public void EditDraft(AgreementContent content)
    {
        var latest = Latest;
        if (latest.State != AgreementState.Draft)
        {
            throw new StateConflictException(DataSharingErrorCodes.AgreementNotEditable)
                .WithData("state", latest.State)
                .WithData("version", latest.Number.ToString(CultureInfo.InvariantCulture));
        }

        latest.Apply(content);
        Refresh();
    }

    /// <summary>
    /// Sends the open draft for signature: checks the rules a draft may break while being written, freezes the content
    /// and records its hash. <paramref name="communityOwnerRequired"/> is the partnership's setting.
    /// </summary>
    public void Submit(bool communityOwnerRequired, Guid? userId, DateTimeOffset now)
    {
        var version = Latest;
        EnsureState(version, DataSharingTexts.Actions.Submit, AgreementState.Draft);
        CheckReadyForSignature(version.Content, communityOwnerRequired);
        version.State = AgreementState.InReview;
        version.SubmittedAt = now;
        version.SubmittedBy = userId;
        version.ContentHash = version.Content.Hash(Id, version.Number);
        Refresh();
        AddDomainEvent(new AgreementSubmitted(TenantId, Id, version.Number, version.Title,
            version.UnsignedParties().Where(p => p.SignatoryUserId is not null).Select(p => p.SignatoryUserId!.Value).Distinct().ToList()));
    }

    /// <summary>Takes a version in review back to draft so it can be edited; signatures already given to it are withdrawn (they named content about to change).</summary>
    public void ReturnToDraft()
    {
        var version = Latest;
        EnsureState(version, DataSharingTexts.Actions.ReturnToDraft, AgreementState.InReview);
        version.ClearSignatures();
        version.State = AgreementState.Draft;
        version.ContentHash = null;
        version.SubmittedAt = null;
        version.SubmittedBy = null;
        Refresh();
    }

    /// <summary>
    /// A party's signatory signs the version in review. <paramref name="versionNumber"/> and
    /// <paramref name="contentHash"/> name what the signatory was shown: if the version changed since, nothing is signed.
    /// When the last required signature is given the version is Signed, and Active at once if its effective date has come.
    /// </summary>
    public AgreementSignature Sign(int versionNumber, string contentHash, Guid partyId, Guid signerUserId, string typedName, string? ipAddress, DateTimeOffset now, DateOnly today)
    {
        var version = Latest;
        if (version.Number != versionNumber || version.State != AgreementState.InReview
            || !string.Equals(version.ContentHash, contentHash, StringComparison.OrdinalIgnoreCase))
        {
            throw new StateConflictException(DataSharingErrorCodes.VersionChanged)
                .WithData("version", version.Number.ToString(CultureInfo.InvariantCulture))
                .WithData("state", version.State);
        }

        var party = version.Parties.SingleOrDefault(p => p.Id == partyId)
                    ?? throw new EntityNotFoundException(nameof(AgreementParty), partyId);
        if (party.SignatoryUserId != signerUserId || !party.SignatureRequired)
        {
            throw new NotPermittedException(DataSharingErrorCodes.NotTheSignatory).WithData("party", party.Name);
        }

        if (version.Signatures.Any(s => s.PartyId == partyId))
        {
            throw new StateConflictException(DataSharingErrorCodes.AlreadySigned).WithData("party", party.Name);
        }

        var signature = new AgreementSignature(Guid.CreateVersion7(), version.Id, party.Id, party.Name, signerUserId, typedName.Trim(), ipAddress, version.ContentHash!, now)
        {
            TenantId = TenantId,
        };
        version.AddSignature(signature);
        if (!version.UnsignedParties().Any())
        {
            version.State = AgreementState.Signed;
            version.SignedAt = now;
            AddDomainEvent(new AgreementFullySigned(TenantId, Id, version.Number, version.Title));
            ActivateIfDue(version, now, today);
        }

        Refresh();
        return signature;
    }

    /// <summary>
    /// The daily step, idempotent: a signed version whose effective date has come becomes Active (the version it amends
    /// Superseded); an active one past its end date becomes Expired. Returns whether anything changed.
    /// </summary>
    public bool Advance(DateTimeOffset now, DateOnly today)
    {
        var changed = false;
        foreach (var version in _versions.Where(v => v.State == AgreementState.Signed).OrderBy(v => v.Number).ToList())
        {
            changed |= ActivateIfDue(version, now, today);
        }

        foreach (var version in _versions.Where(v => v.State == AgreementState.Active && v.EffectiveTo < today).ToList())
        {
            version.State = AgreementState.Expired;
            version.EndedAt = now;
            changed = true;
            AddDomainEvent(new AgreementExpired(TenantId, Id, version.Number, version.Title, version.EffectiveTo!.Value));
        }

        if (changed)
        {
            Refresh();
        }

        return changed;
    }

    /// <summary>Ends the agreement early, with a reason: the governing version and any open amendment become Terminated.</summary>
    public void Terminate(string reason, DateTimeOffset now)
    {
        var current = Current;
        EnsureState(current, DataSharingTexts.Actions.Terminate, AgreementState.Signed, AgreementState.Active);
        foreach (var version in _versions.Where(v => v.Number >= current.Number))
        {
            version.State = AgreementState.Terminated;
            version.EndedAt = now;
            version.TerminationReason = reason.Trim();
        }

        Refresh();
    }

    /// <summary>
    /// Starts an amendment: the governing version's content copied into a new Draft version, with no signatures. The
    /// governing version stays in force (and readable with its signatures) until the amendment is signed and effective.
    /// </summary>
    public AgreementVersion Amend(DateTimeOffset now)
    {
        if (AmendmentState is not null)
        {
            throw new StateConflictException(DataSharingErrorCodes.AmendmentOpen)
                .WithData("version", LatestVersionNumber.ToString(CultureInfo.InvariantCulture));
        }

        var current = Current;
        EnsureState(current, DataSharingTexts.Actions.Amend, AgreementState.Signed, AgreementState.Active);
        var amendment = new AgreementVersion(Guid.CreateVersion7(), Id, LatestVersionNumber + 1, current.Content, now) { TenantId = TenantId };
        _versions.Add(amendment);
        Refresh();
        return amendment;
    }

    /// <summary>
    /// A party attests that it destroyed the data: once per party. <paramref name="attestedBy"/> must be the party's
    /// signatory in the governing version (the handler lets staff who manage agreements record it on a party's behalf).
    /// </summary>
    public DestructionAttestation AttestDestruction(Guid partyId, Guid attestedBy, string typedName, string method, DateOnly destroyedOn, string? note, DateTimeOffset now)
    {
        var party = Current.Parties.SingleOrDefault(p => p.Id == partyId)
                    ?? throw new EntityNotFoundException(nameof(AgreementParty), partyId);
        if (Current.State is AgreementState.Draft or AgreementState.InReview)
        {
            throw new StateConflictException(DataSharingErrorCodes.IllegalTransition)
                .WithData("state", Current.State)
                .WithData("action", LocalizableWord.Action(DataSharingTexts.Actions.AttestDestruction));
        }

        if (_destructionAttestations.Any(a => a.PartyId == partyId))
        {
            throw new StateConflictException(DataSharingErrorCodes.AlreadyAttested).WithData("party", party.Name);
        }

        var attestation = new DestructionAttestation(Guid.CreateVersion7(), Id, party.Id, party.Name, attestedBy, typedName.Trim(), method.Trim(), destroyedOn, note?.Trim(), now)
        {
            TenantId = TenantId,
        };
        _destructionAttestations.Add(attestation);
        ConcurrencyStamp = NewStamp();
        return attestation;
    }

    /// <summary>
    /// The rules a version must meet before anyone is asked to sign it (a draft may break them while being written).
    /// </summary>
    public static void CheckReadyForSignature(AgreementContent content, bool communityOwnerRequired)
    {
        if (content.Parties.Count < 2)
        {
            throw new RuleBrokenException(DataSharingErrorCodes.TooFewParties);
        }

        if (content.Parties.FirstOrDefault(p => p.SignatureRequired && p.SignatoryUserId is null) is { } unsigned)
        {
            throw new RuleBrokenException(DataSharingErrorCodes.SignatoryRequired).WithData("party", unsigned.Name);
        }

        if (communityOwnerRequired && content.Parties.All(p => p.Role != PartyRole.CommunityOwner))
        {
            throw new RuleBrokenException(DataSharingErrorCodes.CommunityOwnerRequired);
        }

        if (content.DataElements.FirstOrDefault(e => e.Sensitivity > content.Sensitivity) is { } element)
        {
            throw new RuleBrokenException(DataSharingErrorCodes.SensitivityBelowElements)
                .WithData("element", element.Name)
                .WithData("sensitivity", element.Sensitivity);
        }

        if (content.EffectiveTo is { } to && to < content.EffectiveFrom)
        {
            throw new RuleBrokenException(DataSharingErrorCodes.EndBeforeStart);
        }

        if (content.Sensitivity == DataSensitivity.PHI)
        {
            if (content.BreachNotificationDays is null)
            {
                throw new RuleBrokenException(DataSharingErrorCodes.PhiNeedsBreachWindow);
            }

            if (content.DestructionDate is null)
            {
                throw new RuleBrokenException(DataSharingErrorCodes.PhiNeedsDestructionDate);
            }
        }

        if (content.DestructionDate is { } destruction && destruction < content.EffectiveFrom)
        {
            throw new RuleBrokenException(DataSharingErrorCodes.DestructionBeforeStart);
        }
    }

    private bool ActivateIfDue(AgreementVersion version, DateTimeOffset now, DateOnly today)
    {
        if (version.State != AgreementState.Signed || version.EffectiveFrom > today)
        {
            return false;
        }

        foreach (var earlier in _versions.Where(v => v.Number < version.Number && v.State is AgreementState.Active or AgreementState.Signed))
        {
            earlier.State = AgreementState.Superseded;
            earlier.EndedAt = now;
        }

        version.State = AgreementState.Active;
        version.ActivatedAt = now;
        AddDomainEvent(new AgreementActivated(TenantId, Id, version.Number, version.Title));
        return true;
    }

    private static void EnsureState(AgreementVersion version, string action, params AgreementState[] allowed)
    {
        if (!allowed.Contains(version.State))
        {
            throw new StateConflictException(DataSharingErrorCodes.IllegalTransition)
                .WithData("state", version.State)
                .WithData("action", LocalizableWord.Action(action));
        }
    }

    /// <summary>Recomputes the summary the register reads from the versions.</summary>
    private void Refresh()
    {
        var latest = _versions.MaxBy(v => v.Number)!;
        // The version in force governs; failing that the newest that got past review (an agreement signed but not yet
        // effective, or one that has ended; an amendment ended before it was signed never governs); before any did, the
        // original draft.
        var pastReview = _versions.Where(v => v.State is not (AgreementState.Draft or AgreementState.InReview)).ToList();
        var governing = _versions.SingleOrDefault(v => v.State == AgreementState.Active)
                        ?? pastReview.Where(v => v.SignedAt is not null).MaxBy(v => v.Number)
                        ?? pastReview.MaxBy(v => v.Number)
                        ?? _versions.MinBy(v => v.Number)!;
        CurrentVersionNumber = governing.Number;
        LatestVersionNumber = latest.Number;
        AmendmentState = latest.Number > governing.Number && latest.State is AgreementState.Draft or AgreementState.InReview or AgreementState.Signed
            ? latest.State
            : null;
        State = governing.State;
        Title = governing.Title;
        Sensitivity = governing.Sensitivity;
        EffectiveFrom = governing.EffectiveFrom;
        EffectiveTo = governing.EffectiveTo;
        DestructionDate = governing.DestructionDate;
        PartyNames = governing.Content.PartyNames();
        ConcurrencyStamp = NewStamp();
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
