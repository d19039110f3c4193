using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Governance.Domain.Diversity;

/// <summary>
/// What a member chose to tell about themselves, every field optional. Only ever shown as aggregates with small
/// groups withheld; no endpoint returns another person's answers.
/// </summary>
public sealed class MemberDemographics : IMultiTenant
{
    public static readonly string[] AgeBands = ["under-18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"];

    /// <summary>The US federal minimum categories plus an open "other", as a self-identified multi-choice.</summary>
    public static readonly string[] RaceEthnicityOptions =
    [
        "american-indian-or-alaska-native", "asian", "black-or-african-american", "hispanic-or-latino",
        "middle-eastern-or-north-african", "native-hawaiian-or-pacific-islander", "white", "other",
    ];

    private MemberDemographics()
    {
    }

    public MemberDemographics(Guid userId) => UserId = userId;

    public Guid? TenantId { get; private set; }

    public Guid UserId { get; private set; }

    public string? Language { get; set; }

    public string? AgeBand { get; set; }

    public List<string> RaceEthnicity { get; set; } = [];

    public string? Neighborhood { get; set; }
}
