using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Governance.Domain.Composition;

namespace EngagementPlatform.Governance.Domain.Councils;

/// <summary>An advisory council (board, committee) with its charter, seats and composition rules.</summary>
[Audited]
public sealed class Council : FullAuditedAggregateRoot<Guid>, IMultiTenant
{
    private readonly List<Seat> _seats = [];
    private readonly List<CompositionRule> _rules = [];

    private Council()
    {
    }

    public Council(Guid id, string name)
    {
        Id = id;
        Name = name;
    }

    public Guid? TenantId { get; private set; }

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string? Charter { get; set; }

    /// <summary>When set, a vote cannot open while the council breaks one of its composition rules.</summary>
    public bool RequireComplianceToVote { get; set; }

    /// <summary>Demographic aggregates withhold any group smaller than this.</summary>
    public int MinimumCellSize { get; set; } = 5;

    public IReadOnlyList<Seat> Seats => _seats;

    public IReadOnlyList<CompositionRule> Rules => _rules;

    public Seat AddSeat(string title, SeatCategory category, bool isVoting, SeatRole role)
    {
        var seat = new Seat(Guid.CreateVersion7(), Id, title, category, isVoting, role);
        _seats.Add(seat);
        return seat;
    }

    public Seat FindSeat(Guid seatId) => _seats.FirstOrDefault(s => s.Id == seatId) ?? throw new EntityNotFoundException(nameof(Seat), seatId);

    /// <summary>Seats a person for a term; the seat must be free and the person in no other seat here for any part of it.</summary>
    public SeatAssignment Assign(Guid seatId, Guid userId, DateOnly termStart, DateOnly? termEnd)
    {
        if (termEnd is { } end && end <= termStart)
        {
            throw new InvalidRequestException(GovernanceErrorCodes.InvalidTerm);
        }

        var seat = FindSeat(seatId);
        if (seat.Assignments.Any(a => a.Overlaps(termStart, termEnd)))
        {
            throw new StateConflictException(GovernanceErrorCodes.SeatOccupied);
        }

        if (_seats.SelectMany(s => s.Assignments).Any(a => a.UserId == userId && a.Overlaps(termStart, termEnd)))
        {
            throw new StateConflictException(GovernanceErrorCodes.AlreadySeated);
        }

        return seat.AddAssignment(userId, termStart, termEnd);
    }

    /// <summary>Ends the current holder's term today: the seat is vacant from today on; the history stays.</summary>
    public SeatAssignment EndCurrentTerm(Guid seatId, DateOnly today)
    {
        var current = FindSeat(seatId).HolderOn(today) ?? throw new StateConflictException(GovernanceErrorCodes.SeatVacant);
        current.EndOn(today);
        return current;
    }

    public CompositionRule AddRule(CompositionRule rule)
    {
        _rules.Add(rule);
        return rule;
    }

    public IReadOnlyList<SeatSnapshot> SeatsOn(DateOnly date)
        => _seats.Select(s => new SeatSnapshot(s.Id, s.Category, s.IsVoting, s.Role, s.HolderOn(date) is not null)).ToList();

    public CompositionCompliance ComplianceOn(DateOnly date)
        => ComplianceCalculator.Evaluate(SeatsOn(date), _rules.Select(r => r.On(date)).ToList());

    /// <summary>Who holds a voting seat on the date, with the seat's category.</summary>
    public IReadOnlyList<(Guid UserId, SeatCategory Category)> VotingHoldersOn(DateOnly date)
        => _seats.Where(s => s.IsVoting)
            .Select(s => (Seat: s, Holder: s.HolderOn(date)))
            .Where(x => x.Holder is not null)
            .Select(x => (x.Holder!.UserId, x.Seat.Category))
            .ToList();

    /// <summary>The category of the seat a person holds on the date, if any.</summary>
    public SeatCategory? CategoryOf(Guid userId, DateOnly date)
        => _seats.FirstOrDefault(s => s.HolderOn(date)?.UserId == userId)?.Category;
}

[Audited]
public sealed class Seat : Entity<Guid>, IMultiTenant
{
    private readonly List<SeatAssignment> _assignments = [];

    private Seat()
    {
    }

    internal Seat(Guid id, Guid councilId, string title, SeatCategory category, bool isVoting, SeatRole role)
    {
        Id = id;
        CouncilId = councilId;
        Title = title;
        Category = category;
        IsVoting = isVoting;
        Role = role;
    }

    public Guid? TenantId { get; private set; }

    public Guid CouncilId { get; private set; }

    public string Title { get; set; } = string.Empty;

    public SeatCategory Category { get; set; }

    public bool IsVoting { get; set; }

    public SeatRole Role { get; set; }

    public IReadOnlyList<SeatAssignment> Assignments => _assignments;

    public SeatAssignment? HolderOn(DateOnly date) => _assignments.FirstOrDefault(a => a.IsActiveOn(date));

    internal SeatAssignment AddAssignment(Guid userId, DateOnly start, DateOnly? end)
    {
        var assignment = new SeatAssignment(Guid.CreateVersion7(), Id, userId, start, end);
        _assignments.Add(assignment);
        return assignment;
    }
}

/// <summary>
/// Who held a seat when. The term runs from <see cref="TermStart"/> up to, not including, <see cref="TermEnd"/>:
/// the seat is vacant on the end date (open-ended when null). Ended terms are kept as history.
/// </summary>
[Audited(KeepValues = true)]
public sealed class SeatAssignment : Entity<Guid>, IMultiTenant
{
    private SeatAssignment()
    {
    }

    internal SeatAssignment(Guid id, Guid seatId, Guid userId, DateOnly termStart, DateOnly? termEnd)
    {
        Id = id;
        SeatId = seatId;
        UserId = userId;
        TermStart = termStart;
        TermEnd = termEnd;
    }

    public Guid? TenantId { get; private set; }

    public Guid SeatId { get; private set; }

    public Guid UserId { get; private set; }

    public DateOnly TermStart { get; private set; }

    public DateOnly? TermEnd { get; private set; }

    /// <summary>The term was ended before its planned end.</summary>
    public bool EndedEarly { get; private set; }

    public bool IsActiveOn(DateOnly date) => TermStart <= date && (TermEnd is null || date < TermEnd);

    /// <summary><see cref="IsActiveOn"/> as a query condition, so a list can ask it in SQL without loading assignments.</summary>
    public static System.Linq.Expressions.Expression<Func<SeatAssignment, bool>> ActiveOn(DateOnly date)
        => a => a.TermStart <= date && (a.TermEnd == null || date < a.TermEnd);

    public bool Overlaps(DateOnly start, DateOnly? end)
        => (end is null || TermStart < end) && (TermEnd is null || start < TermEnd);

    internal void EndOn(DateOnly date)
    {
        TermEnd = date;
        EndedEarly = true;
    }
}
