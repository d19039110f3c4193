using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record OptionDto(Guid Id, string Title);

public sealed record RecusalDto(Guid UserId, string Reason);

public sealed record DecisionDto(
    Guid Id,
    Guid CouncilId,
    string Title,
    string? Description,
    VotingMethod Method,
    IReadOnlyList<OptionDto> Options,
    decimal Quorum,
    Threshold Threshold,
    bool SecretBallot,
    bool ConcurrentMajority,
    int? CommunityQuorum,
    bool AllowPublicInput,
    string? PublicInputToken,
    DateTimeOffset? VotingClosesAt,
    DecisionState State,
    bool IsVotingOpen,
    DateTimeOffset? VotingOpenedAt,
    DateTimeOffset? VotingClosedAt,
    int EligibleVoters,
    int VotesCast,
    DateTimeOffset? CloseTheLoopDueAt,
    bool IsOverdue,
    string? Outcome,
    string? Rationale,
    DateTimeOffset? RecordedAt,
    DateOnly? ImplementedOn,
    string? ImplementationNote,
    DateTimeOffset? ClosedAt,
    string? WithdrawnReason,
    int InputCount,
    IReadOnlyList<RecusalDto> Recusals,
    DateTimeOffset CreationTime)
{
    public static DecisionDto From(Decision d, int votesCast, DateTimeOffset now) => new(
        d.Id, d.CouncilId, d.Title, d.Description, d.Method, d.Options.Select(o => new OptionDto(o.Id, o.Title)).ToList(),
        d.Quorum, d.Threshold, d.SecretBallot, d.ConcurrentMajority, d.CommunityQuorum, d.AllowPublicInput, d.PublicInputToken,
        d.VotingClosesAt, d.State, d.IsVotingOpen(now), d.VotingOpenedAt, d.VotingClosedAt, d.Voters.Count, votesCast,
        d.CloseTheLoopDueAt, d.IsOverdue(now), d.Outcome, d.Rationale, d.RecordedAt, d.ImplementedOn, d.ImplementationNote,
        d.ClosedAt, d.WithdrawnReason, d.Inputs.Count, d.Recusals.Select(r => new RecusalDto(r.UserId, r.Reason)).ToList(), d.CreationTime);
}

/// <summary>
/// A decision as the list shows it: read as columns straight from SQL, with its counts, and nothing secret (no
/// public-input token) and no child collections. <c>GET /api/governance/decisions/{id}</c> answers the full
/// <see cref="DecisionDto"/>.
/// </summary>
public sealed record DecisionSummaryDto(
    Guid Id,
    Guid CouncilId,
    string Title,
    VotingMethod Method,
    bool SecretBallot,
    bool AllowPublicInput,
    DecisionState State,
    bool IsVotingOpen,
    DateTimeOffset? VotingClosesAt,
    DateTimeOffset? CloseTheLoopDueAt,
    bool IsOverdue,
    DateTimeOffset? RecordedAt,
    int EligibleVoters,
    int VotesCast,
    int InputCount,
    DateTimeOffset CreationTime);

public sealed record InputDto(
    Guid Id,
    Guid? AuthorUserId,
    string AuthorName,
    bool FromPublic,
    string Text,
    DateTimeOffset CreatedAt,
    InputUse? Use,
    string? UseExplanation,
    bool IsSpam);

/// <summary>What the public page shows: the question, whether it takes input now, and, once recorded, what was decided.</summary>
public sealed record PublicDecisionDto(
    string Title,
    string? Description,
    string CouncilName,
    DecisionState State,
    bool AcceptingInput,
    string? Outcome,
    string? Rationale,
    DateTimeOffset? RecordedAt);

/// <summary><c>choice</c> for YesNo (Yes | No | Abstain); <c>choices</c> for Approval; <c>ranking</c> for RankedChoice.
/// Options may be named by id or by title. An empty list abstains.</summary>
public sealed record VoteRequest(string? Choice, IReadOnlyList<string>? Choices, IReadOnlyList<string>? Ranking);

/// <summary>What the voter sees of their own ballot. A secret ballot shows only that a vote is counted.</summary>
public sealed record MyVoteDto(bool Eligible, bool HasVoted, bool IsVotingOpen, string? Choice, IReadOnlyList<string>? Options);

public sealed record OpenVoteDto(Guid UserId, string Name, string? Choice, IReadOnlyList<string> Options);
