using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Compensation.Domain;

/// <summary>
/// What the partnership pays per hour, per meeting or per deliverable, for the whole tenant (<see cref="CouncilId"/>
/// null) or one council, from <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/> (inclusive; null: open-ended).
/// A rate is never edited: a change is a new version (<see cref="Supersede"/>) that starts the day after the old one
/// ends, so the history of what was paid when stays, and items keep the unit amount they were created with.
/// </summary>
[Audited(KeepValues = true)]
public sealed class Rate : AggregateRoot<Guid>, IMultiTenant, IHasCreationAudit
{
    public const int MaxNameLength = 200;

    private Rate()
    {
    }

    public Rate(Guid id, string name, RateUnit unit, Money amount, Guid? councilId, DateOnly effectiveFrom, Guid? previousVersionId = null)
    {
        Id = id;
        Name = name;
        Unit = unit;
        Amount = amount.Amount;
        Currency = amount.Currency;
        CouncilId = councilId;
        EffectiveFrom = effectiveFrom;
        PreviousVersionId = previousVersionId;
    }

    public Guid? TenantId { get; set; }

    public string Name { get; private set; } = string.Empty;

    public RateUnit Unit { get; private set; }

    /// <summary>The unit amount (up to four decimals; an item's total is rounded to the minor unit).</summary>
    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "USD";

    public Guid? CouncilId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public DateOnly? EffectiveTo { get; private set; }

    /// <summary>The version this one replaced, if any.</summary>
    public Guid? PreviousVersionId { get; private set; }

    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public Money Money => new(Amount, Currency);

    /// <summary>Whether the rate applies on <paramref name="date"/> (the same rule the SQL reads use).</summary>
    public static bool IsEffective(DateOnly effectiveFrom, DateOnly? effectiveTo, DateOnly date)
        => effectiveFrom <= date && (effectiveTo == null || effectiveTo >= date);

    /// <summary>
    /// Ends this version the day before <paramref name="from"/> and returns the version that applies from then on.
    /// Only the current (open-ended) version can be superseded, and not before it starts.
    /// </summary>
    public Rate Supersede(Guid newId, Money amount, DateOnly from)
    {
        if (EffectiveTo is not null)
        {
            throw new StateConflictException(CompensationErrorCodes.RateSuperseded).WithData("effectiveTo", EffectiveTo.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (from <= EffectiveFrom)
        {
            throw new RuleBrokenException(CompensationErrorCodes.RateVersionTooEarly).WithData("effectiveFrom", EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        EffectiveTo = from.AddDays(-1);
        return new Rate(newId, Name, Unit, amount, CouncilId, from, Id) { TenantId = TenantId };
    }
}
