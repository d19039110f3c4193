namespace EngagementPlatform.Governance.Domain;

/// <summary>What kind of perspective a seat is reserved for.</summary>
public enum SeatCategory
{
    CommunityMember,
    MedicaidMember,
    CommunityOrganization,
    AgencyStaff,
    Provider,
    Other,
}

public enum SeatRole
{
    Member,
    Chair,
    CoChair,
}

public enum CompositionRuleKind
{
    /// <summary>Voting seats held by the categories make up at least a share of all voting seats.</summary>
    MinimumShare,

    /// <summary>At least N filled seats of the categories.</summary>
    MinimumSeats,

    /// <summary>The chair or a co-chair sits in a seat of the categories.</summary>
    ChairFrom,
}

public enum VotingMethod
{
    YesNo,
    Approval,
    RankedChoice,
}

public enum Threshold
{
    SimpleMajority,
    TwoThirds,
    Consensus,
}

public enum YesNoChoice
{
    Yes,
    No,
    Abstain,
}

public enum DecisionState
{
    Draft,
    OpenForInput,
    Voting,
    Decided,
    Implemented,
    Closed,
    Withdrawn,
}

public enum InputUse
{
    Adopted,
    Adapted,
    NotAdopted,
}

public static class SeatCategories
{
    /// <summary>
    /// The community side of shared power: the measure of concurrent majorities, community quorums and community
    /// influence. Agency staff, providers and others are the institution side.
    /// </summary>
    public static readonly IReadOnlySet<SeatCategory> Community = new HashSet<SeatCategory>
    {
        SeatCategory.CommunityMember,
        SeatCategory.MedicaidMember,
        SeatCategory.CommunityOrganization,
    };

    public static bool IsCommunity(this SeatCategory category) => Community.Contains(category);
}
