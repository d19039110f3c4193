using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.DataSharing.Domain;

/// <summary>
/// A partnership's data-sharing rules: whether every agreement needs a community-owner party before it can be sent for
/// signature, and how many days before an agreement's end date and before its destruction date the parties are reminded.
/// One row per tenant; a tenant without one uses <see cref="Defaults"/>.
/// </summary>
[Audited(KeepValues = true)]
public sealed class DataSharingSettings : Entity<Guid>, IMultiTenant
{
    public static readonly int[] DefaultReminderDays = [60, 30, 7];
    public const int MaxReminderDays = 366;
    public const int MaxReminders = 6;

    private DataSharingSettings()
    {
    }

    public DataSharingSettings(Guid id, bool requireCommunityOwner, IEnumerable<int> expiryReminderDays, IEnumerable<int> destructionReminderDays)
    {
        Id = id;
        Update(requireCommunityOwner, expiryReminderDays, destructionReminderDays);
    }

    public Guid? TenantId { get; set; }

    public bool RequireCommunityOwner { get; private set; }

    /// <summary>Days before the end date on which the parties are reminded, largest first.</summary>
    public List<int> ExpiryReminderDays { get; private set; } = [];

    /// <summary>Days before the destruction date on which the recipients are asked to destroy the data and attest it.</summary>
    public List<int> DestructionReminderDays { get; private set; } = [];

    public static DataSharingSettings Defaults() => new(Guid.Empty, false, DefaultReminderDays, DefaultReminderDays);

    public void Update(bool requireCommunityOwner, IEnumerable<int> expiryReminderDays, IEnumerable<int> destructionReminderDays)
    {
        RequireCommunityOwner = requireCommunityOwner;
        ExpiryReminderDays = [.. expiryReminderDays.Distinct().OrderDescending()];
        DestructionReminderDays = [.. destructionReminderDays.Distinct().OrderDescending()];
    }
}
