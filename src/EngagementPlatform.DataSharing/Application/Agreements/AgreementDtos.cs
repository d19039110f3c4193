using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.Identity;

namespace EngagementPlatform.DataSharing.Application.Agreements;

/// <summary>A party's signature of one version: who signed, the typed name, when, from which address, and the hash they signed.</summary>
public sealed record SignatureDto(Guid SignerUserId, string TypedName, DateTimeOffset SignedAt, string? IpAddress, string ContentHash);

/// <summary>A party of a version, its signatory's name, and its signature of that version (null until it signs).</summary>
public sealed record PartyDto(
    Guid Id,
    string Name,
    PartyKind Kind,
    PartyRole Role,
    Guid? SignatoryUserId,
    string? SignatoryName,
    string? ContactEmail,
    bool SignatureRequired,
    SignatureDto? Signature);

/// <summary>One version in full: its content, its parties with their signatures, and its dates.</summary>
public sealed record VersionDto(
    int Number,
    AgreementState State,
    string? ContentHash,
    string Title,
    string Purpose,
    DataSensitivity Sensitivity,
    IReadOnlyList<PartyDto> Parties,
    IReadOnlyList<DataElement> DataElements,
    GovernanceTerms Governance,
    IReadOnlyList<string> PermittedUses,
    string? RetentionPeriod,
    DateOnly? DestructionDate,
    string? DestructionMethod,
    int? BreachNotificationDays,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? SignedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? EndedAt,
    string? TerminationReason);

/// <summary>A version in the agreement's history: its state, dates and how many of its required signatures it has.</summary>
public sealed record VersionSummaryDto(
    int Number,
    AgreementState State,
    string Title,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? SignedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? EndedAt,
    int SignatureCount,
    int RequiredSignatureCount);

public sealed record DestructionAttestationDto(
    Guid Id,
    Guid PartyId,
    string PartyName,
    Guid AttestedBy,
    string TypedName,
    string Method,
    DateOnly DestroyedOn,
    string? Note,
    DateTimeOffset AttestedAt);

/// <summary>A signature the caller is asked for on this agreement: sign <c>contentHash</c> of the version for the party.</summary>
public sealed record MySignatureRequestDto(int VersionNumber, Guid PartyId, string PartyName, string ContentHash);

/// <summary>
/// An agreement: its summary (the governing version's), the governing version in full (<see cref="Current"/>), the open
/// amendment in full when there is one (<see cref="Amendment"/>), every version's summary, the destruction
/// attestations, and what the caller is asked to sign. <see cref="CanManage"/>: the caller holds
/// <c>DataSharing.Agreements.Manage</c>.
/// </summary>
public sealed record AgreementDto(
    Guid Id,
    AgreementState State,
    string Title,
    DataSensitivity Sensitivity,
    string PartyNames,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    DateOnly? DestructionDate,
    int CurrentVersionNumber,
    int LatestVersionNumber,
    AgreementState? AmendmentState,
    string ConcurrencyStamp,
    DateTimeOffset CreationTime,
    bool CanManage,
    VersionDto Current,
    VersionDto? Amendment,
    IReadOnlyList<VersionSummaryDto> Versions,
    IReadOnlyList<DestructionAttestationDto> DestructionAttestations,
    IReadOnlyList<MySignatureRequestDto> MySignatureRequests);

/// <summary>A version waiting for the caller's signature, for the "my signatures" page.</summary>
public sealed record SignatureRequestDto(Guid AgreementId, string Title, int VersionNumber, Guid PartyId, string PartyName, DateTimeOffset? SubmittedAt);

/// <summary>The body of the amendment's 201: the new draft version's number.</summary>
public sealed record AmendmentCreated(int VersionNumber);

internal static class AgreementMapping
{
    /// <summary>Every person an agreement names (signatories of every version, signers), for one directory look-up.</summary>
    public static IReadOnlyCollection<Guid> PeopleNamed(this Agreement agreement)
        => agreement.Versions.SelectMany(v => v.Parties.Where(p => p.SignatoryUserId is not null).Select(p => p.SignatoryUserId!.Value))
            .Concat(agreement.Versions.SelectMany(v => v.Signatures.Select(s => s.SignerUserId)))
            .ToHashSet();

    public static VersionDto ToDto(this AgreementVersion v, IReadOnlyDictionary<Guid, UserInfo> people) => new(
        v.Number,
        v.State,
        v.ContentHash,
        v.Title,
        v.Purpose,
        v.Sensitivity,
        v.Parties.Select(p => new PartyDto(
            p.Id,
            p.Name,
            p.Kind,
            p.Role,
            p.SignatoryUserId,
            p.SignatoryUserId is { } id && people.TryGetValue(id, out var user) ? user.Name : null,
            p.ContactEmail,
            p.SignatureRequired,
            v.Signatures.FirstOrDefault(s => s.PartyId == p.Id) is { } s ? new SignatureDto(s.SignerUserId, s.TypedName, s.SignedAt, s.IpAddress, s.ContentHash) : null)).ToList(),
        v.DataElements,
        v.Governance,
        v.PermittedUses,
        v.RetentionPeriod,
        v.DestructionDate,
        v.DestructionMethod,
        v.BreachNotificationDays,
        v.EffectiveFrom,
        v.EffectiveTo,
        v.SubmittedAt,
        v.SignedAt,
        v.ActivatedAt,
        v.EndedAt,
        v.TerminationReason);

    public static VersionSummaryDto ToSummary(this AgreementVersion v) => new(
        v.Number, v.State, v.Title, v.SubmittedAt, v.SignedAt, v.ActivatedAt, v.EndedAt,
        v.Signatures.Count, v.Parties.Count(p => p.SignatureRequired));

    /// <summary>The parties of the version in review that <paramref name="userId"/> signs for and has not signed yet.</summary>
    public static IEnumerable<AgreementParty> AwaitingSignatureOf(this AgreementVersion v, Guid userId)
        => v.State == AgreementState.InReview ? v.UnsignedParties().Where(p => p.SignatoryUserId == userId) : [];

    public static AgreementDto ToDto(this Agreement a, IReadOnlyDictionary<Guid, UserInfo> people, bool canManage, Guid? userId)
    {
        var latest = a.Latest;
        return new AgreementDto(
            a.Id,
            a.State,
            a.Title,
            a.Sensitivity,
            a.PartyNames,
            a.EffectiveFrom,
            a.EffectiveTo,
            a.DestructionDate,
            a.CurrentVersionNumber,
            a.LatestVersionNumber,
            a.AmendmentState,
            a.ConcurrencyStamp,
            a.CreationTime,
            canManage,
            a.Current.ToDto(people),
            latest.Number > a.CurrentVersionNumber ? latest.ToDto(people) : null,
            a.Versions.OrderBy(v => v.Number).Select(v => v.ToSummary()).ToList(),
            a.DestructionAttestations.OrderBy(d => d.AttestedAt)
                .Select(d => new DestructionAttestationDto(d.Id, d.PartyId, d.PartyName, d.AttestedBy, d.TypedName, d.Method, d.DestroyedOn, d.Note, d.AttestedAt))
                .ToList(),
            userId is { } me
                ? latest.AwaitingSignatureOf(me).Select(p => new MySignatureRequestDto(latest.Number, p.Id, p.Name, latest.ContentHash!)).ToList()
                : []);
    }
}
