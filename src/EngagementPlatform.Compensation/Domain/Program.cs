using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Compensation.Domain;

/// <summary>
/// A named line of work (e.g. "Community health councils") with the councils it covers. A council belongs to at most
/// one program, so an attendance item can take its council's program when it is made; the item keeps it, so moving a
/// council later never moves what was already spent. Budgets are per program and year (<see cref="ProgramBudget"/>).
/// </summary>
[Audited(KeepValues = true)]
public sealed class CompensationProgram : AggregateRoot<Guid>, IMultiTenant, IHasCreationAudit, IHasModificationAudit
{
    public const int MaxNameLength = 200;
    public const int MaxCouncils = 100;

    private CompensationProgram()
    {
    }

    public CompensationProgram(Guid id, string name, IEnumerable<Guid> councilIds)
    {
        Id = id;
        Name = name;
        CouncilIds = councilIds.Distinct().ToList();
    }

    public Guid? TenantId { get; set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The councils whose attendance items are charged to this program.</summary>
    public List<Guid> CouncilIds { get; private set; } = [];

    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }
}

/// <summary>What a program may spend in one calendar year, in one currency (one row per program and year).</summary>
[Audited(KeepValues = true)]
public sealed class ProgramBudget : AggregateRoot<Guid>, IMultiTenant, IHasCreationAudit, IHasModificationAudit
{
    private ProgramBudget()
    {
    }

    public ProgramBudget(Guid programId, int year, Money amount)
    {
        Id = Guid.CreateVersion7();
        ProgramId = programId;
        Year = year;
        Set(amount);
    }

    public Guid? TenantId { get; set; }

    public Guid ProgramId { get; private set; }

    public int Year { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "USD";

    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    public void Set(Money amount)
    {
        Amount = amount.Amount;
        Currency = amount.Currency;
    }
}

/// <summary>
/// The information-return threshold (e.g. the US Form 1099-NEC) that applies to payments made from <see cref="Year"/> on,
/// until the next row's year. A payee's annual total in this currency at or above it is flagged. Seeded for every
/// tenant with the US values (<see cref="UsDefaults"/>) and editable per tenant.
/// </summary>
[Audited(KeepValues = true)]
public sealed class ReportingThreshold : AggregateRoot<Guid>, IMultiTenant, IHasCreationAudit, IHasModificationAudit
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private ReportingThreshold()
    {
    }

    public ReportingThreshold(int year, Money amount)
    {
        Id = Guid.CreateVersion7();
        Year = year;
        Set(amount);
    }

    /// <summary>The US Form 1099-NEC thresholds: $600.00 for payments through 2025, $2,000.00 for payments from 2026.</summary>
    public static IReadOnlyList<(int Year, Money Amount)> UsDefaults { get; } =
    [
        (MinYear, new Money(600.00m, "USD")),
        (2026, new Money(2000.00m, "USD")),
    ];

    public Guid? TenantId { get; set; }

    /// <summary>The first payment year the threshold applies to.</summary>
    public int Year { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "USD";

    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    public void Set(Money amount)
    {
        Amount = amount.Amount;
        Currency = amount.Currency;
    }
}
