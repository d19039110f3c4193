using EngagementPlatform.Framework.Domain;

namespace EngagementPlatform.Governance;

/// <summary>Voting closes soon; <see cref="NonVoterUserIds"/> are eligible voters who have not voted yet.</summary>
public sealed record VotingClosingSoon(Guid? TenantId, Guid DecisionId, string Title, DateTimeOffset ClosesAt, IReadOnlyList<Guid> NonVoterUserIds) : IDomainEvent;
