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
/// <item>each newly present person gets one item: the council's <c>Meeting</c> rate in effect on the meeting's date, else
/// the meeting's hours × its <c>Hour</c> rate; when the council has neither, the partnership-wide rates the same way.
/// No rate, no item (and a log line). The submitter is whoever saved the attendance.</item>
/// <item>each withdrawn person's unpaid item is voided with the reason; a paid one gets an adjusting item (its negative),
/// never an edit.</item>
/// </list>
/// One item per (meeting, payee) is the database's rule (a unique index, <see cref="CompensationModelBuilderExtensions.ItemPerSourceAndPayee"/>):
/// two saves of the same attendance at once cannot both add one, and the later fails with a conflict.
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
        var existing = payeeIds.Count == 0
            ? []
            : await db.PayableItems
                .Where(i => i.SourceKind == PayableItemSourceKind.Meeting && i.SourceId == recorded.MeetingId && payeeIds.Contains(i.PayeeId) && i.Status != PayableItemStatus.Voided)
                .ToListAsync(cancellationToken);

        if (rate is not null)
        {
            var programId = await db.ProgramOfCouncilAsync(recorded.CouncilId, cancellationToken);
            PayAttended(recorded, rate, label, culture, payees, existing, (programId, date));
        }

        foreach (var userId in recorded.Withdrawn.Where(payees.ContainsKey))
        {
            var payeeId = payees[userId].Id;
            var original = existing.FirstOrDefault(i => i.PayeeId == payeeId && i.AdjustsItemId == null);
            if (original is null)
            {
                continue;
            }

            if (original.Status != PayableItemStatus.Paid)
            {
                original.Void(texts.Get(CompensationTexts.WithdrawnReason, culture));
            }
            else if (!existing.Any(i => i.AdjustsItemId == original.Id))
            {
                db.PayableItems.Add(original.Adjust(texts.Get(CompensationTexts.AdjustmentDescription, culture), Submitter()));
            }
        }
    }

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

    private void PayAttended(AttendanceRecorded recorded, Rate rate, string label, CultureInfo culture, IReadOnlyDictionary<Guid, Payee> payees, List<PayableItem> existing,
        (Guid? ProgramId, DateOnly ServiceDate) charge)
    {
        // Hours from the meeting's minutes, to four decimals (half away from zero); the item's total is then rounded once.
        var quantity = rate.Unit == RateUnit.Meeting ? 1m : Math.Round(recorded.DurationMinutes / 60m, 4, Money.Rounding);
        var description = rate.Unit == RateUnit.Meeting
            ? recorded.MeetingTitle
            : $"{recorded.MeetingTitle} ({quantity.ToString("0.####", CultureInfo.InvariantCulture)} h)";
        foreach (var userId in recorded.Attended)
        {
            var payeeId = payees[userId].Id;
            var original = existing.FirstOrDefault(i => i.PayeeId == payeeId && i.AdjustsItemId == null);
            if (original is not null)
            {
                // Present again after a withdrawal that followed payment: the pending correction is no longer due.
                foreach (var adjustment in existing.Where(i => i.AdjustsItemId == original.Id && i.Status is PayableItemStatus.Submitted or PayableItemStatus.Approved))
                {
                    adjustment.Void(texts.Get(CompensationTexts.AttendanceRestored, culture));
                }

                continue;
            }

            db.PayableItems.Add(PayableItem.Priced(payeeId, description, quantity, rate.Money, PayableItemSourceKind.Meeting, recorded.MeetingId, label,
                recorded.CouncilId, rate.Id, Submitter()).Charged(charge.ProgramId, charge.ServiceDate));
        }
    }

    /// <summary>Whoever saved the attendance submits its items (so they cannot approve them).</summary>
    private Guid Submitter() => currentUser.Id ?? Guid.Empty;
}
