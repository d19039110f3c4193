using System.Globalization;
using EngagementPlatform.Compensation.Application.Payees;
using EngagementPlatform.Compensation.Application.Reports;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Features;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance;
using EngagementPlatform.SaaS;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.Compensation.Application.Attendance;

/// <summary>
/// Pays meeting attendance. Governance publishes <see cref="AttendanceRecorded"/> inside the transaction that saved the
/// attendance, with only the changes, and this handler's items commit with it or not at all:
/// <list type="bullet">
/// <item>what is due to a present person is the council's <c>Meeting</c> rate in effect on the meeting's date, else
/// the meeting's hours × its <c>Hour</c> rate; when the council has neither, the partnership-wide rates the same way.
/// No rate, no item (and a log line). The submitter is whoever saved the attendance.</item>
/// <item>it works from the net per (meeting, payee): the sum of the items that are not voided (the original and its
/// adjustments). Present with a net below what is due: pending negative adjustments are voided and one adjusting item
/// for the difference is added (or the item is made when none is live). Absent: unpaid items are voided with the
/// reason, and what was already paid gets one negative adjustment, never an edit.</item>
/// </list>
/// Saving the same attendance again finds the net as it should be and changes nothing. Concurrent saves are kept apart
/// by the database: one live original per (meeting, payee) (<see cref="CompensationModelBuilderExtensions.ItemPerSourceAndPayee"/>)
/// and a sequence number per (meeting, payee) in a second unique key (<see cref="CompensationModelBuilderExtensions.ItemSequencePerSourceAndPayee"/>),
/// so two saves that compute the same next item cannot both add it: the later fails with a conflict.
/// Partnerships whose plan lacks the compensation feature are not paid through this module.
/// </summary>
public sealed class AttendancePayments(
    ICompensationDbContext db,
    PersonPayees personPayees,
    IFeatureChecker features,
    ICurrentUser currentUser,
    ICurrentTenant currentTenant,
    ITenantStore tenants,
    ITextLocalizer texts,
    ILogger<AttendancePayments> logger) : INotificationHandler<AttendanceRecorded>
{
    public async ValueTask Handle(AttendanceRecorded recorded, CancellationToken cancellationToken)
    {
        if (!await features.IsEnabledAsync(SaasFeatures.Compensation, cancellationToken))
        {
            return;
        }

        var tenant = currentTenant.Id is { } tenantId ? await tenants.FindAsync(tenantId, cancellationToken) : null;
        var date = TenantCalendar.Today(recorded.StartsAt, tenant?.TimeZone);
        var label = $"{recorded.MeetingTitle}, {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var culture = TextLocalizer.CultureOf(tenant?.DefaultLanguage);
        // The rate first: without one, attendance makes no payee and no item.
        var rate = recorded.Attended.Count > 0 ? await RateAsync(recorded, date, cancellationToken) : null;
        if (recorded.Attended.Count > 0 && rate is null)
        {
            logger.LogInformation("No meeting or hour rate applies to council {CouncilId} on {Date}: attendance at meeting {MeetingId} creates no payable items",
                recorded.CouncilId, date, recorded.MeetingId);
        }

        var payees = rate is null ? [] : await personPayees.GetOrCreateAsync(recorded.Attended, "entries", cancellationToken);
        foreach (var (userId, payee) in await personPayees.FindAsync(recorded.Withdrawn, cancellationToken))
        {
            payees[userId] = payee;
        }

        var payeeIds = payees.Values.Select(p => p.Id).ToList();
        // Every item of the meeting for these payees, voided ones too: a new item's sequence follows the highest.
        var existing = payeeIds.Count == 0
            ? []
            : await db.PayableItems
                .Where(i => i.SourceKind == PayableItemSourceKind.Meeting && i.SourceId == recorded.MeetingId && payeeIds.Contains(i.PayeeId))
                .ToListAsync(cancellationToken);

        if (rate is not null)
        {
            var programId = await db.ProgramOfCouncilAsync(recorded.CouncilId, cancellationToken);
            PayAttended(recorded, rate, label, culture, payees, existing, (programId, date));
        }

        foreach (var userId in recorded.Withdrawn.Where(payees.ContainsKey))
        {
            Withdraw(existing.Where(i => i.PayeeId == payees[userId].Id).ToList(), culture);
        }
    }

    /// <summary>
    /// Absent: every unpaid item still owed to the payee for the meeting is voided with the reason; what was already
    /// paid and not yet taken back (the net of the paid items and the pending negative adjustments) gets one negative
    /// adjustment. Nothing changes when the net is already zero, so saving the same absence again adds nothing.
    /// </summary>
    private void Withdraw(List<PayableItem> items, CultureInfo culture)
    {
        foreach (var unpaid in items.Where(i => i.Status is PayableItemStatus.Submitted or PayableItemStatus.Approved && i.Amount > 0))
        {
            unpaid.Void(texts.Get(CompensationTexts.WithdrawnReason, culture));
        }

        var live = items.Where(i => i.Status != PayableItemStatus.Voided).ToList();
        var net = live.Sum(i => i.Amount);
        if (net > 0)
        {
            var original = Original(live);
            db.PayableItems.Add(PayableItem.Correction(original, new Money(-net, original.Currency), texts.Get(CompensationTexts.AdjustmentDescription, culture),
                Submitter(), NextSequence(items)));
        }
    }

    /// <summary>The item the corrections link to: the live original, else the earliest live item.</summary>
    private static PayableItem Original(IReadOnlyList<PayableItem> live)
        => live.Where(i => i.AdjustsItemId == null).MinBy(i => i.Sequence) ?? live.MinBy(i => i.Sequence)!;

    private static int NextSequence(IReadOnlyCollection<PayableItem> items) => items.Count == 0 ? 0 : items.Max(i => i.Sequence) + 1;

    /// <summary>The council's Meeting rate in effect on the date, else its Hour rate; when the council has neither, the partnership's the same way.</summary>
    private async Task<Rate?> RateAsync(AttendanceRecorded recorded, DateOnly date, CancellationToken cancellationToken)
    {
        var rates = await db.Rates.AsNoTracking()
            .Where(r => (r.CouncilId == recorded.CouncilId || r.CouncilId == null)
                        && (r.Unit == RateUnit.Meeting || r.Unit == RateUnit.Hour)
                        && r.EffectiveFrom <= date && (r.EffectiveTo == null || r.EffectiveTo >= date))
            .ToListAsync(cancellationToken);
        var scope = rates.Any(r => r.CouncilId == recorded.CouncilId) ? rates.Where(r => r.CouncilId == recorded.CouncilId).ToList() : rates;
        return scope.Where(r => r.Unit == RateUnit.Meeting).MaxBy(r => r.EffectiveFrom) ?? scope.Where(r => r.Unit == RateUnit.Hour).MaxBy(r => r.EffectiveFrom);
    }

    /// <summary>
    /// Present: what is due is the rate's amount for the meeting. No live item yet (none, or all voided): the item is
    /// made. Live items netting below what is due (a correction was paid back, or a pending negative adjustment is
    /// waiting): the pending negative adjustments are voided first, and one adjusting item for any difference left is
    /// added. Saving the same attendance again finds the net equal to what is due and changes nothing.
    /// </summary>
    private void PayAttended(AttendanceRecorded recorded, Rate rate, string label, CultureInfo culture, IReadOnlyDictionary<Guid, Payee> payees, List<PayableItem> existing,
        (Guid? ProgramId, DateOnly ServiceDate) charge)
    {
        // Hours from the meeting's minutes, to four decimals (half away from zero); the item's total is then rounded once.
        var quantity = rate.Unit == RateUnit.Meeting ? 1m : Math.Round(recorded.DurationMinutes / 60m, 4, Money.Rounding);
        var description = rate.Unit == RateUnit.Meeting
            ? recorded.MeetingTitle
            : $"{recorded.MeetingTitle} ({quantity.ToString("0.####", CultureInfo.InvariantCulture)} h)";
        var due = rate.Money.Times(quantity);
        foreach (var userId in recorded.Attended)
        {
            var payeeId = payees[userId].Id;
            var items = existing.Where(i => i.PayeeId == payeeId).ToList();
            var live = items.Where(i => i.Status != PayableItemStatus.Voided).ToList();
            if (live.Count == 0)
            {
                db.PayableItems.Add(PayableItem.Priced(payeeId, description, quantity, rate.Money, PayableItemSourceKind.Meeting, recorded.MeetingId, label,
                    recorded.CouncilId, rate.Id, Submitter(), NextSequence(items)).Charged(charge.ProgramId, charge.ServiceDate));
                continue;
            }

            if (live.Any(i => i.Currency != due.Currency))
            {
                logger.LogWarning("Items of meeting {MeetingId} for payee {PayeeId} are in another currency than its rate; attendance changes none of them",
                    recorded.MeetingId, payeeId);
                continue;
            }

            if (live.Sum(i => i.Amount) >= due.Amount)
            {
                continue;
            }

            // A pending correction is no longer due: void it rather than add a payment that cancels it.
            foreach (var pending in live.Where(i => i.Amount < 0 && i.Status is PayableItemStatus.Submitted or PayableItemStatus.Approved).ToList())
            {
                pending.Void(texts.Get(CompensationTexts.AttendanceRestored, culture));
                live.Remove(pending);
            }

            var net = live.Sum(i => i.Amount);
            if (live.Count == 0)
            {
                db.PayableItems.Add(PayableItem.Priced(payeeId, description, quantity, rate.Money, PayableItemSourceKind.Meeting, recorded.MeetingId, label,
                    recorded.CouncilId, rate.Id, Submitter(), NextSequence(items)).Charged(charge.ProgramId, charge.ServiceDate));
            }
            else if (net < due.Amount)
            {
                db.PayableItems.Add(PayableItem.Correction(Original(live), new Money(due.Amount - net, due.Currency),
                    texts.Get(CompensationTexts.AttendanceRestoredAdjustment, culture), Submitter(), NextSequence(items)));
            }
        }
    }

    /// <summary>Whoever saved the attendance submits its items (so they cannot approve them).</summary>
    private Guid Submitter() => currentUser.Id ?? Guid.Empty;
}
