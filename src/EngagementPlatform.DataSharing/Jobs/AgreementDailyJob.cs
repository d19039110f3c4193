using System.Globalization;
using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Emails;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Timing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.DataSharing.Jobs;

/// <summary>
/// <c>data-sharing:daily</c>, once a day in each active partnership, by itself: on the partnership's date, a signed
/// version whose effective date has come becomes Active and an active one past its end date Expired (the parties are
/// told, <see cref="AgreementExpiredEmails"/>); then the parties are reminded of coming end dates and the recipients
/// and stewards of coming destruction dates. Runs inside its tenant's unit of work, so the claim, the state changes and
/// the queued emails commit together or not at all.
/// </summary>
public sealed class AgreementDailyJob(
    IDataSharingDbContext db,
    IJobOccurrences occurrences,
    ITenantCalendar calendar,
    IClock clock,
    AgreementEmails emails,
    ILogger<AgreementDailyJob> logger) : IRecurringJob
{
    public const string Module = "data-sharing";
    public const string Purpose = "daily";

    /// <summary>
    /// 11:00 UTC: the same calendar day everywhere from UTC−11 to UTC+12 (early morning in the Americas), so each
    /// partnership's "today" is the day the run is for and reminders arrive in the working day.
    /// </summary>
    public const string Cron = "0 11 * * *";

    public const string TimeZone = "Etc/UTC";

    public async Task RunAsync(RecurringJobRun run, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var today = await calendar.TodayAsync(cancellationToken);
        // Hangfire runs an occurrence at least once: the first delivery claims it, a re-delivery does nothing. The
        // partnership's date is part of the key, since the work is "the work of that day". A second occurrence the same
        // day (a manual trigger) does run, and the outbox's deduplication keys keep it from mailing anyone twice.
        if (!await occurrences.TryClaimOccurrenceAsync(run.OccurrenceKey(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), cancellationToken))
        {
            logger.LogInformation("{Job} for {Today} already ran in this occurrence", run.RecurringJobId, today);
            return;
        }

        var settings = await db.DataSharingSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? DataSharingSettings.Defaults();

        // Only agreements with a version that may change state today, found through the versions' (tenant_id, state) index.
        var movingIds = db.AgreementVersions
            .Where(v => v.State == AgreementState.Signed || v.State == AgreementState.Active)
            .Select(v => v.AgreementId);
        var moving = await db.Agreements
            .Include(a => a.Versions)
            .Where(a => movingIds.Contains(a.Id))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var agreement in moving)
        {
            changed += agreement.Advance(now, today) ? 1 : 0;
        }

        // The activations and expiries are saved when the run's unit of work completes; their events (the expiry
        // notices) are handled in that same transaction.
        var expiryReminders = 0;
        if (settings.ExpiryReminderDays.Count > 0)
        {
            foreach (var agreement in moving.Where(a => a.State == AgreementState.Active && a.EffectiveTo is not null))
            {
                var daysLeft = agreement.EffectiveTo!.Value.DayNumber - today.DayNumber;
                if (DueReminder(settings.ExpiryReminderDays, daysLeft) is { } threshold)
                {
                    expiryReminders += await emails.QueueExpiryReminderAsync(agreement, threshold, daysLeft, cancellationToken);
                }
            }
        }

        var destructionReminders = 0;
        if (settings.DestructionReminderDays.Count > 0)
        {
            var horizon = today.AddDays(settings.DestructionReminderDays.Max());
            var destroying = await db.Agreements
                .Include(a => a.Versions)
                .Include(a => a.DestructionAttestations)
                .Where(a => a.State == AgreementState.Signed || a.State == AgreementState.Active || a.State == AgreementState.Expired || a.State == AgreementState.Terminated)
                .Where(a => a.DestructionDate != null && a.DestructionDate >= today && a.DestructionDate <= horizon)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            foreach (var agreement in destroying)
            {
                var daysLeft = agreement.DestructionDate!.Value.DayNumber - today.DayNumber;
                if (DueReminder(settings.DestructionReminderDays, daysLeft) is not { } threshold)
                {
                    continue;
                }

                // A party that attested is not asked again.
                foreach (var party in agreement.Current.Parties.Where(p => p.Role is PartyRole.Recipient or PartyRole.Steward
                             && agreement.DestructionAttestations.All(d => d.PartyId != p.Id)))
                {
                    destructionReminders += await emails.QueueDestructionReminderAsync(agreement, party, threshold, daysLeft, cancellationToken);
                }
            }
        }

        logger.LogInformation("{Job} on {Today}: {Changed} agreement(s) activated or expired, {Expiry} end-date and {Destruction} destruction reminder(s) queued",
            run.RecurringJobId, today, changed, expiryReminders, destructionReminders);
    }

    /// <summary>
    /// Which reminder is due <paramref name="daysLeft"/> days before a date, given the reminder days
    /// (<paramref name="thresholds"/>, e.g. 60/30/7). The rule: of the thresholds already reached
    /// (<c>daysLeft ≤ threshold</c>), the most urgent one, the smallest, and only that one; the caller queues it with a
    /// key naming the threshold, so it goes out once however many days (or runs) reach it. So a run that missed the
    /// 30-day mark sends the 30-day reminder a day late; a first run 5 days before the date sends the 7-day reminder
    /// only, never 60, 30 and 7 at once; a larger threshold passed over is never sent later. Null after the date or
    /// before the first threshold.
    /// </summary>
    public static int? DueReminder(IEnumerable<int> thresholds, int daysLeft)
        => daysLeft < 0 ? null : thresholds.Where(t => daysLeft <= t).Order().Select(t => (int?)t).FirstOrDefault();
}
