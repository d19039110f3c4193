using EngagementPlatform.Framework.Domain;

namespace EngagementPlatform.DataSharing;

/// <summary>A version was sent for signature; <paramref name="SignatoryUserIds"/> are the people asked to sign it.</summary>
public sealed record AgreementSubmitted(Guid? TenantId, Guid AgreementId, int VersionNumber, string Title, IReadOnlyList<Guid> SignatoryUserIds) : IDomainEvent;

/// <summary>Every required signatory signed a version.</summary>
public sealed record AgreementFullySigned(Guid? TenantId, Guid AgreementId, int VersionNumber, string Title) : IDomainEvent;

/// <summary>A version came into force (its effective date came after every signature).</summary>
public sealed record AgreementActivated(Guid? TenantId, Guid AgreementId, int VersionNumber, string Title) : IDomainEvent;

/// <summary>A version's end date passed: it is no longer in force.</summary>
public sealed record AgreementExpired(Guid? TenantId, Guid AgreementId, int VersionNumber, string Title, DateOnly EndedOn) : IDomainEvent;
