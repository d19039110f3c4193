using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EngagementPlatform.DataSharing.Domain;

/// <summary>
/// A party to an agreement. <see cref="Id"/> stays the same across versions, so a signature or a destruction
/// attestation names the party, not a row of one version. <see cref="SignatoryUserId"/> is the person of the
/// partnership who signs for the party; a party with <see cref="SignatureRequired"/> false (e.g. a steward named for
/// information) does not hold the agreement back.
/// </summary>
public sealed record AgreementParty(
    Guid Id,
    string Name,
    PartyKind Kind,
    PartyRole Role,
    Guid? SignatoryUserId,
    string? ContactEmail,
    bool SignatureRequired = true);

/// <summary>One kind of data the agreement covers, with its own sensitivity.</summary>
public sealed record DataElement(string Name, string? Description, DataSensitivity Sensitivity);

/// <summary>Community ownership and governance: who owns the data, who may publish, community review, return of results.</summary>
public sealed record GovernanceTerms(
    string DataOwner,
    string WhoMayPublish,
    bool CommunityReviewBeforePublication,
    string? ReturnOfResults);

/// <summary>
/// Everything a signatory agrees to: a draft version's editable content, copied into an amendment, hashed when the
/// version is submitted, compared field by field between versions.
/// </summary>
public sealed record AgreementContent(
    string Title,
    string Purpose,
    DataSensitivity Sensitivity,
    IReadOnlyList<AgreementParty> Parties,
    IReadOnlyList<DataElement> DataElements,
    GovernanceTerms Governance,
    IReadOnlyList<string> PermittedUses,
    string? RetentionPeriod,
    DateOnly? DestructionDate,
    string? DestructionMethod,
    int? BreachNotificationDays,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo)
{
    public const int MaxTitleLength = 200;
    public const int MaxPurposeLength = 8000;
    public const int MaxPartyNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MaxElementNameLength = 200;
    public const int MaxElementDescriptionLength = 2000;
    public const int MaxTermLength = 4000;
    public const int MaxPermittedUseLength = 1000;
    public const int MaxRetentionLength = 500;
    public const int MaxDestructionMethodLength = 1000;
    public const int MaxParties = 20;
    public const int MaxDataElements = 200;
    public const int MaxPermittedUses = 50;

    private static readonly JsonSerializerOptions CanonicalJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>
    /// The SHA-256 (lower-case hex) of the exact text a signatory signs: this content as canonical JSON (declared
    /// property order, enums by name, ISO dates) together with the agreement id and version number, so two versions
    /// with the same words still have different hashes.
    /// </summary>
    public string Hash(Guid agreementId, int versionNumber)
    {
        var text = $"{agreementId:D}\n{versionNumber}\n{JsonSerializer.Serialize(this, CanonicalJson)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Party names in order, joined, for the register's search and list.</summary>
    public string PartyNames() => string.Join("; ", Parties.Select(p => p.Name));
}
