using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;

namespace EngagementPlatform.SaaS.Domain;

/// <summary>A plan: which optional modules a tenant may use and how much of them.</summary>
[Audited(KeepValues = true)]
public sealed class Edition : FullAuditedAggregateRoot<Guid>
{
    private Edition()
    {
    }

    public Edition(Guid id, string name)
    {
        Id = id;
        Name = name;
    }

    public string Name { get; set; } = string.Empty;

    public string? StripePriceId { get; set; }

    public EditionFeatures Features { get; set; } = new();

    public EditionLimits Limits { get; set; } = new();
}

public sealed class EditionFeatures
{
    public bool Compensation { get; set; }

    public bool DataSharing { get; set; }

    public bool Assessments { get; set; }

    public bool StripePayouts { get; set; }
}

/// <summary>Null means unlimited.</summary>
public sealed class EditionLimits
{
    public int? Councils { get; set; }

    public int? ActiveMembers { get; set; }

    public int? AssessmentSchedules { get; set; }
}
