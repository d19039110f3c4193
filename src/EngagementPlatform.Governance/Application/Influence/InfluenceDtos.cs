using EngagementPlatform.Governance.Domain;

namespace EngagementPlatform.Governance.Application.Influence;

/// <summary>Share of decided decisions where at least one community input was adopted or adapted.</summary>
public sealed record InfluenceDto(Guid? CouncilId, string? CouncilName, int Decided, int Influenced, decimal? Share);

public sealed record TenantInfluenceDto(InfluenceDto Overall, IReadOnlyList<InfluenceDto> Councils);

public sealed record MyInputDto(Guid InputId, string Text, DateTimeOffset CreatedAt, InputUse? Use, string? Explanation);

public sealed record MyDecisionInfluenceDto(Guid DecisionId, string Title, Guid CouncilId, DecisionState State, bool Influenced, string? Outcome, IReadOnlyList<MyInputDto> Inputs);
