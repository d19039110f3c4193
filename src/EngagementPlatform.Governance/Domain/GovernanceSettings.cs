using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Governance.Domain;

/// <summary>A tenant's governance settings.</summary>
public sealed class GovernanceSettings : IMultiTenant
{
    public const int DefaultCloseTheLoopDays = 14;

    public Guid? TenantId { get; private set; }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Days after voting closes by which the decision must be recorded and everyone told what came of it.</summary>
    public int CloseTheLoopDays { get; set; } = DefaultCloseTheLoopDays;
}
