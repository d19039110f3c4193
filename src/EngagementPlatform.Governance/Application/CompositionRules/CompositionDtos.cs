using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Councils;

namespace EngagementPlatform.Governance.Application.CompositionRules;

public sealed record RulePhaseDto(DateOnly EffectiveFrom, decimal MinimumShare);

public sealed record RuleDto(
    Guid Id,
    string? Name,
    string? Source,
    CompositionRuleKind Kind,
    IReadOnlyList<SeatCategory> Categories,
    decimal? MinimumShare,
    int? MinimumSeats,
    IReadOnlyList<RulePhaseDto> Phases)
{
    public static RuleDto From(CompositionRule r) => new(
        r.Id, r.Name, r.Source, r.Kind, r.Categories, r.MinimumShare, r.MinimumSeats,
        r.Phases.Select(p => new RulePhaseDto(p.EffectiveFrom, p.MinimumShare)).ToList());
}

public sealed record CompositionRuleRequest(
    string? Name,
    CompositionRuleKind? Kind,
    IReadOnlyList<SeatCategory> Categories,
    decimal? MinimumShare,
    int? MinimumSeats,
    IReadOnlyList<RulePhaseDto>? Phases,
    string? Source);

public sealed record RuleComplianceDto(
    Guid Id,
    string? Name,
    CompositionRuleKind Kind,
    IReadOnlyList<SeatCategory> Categories,
    bool InEffect,
    bool Compliant,
    decimal? MinimumShare,
    decimal? ActualShare,
    int RequiredSeats,
    int ActualSeats,
    int Shortfall,
    string Summary);

public sealed record CategoryCountDto(SeatCategory Category, int Seats, int VotingSeats, int Filled, int Vacant);

public sealed record CompositionDto(
    DateOnly Date,
    bool Compliant,
    int VotingSeats,
    int FilledVotingSeats,
    IReadOnlyList<RuleComplianceDto> Rules,
    IReadOnlyList<CategoryCountDto> Categories);
