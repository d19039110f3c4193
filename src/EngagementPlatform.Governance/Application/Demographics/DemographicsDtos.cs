using EngagementPlatform.Governance.Domain.Diversity;

namespace EngagementPlatform.Governance.Application.Demographics;

/// <summary><see cref="Holders"/> is withheld (null) when the council is smaller than the minimum cell size.</summary>
public sealed record DiversityDto(int? Holders, int MinimumCellSize, IReadOnlyDictionary<string, IReadOnlyList<AggregateCell>> Dimensions);

public sealed record DemographicsDto(string? Language, string? AgeBand, IReadOnlyList<string> RaceEthnicity, string? Neighborhood)
{
    public static DemographicsDto From(MemberDemographics? d) => new(d?.Language, d?.AgeBand, d?.RaceEthnicity ?? [], d?.Neighborhood);
}
