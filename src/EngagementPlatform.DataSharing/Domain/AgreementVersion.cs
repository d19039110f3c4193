using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.DataSharing.Domain;

/// <summary>
/// One version of an agreement: its full content, its state, and the signatures given to it. Version 1 is the
/// original; each amendment is the next number. A version is editable only while it is a Draft; once submitted its
/// content is frozen and hashed (<see cref="ContentHash"/>) and every signature names that hash. Versions are never
/// deleted, so every earlier version stays readable with its signatures.
/// </summary>
[Audited(KeepValues = true)]
public sealed class AgreementVersion : Entity<Guid>, IMultiTenant
{
    private readonly List<AgreementSignature> _signatures = [];

    private AgreementVersion()
    {
    }

    internal AgreementVersion(Guid id, Guid agreementId, int number, AgreementContent content, DateTimeOffset now)
    {
        Id = id;
        AgreementId = agreementId;
        Number = number;
        CreationTime = now;
        Apply(content);
    }

    public Guid? TenantId { get; set; }

    public Guid AgreementId { get; private set; }

    public int Number { get; private set; }

    public AgreementState State { get; internal set; } = AgreementState.Draft;

    public string Title { get; private set; } = string.Empty;

    public string Purpose { get; private set; } = string.Empty;

    public DataSensitivity Sensitivity { get; private set; }

    public List<AgreementParty> Parties { get; private set; } = [];

    public List<DataElement> DataElements { get; private set; } = [];

    public GovernanceTerms Governance { get; private set; } = new(string.Empty, string.Empty, false, null);

    public List<string> PermittedUses { get; private set; } = [];

    public string? RetentionPeriod { get; private set; }

    public DateOnly? DestructionDate { get; private set; }

    public string? DestructionMethod { get; private set; }

    public int? BreachNotificationDays { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public DateOnly? EffectiveTo { get; private set; }

    public DateTimeOffset CreationTime { get; private set; }

    /// <summary>SHA-256 of the content as submitted (<see cref="AgreementContent.Hash"/>); null while a draft.</summary>
    public string? ContentHash { get; internal set; }

    public DateTimeOffset? SubmittedAt { get; internal set; }

    public Guid? SubmittedBy { get; internal set; }

    /// <summary>When the last required signature was given.</summary>
    public DateTimeOffset? SignedAt { get; internal set; }

    public DateTimeOffset? ActivatedAt { get; internal set; }

    /// <summary>When the version stopped being in force: expired, terminated or superseded.</summary>
    public DateTimeOffset? EndedAt { get; internal set; }

    public string? TerminationReason { get; internal set; }

    public IReadOnlyList<AgreementSignature> Signatures => _signatures;

    public AgreementContent Content => new(
        Title, Purpose, Sensitivity, Parties, DataElements, Governance, PermittedUses, RetentionPeriod, DestructionDate,
        DestructionMethod, BreachNotificationDays, EffectiveFrom, EffectiveTo);

    /// <summary>The parties whose signature the version needs and has not got yet.</summary>
    public IEnumerable<AgreementParty> UnsignedParties()
        => Parties.Where(p => p.SignatureRequired && _signatures.All(s => s.PartyId != p.Id));

    internal void Apply(AgreementContent content)
    {
        Title = content.Title.Trim();
        Purpose = content.Purpose.Trim();
        Sensitivity = content.Sensitivity;
        Parties = [.. content.Parties];
        DataElements = [.. content.DataElements];
        Governance = content.Governance;
        PermittedUses = [.. content.PermittedUses];
        RetentionPeriod = content.RetentionPeriod;
        DestructionDate = content.DestructionDate;
        DestructionMethod = content.DestructionMethod;
        BreachNotificationDays = content.BreachNotificationDays;
        EffectiveFrom = content.EffectiveFrom;
        EffectiveTo = content.EffectiveTo;
    }

    internal void AddSignature(AgreementSignature signature) => _signatures.Add(signature);

    internal void ClearSignatures() => _signatures.Clear();
}

/// <summary>
/// A party's signature of one version: the typed-name attestation, who signed (the party's signatory), when, from which
/// address, and the hash of the exact content they were shown. One per (version, party), by a unique index.
/// </summary>
[Audited(KeepValues = true)]
public sealed class AgreementSignature : Entity<Guid>, IMultiTenant
{
    public const int MaxTypedNameLength = 200;
    public const int MaxIpLength = 45;

    private AgreementSignature()
    {
    }

    internal AgreementSignature(Guid id, Guid versionId, Guid partyId, string partyName, Guid signerUserId, string typedName, string? ipAddress, string contentHash, DateTimeOffset signedAt)
    {
        Id = id;
        VersionId = versionId;
        PartyId = partyId;
        PartyName = partyName;
        SignerUserId = signerUserId;
        TypedName = typedName;
        IpAddress = ipAddress;
        ContentHash = contentHash;
        SignedAt = signedAt;
    }

    public Guid? TenantId { get; set; }

    public Guid VersionId { get; private set; }

    public Guid PartyId { get; private set; }

    /// <summary>The party's name as it stood in the signed version.</summary>
    public string PartyName { get; private set; } = string.Empty;

    public Guid SignerUserId { get; private set; }

    /// <summary>The name the signatory typed to attest that they agree to this version.</summary>
    public string TypedName { get; private set; } = string.Empty;

    public string? IpAddress { get; private set; }

    public string ContentHash { get; private set; } = string.Empty;

    public DateTimeOffset SignedAt { get; private set; }
}

/// <summary>
/// A party's statement that it destroyed the data the agreement covered: who attested, when, how and on what date the
/// data was destroyed. One per (agreement, party); kept on the agreement for good.
/// </summary>
[Audited(KeepValues = true)]
public sealed class DestructionAttestation : Entity<Guid>, IMultiTenant
{
    public const int MaxMethodLength = 1000;
    public const int MaxNoteLength = 4000;

    private DestructionAttestation()
    {
    }

    internal DestructionAttestation(Guid id, Guid agreementId, Guid partyId, string partyName, Guid attestedBy, string typedName, string method, DateOnly destroyedOn, string? note, DateTimeOffset attestedAt)
    {
        Id = id;
        AgreementId = agreementId;
        PartyId = partyId;
        PartyName = partyName;
        AttestedBy = attestedBy;
        TypedName = typedName;
        Method = method;
        DestroyedOn = destroyedOn;
        Note = note;
        AttestedAt = attestedAt;
    }

    public Guid? TenantId { get; set; }

    public Guid AgreementId { get; private set; }

    public Guid PartyId { get; private set; }

    public string PartyName { get; private set; } = string.Empty;

    public Guid AttestedBy { get; private set; }

    public string TypedName { get; private set; } = string.Empty;

    public string Method { get; private set; } = string.Empty;

    public DateOnly DestroyedOn { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset AttestedAt { get; private set; }
}
