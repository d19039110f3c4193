using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Governance;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Reports;

public sealed record AgeingBucketDto(string Label, int Count);

/// <summary>
/// How long a council's people waited to be paid: paid items of the year with the average, median and longest wait in
/// days and a count per bucket; and the items still unpaid with the oldest one's age today.
/// </summary>
public sealed record CouncilAgeingDto(
    Guid? CouncilId,
    string? CouncilName,
    int PaidCount,
    decimal? AverageDays,
    decimal? MedianDays,
    int? MaxDays,
    IReadOnlyList<AgeingBucketDto> Buckets,
    int UnpaidCount,
    int? OldestUnpaidDays);

public sealed record AgeingDto(IReadOnlyList<CouncilAgeingDto> Items);

public sealed record GetAgeingQuery(int Year) : IQuery<AgeingDto>;

public sealed class GetAgeingValidator : AbstractValidator<GetAgeingQuery>
{
    public GetAgeingValidator() => RuleFor(q => q.Year).Must(ReportYears.IsValid)
        .WithMessage($"The year must be between {ReportYears.Min} and {ReportYears.Max}.");
}

/// <summary>
/// Late-payment ageing per council. A wait is counted in days from the service date (the meeting's date for attendance,
/// the day of entry for staff's items; an item made before service dates were kept counts from its creation date in the
/// partnership's time zone) to the payment date. PAID: items paid in the year (paidOn), adjustments left out. UNPAID:
/// items still Submitted or Approved today whose service date is on or before the year's last day, aged to today in the
/// partnership's calendar. Council names come from Governance's <see cref="ICouncilDirectory"/>; items of no council
/// are one row with councilId and councilName null. One statement reads the items' dates (a narrow projection).
/// </summary>
public sealed class GetAgeingHandler(ICompensationDbContext db, ICouncilDirectory councils, ReportCalendar calendar) : IQueryHandler<GetAgeingQuery, AgeingDto>
{
    public static readonly IReadOnlyList<(string Label, int From, int To)> Buckets = [("0-14", 0, 14), ("15-30", 15, 30), ("31-60", 31, 60), ("61+", 61, int.MaxValue)];

    public async ValueTask<AgeingDto> Handle(GetAgeingQuery query, CancellationToken cancellationToken)
    {
        var firstDay = new DateOnly(query.Year, 1, 1);
        var lastDay = new DateOnly(query.Year, 12, 31);
        var zone = await calendar.ZoneAsync(cancellationToken);
        var today = await calendar.TodayAsync(cancellationToken);
        var (_, yearEnd) = await calendar.YearBoundsAsync(query.Year, cancellationToken);
        var rows = await db.PayableItems.AsNoTracking()
            .Where(i => i.AdjustsItemId == null
                        && ((i.Status == PayableItemStatus.Paid && i.PaidOn >= firstDay && i.PaidOn <= lastDay)
                            || ((i.Status == PayableItemStatus.Submitted || i.Status == PayableItemStatus.Approved)
                                && (i.ServiceDate != null ? i.ServiceDate <= lastDay : i.CreationTime < yearEnd))))
            .Select(i => new { i.CouncilId, i.Status, i.ServiceDate, i.CreationTime, i.PaidOn })
            .ToListAsync(cancellationToken);
        var names = (await councils.GetCouncilsAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name);

        var result = rows
            .Select(r => new
            {
                r.CouncilId,
                Paid = r.Status == PayableItemStatus.Paid,
                Days = Math.Max(0, (r.PaidOn ?? today).DayNumber - (r.ServiceDate ?? ReportCalendar.DateOf(r.CreationTime, zone)).DayNumber),
            })
            .GroupBy(r => r.CouncilId)
            .Select(g =>
            {
                var paid = g.Where(r => r.Paid).Select(r => r.Days).Order().ToList();
                var unpaid = g.Where(r => !r.Paid).Select(r => r.Days).ToList();
                return new CouncilAgeingDto(
                    g.Key,
                    g.Key is { } id ? names.GetValueOrDefault(id) : null,
                    paid.Count,
                    paid.Count == 0 ? null : Math.Round((decimal)paid.Sum() / paid.Count, 1, Money.Rounding),
                    paid.Count == 0 ? null : Median(paid),
                    paid.Count == 0 ? null : paid[^1],
                    Buckets.Select(b => new AgeingBucketDto(b.Label, paid.Count(d => d >= b.From && d <= b.To))).ToList(),
                    unpaid.Count,
                    unpaid.Count == 0 ? null : unpaid.Max());
            })
            .OrderBy(r => r.CouncilName is null ? 1 : 0).ThenBy(r => r.CouncilName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.CouncilId)
            .ToList();
        return new AgeingDto(result);
    }

    /// <summary>The middle wait of <paramref name="sorted"/>, or the mean of the two middle ones for an even count.</summary>
    public static decimal Median(IReadOnlyList<int> sorted)
        => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2m;
}
