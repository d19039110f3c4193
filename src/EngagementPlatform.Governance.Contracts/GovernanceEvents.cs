using EngagementPlatform.Framework.Domain;

namespace EngagementPlatform.Governance;

// Events the Governance module publishes for other modules. They are published inside the transaction of the
// change that raised them, so a handler's writes (an outbox row, a payable item) commit with it or not at all.

/// <summary>A decision's record was accepted: everyone who gave input or voted should hear what came of it.</summary>
public sealed record DecisionDecided(
    Guid? TenantId,
    Guid DecisionId,
    Guid CouncilId,
    string Title,
    string Outcome,
    string Rationale,
    bool SecretBallot,
    bool? Passed,
    string? Winner,
    IReadOnlyList<DecisionContributor> Contributors,
    IReadOnlyList<Guid> VoterUserIds) : IDomainEvent;

/// <summary>One person's inputs to a decision; a member has a user id, a member of the public a name and email.</summary>
public sealed record DecisionContributor(Guid? UserId, string? Name, string? Email, IReadOnlyList<ContributedInput> Inputs);

public sealed record ContributedInput(Guid InputId, string Text, string Use, string Explanation);

/// <summary>Voting opened on a decision; the eligible voters are frozen.</summary>
public sealed record VotingOpened(Guid? TenantId, Guid DecisionId, string Title, DateTimeOffset? ClosesAt, IReadOnlyList<Guid> EligibleUserIds) : IDomainEvent;

/// <summary>
/// Attendance at a meeting was recorded. <see cref="Attended"/> lists people newly marked present (never the same
/// person twice for one meeting), <see cref="Withdrawn"/> people whose earlier "present" was corrected to absent.
/// </summary>
public sealed record AttendanceRecorded(
    Guid? TenantId,
    Guid MeetingId,
    Guid CouncilId,
    string MeetingTitle,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    IReadOnlyList<Guid> Attended,
    IReadOnlyList<Guid> Withdrawn) : IDomainEvent;
