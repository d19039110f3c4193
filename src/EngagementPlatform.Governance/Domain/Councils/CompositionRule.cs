using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Governance.Domain.Composition;

namespace EngagementPlatform.Governance.Domain.Councils;

/// <summary>From this date on, the rule asks for this share (a phase-in schedule).</summary>
public sealed record RulePhase(DateOnly EffectiveFrom, decimal MinimumShare);

/// <summary>
/// An equity rule for a council's make-up. A share rule may phase in: before its first phase it is not yet in
/// effect; from each phase's date the phase's share applies.
/// </summary>
public sealed class CompositionRule : Entity<Guid>, IMultiTenant
{
    private CompositionRule()
    {
    }

    public CompositionRule(Guid id, Guid councilId, CompositionRuleKind kind, IEnumerable<SeatCategory> categories, string? name)
    {
        Id = id;
        CouncilId = councilId;
        Kind = kind;
        Categories = categories.Distinct().Order().ToList();
        Name = name;
    }

    public Guid? TenantId { get; private set; }

    public Guid CouncilId { get; private set; }

    public string? Name { get; set; }

    /// <summary>Where the rule comes from (a regulation, the charter), shown beside it.</summary>
    public string? Source { get; set; }

    public CompositionRuleKind Kind { get; private set; }

    public List<SeatCategory> Categories { get; private set; } = [];

    public decimal? MinimumShare { get; set; }

    public int? MinimumSeats { get; set; }

    public List<RulePhase> Phases { get; set; } = [];

    /// <summary>The share that applies on the date: the latest phase begun by then, or the plain minimum.</summary>
    public decimal? ShareOn(DateOnly date)
        => Phases.Count == 0
            ? MinimumShare
            : Phases.Where(p => p.EffectiveFrom <= date).OrderBy(p => p.EffectiveFrom).Select(p => (decimal?)p.MinimumShare).LastOrDefault();

    public RuleSnapshot On(DateOnly date)
    {
        var share = ShareOn(date);
        var inEffect = Kind != CompositionRuleKind.MinimumShare || share is not null;
        return new RuleSnapshot(Id, Kind, Categories.ToHashSet(), share, MinimumSeats, inEffect);
    }
}

/// <summary>Ready-made rules agencies can add in one step.</summary>
public static class CompositionRuleTemplates
{
    public const string MedicaidAdvisoryCommittee = "medicaid-advisory-committee";

    /// <summary>
    /// The federal Medicaid Advisory Committee rule (42 CFR 431.12 as revised by the CMS "Ensuring Access to Medicaid
    /// Services" final rule, CMS-2442-F, 2024): members drawn from the Beneficiary Advisory Council make up at least
    /// 10% of the committee from 9 July 2025, 20% from 9 July 2026 and 25% from 9 July 2027. Here the beneficiary
    /// seats are the <see cref="SeatCategory.MedicaidMember"/> seats. Check the dates against the current eCFR
    /// before relying on them; a tenant can edit the phases.
    /// </summary>
    public static CompositionRule MedicaidAdvisoryCommitteeRule(Guid councilId) =>
        new(Guid.CreateVersion7(), councilId, CompositionRuleKind.MinimumShare, [SeatCategory.MedicaidMember], "Medicaid Advisory Committee: beneficiary share")
        {
            Source = "42 CFR 431.12(d), CMS-2442-F (Ensuring Access to Medicaid Services, 2024)",
            Phases =
            [
                new RulePhase(new DateOnly(2025, 7, 9), 0.10m),
                new RulePhase(new DateOnly(2026, 7, 9), 0.20m),
                new RulePhase(new DateOnly(2027, 7, 9), 0.25m),
            ],
        };
}
