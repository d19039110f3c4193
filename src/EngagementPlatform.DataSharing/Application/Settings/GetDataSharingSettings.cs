using EngagementPlatform.DataSharing.Application.Agreements;
using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Permissions;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Settings;

/// <summary>The partnership's data-sharing rules: a community owner required before submission, and reminder days (largest first).</summary>
public sealed record DataSharingSettingsDto(bool RequireCommunityOwner, IReadOnlyList<int> ExpiryReminderDays, IReadOnlyList<int> DestructionReminderDays)
{
    internal static DataSharingSettingsDto From(DataSharingSettings s) => new(s.RequireCommunityOwner, s.ExpiryReminderDays, s.DestructionReminderDays);
}

public sealed record GetDataSharingSettingsQuery : IQuery<DataSharingSettingsDto>;

/// <summary>The saved settings, or the defaults (no community owner required, reminders 60, 30 and 7 days before) when none were saved.</summary>
/// <remarks>The endpoint lets in whoever holds <c>DataSharing.Agreements</c> (the editor shows the rules) or <c>DataSharing.Settings</c>.</remarks>
public sealed class GetDataSharingSettingsHandler(IDataSharingDbContext db) : IQueryHandler<GetDataSharingSettingsQuery, DataSharingSettingsDto>
{
    public async ValueTask<DataSharingSettingsDto> Handle(GetDataSharingSettingsQuery query, CancellationToken cancellationToken)
        => DataSharingSettingsDto.From(await db.SettingsAsync(cancellationToken));
}
