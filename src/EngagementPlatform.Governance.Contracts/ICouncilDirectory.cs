namespace EngagementPlatform.Governance;

/// <summary>
/// What other modules may read of the current tenant's councils (e.g. to pay the members who sit on one, or to
/// share data with a council). Answers for the current tenant only; a council of another tenant is not there.
/// </summary>
public interface ICouncilDirectory
{
    /// <summary>The tenant's councils, by name.</summary>
    Task<IReadOnlyList<CouncilInfo>> GetCouncilsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The people holding a voting seat of the council on <paramref name="date"/> (the tenant's today when left out),
    /// or null when there is no such council.
    /// </summary>
    Task<IReadOnlyList<CouncilMemberInfo>?> GetVotingMembersAsync(Guid councilId, DateOnly? date = null, CancellationToken cancellationToken = default);
}

public sealed record CouncilInfo(Guid Id, string Name);

/// <summary>A seat holder: the user, the seat, and whether the seat is one of the community categories.</summary>
public sealed record CouncilMemberInfo(Guid UserId, Guid SeatId, string SeatTitle, bool IsCommunity);
