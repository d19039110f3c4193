using System.Linq.Expressions;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Reports;

/// <summary>
/// A payee's payments in one currency in a year: the net total (paid adjustments included), the number of payments
/// (paid items that are not adjustments), the threshold that applies to the year (null when none does) and whether the
/// total reaches it (total ≥ threshold, in the threshold's currency only).
/// </summary>
public sealed record AnnualTotalDto(
    Guid PayeeId,
    Guid? PayeeUserId,
    string PayeeName,
    PayeeKind PayeeKind,
    decimal Total,
    string Currency,
    int PaymentCount,
    decimal? Threshold,
    bool ExceedsReportingThreshold);

public sealed record GetAnnualTotalsQuery(PageRequest Page, int Year, bool ExceedsOnly) : IQuery<PagedResult<AnnualTotalDto>>;

public sealed class GetAnnualTotalsValidator : AbstractValidator<GetAnnualTotalsQuery>
{
    public GetAnnualTotalsValidator() => RuleFor(q => q.Year).Must(ReportYears.IsValid)
        .WithMessage($"The year must be between {ReportYears.Min} and {ReportYears.Max}.");
}

/// <summary>
/// Annual totals per payee and currency for the paying entity (the partnership), counted by payment date: every item
/// PAID with <c>paidOn</c> in the year, adjustments netted in. Grouped and summed in SQL (decimal, exact to the cent),
/// joined to the payee, paged: three statements whatever the page size (the year's threshold, the count, the page),
/// the group walking <c>(tenant_id, status, paid_on)</c>. <c>exceedsOnly=true</c> keeps the flagged rows.
/// </summary>
public sealed class GetAnnualTotalsHandler(ICompensationDbContext db) : IQueryHandler<GetAnnualTotalsQuery, PagedResult<AnnualTotalDto>>
{
    public static readonly IReadOnlyDictionary<string, Expression<Func<TotalsRow, object?>>> Sorting = new Dictionary<string, Expression<Func<TotalsRow, object?>>>
    {
        ["total"] = r => r.Total,
        ["payeeName"] = r => r.PayeeName,
        ["paymentCount"] = r => r.PaymentCount,
        ["currency"] = r => r.Currency,
    };

    public async ValueTask<PagedResult<AnnualTotalDto>> Handle(GetAnnualTotalsQuery query, CancellationToken cancellationToken)
    {
        var threshold = await db.ReportingThresholds.AsNoTracking().ThresholdForAsync(query.Year, cancellationToken);
        var rows = db.AnnualTotalRows(query.Year);
        if (query.ExceedsOnly)
        {
            rows = threshold is null
                ? rows.Where(r => false)
                : rows.Where(r => r.Currency == threshold.Currency && r.Total >= threshold.Amount);
        }

        var sorting = string.IsNullOrWhiteSpace(query.Page.Sorting) ? "total desc" : query.Page.Sorting;
        var ordered = rows.OrderBySorting(sorting, Sorting, "total").ThenBy(r => r.PayeeName).ThenBy(r => r.PayeeId).ThenBy(r => r.Currency);
        var total = await rows.LongCountAsync(cancellationToken);
        var page = await ordered.Skip(query.Page.Skip).Take(query.Page.Take).ToListAsync(cancellationToken);
        return new PagedResult<AnnualTotalDto>(total, page.Select(r => r.ToDto(threshold)).ToList());
    }
}

/// <summary>One payee's paid total in one currency for a year, as SQL groups it.</summary>
public sealed class TotalsRow
{
    public Guid PayeeId { get; init; }

    public Guid? PayeeUserId { get; init; }

    public string PayeeName { get; init; } = string.Empty;

    public PayeeKind PayeeKind { get; init; }

    public string Currency { get; init; } = string.Empty;

    public decimal Total { get; init; }

    public int PaymentCount { get; init; }

    public AnnualTotalDto ToDto(ThresholdDto? threshold)
    {
        var applies = threshold is not null && threshold.Currency == Currency.Trim();
        return new AnnualTotalDto(PayeeId, PayeeUserId, PayeeName, PayeeKind, Currencies.Display(Total, Currency), Currency.Trim(), PaymentCount,
            applies ? threshold!.Amount : null, applies && Total >= threshold!.Amount);
    }
}

internal static class AnnualTotalQueries
{
    /// <summary>Paid items with a payment date in <paramref name="year"/>, grouped per payee and currency and joined to the payee.</summary>
    public static IQueryable<TotalsRow> AnnualTotalRows(this ICompensationDbContext db, int year)
    {
        var firstDay = new DateOnly(year, 1, 1);
        var lastDay = new DateOnly(year, 12, 31);
        return db.PayableItems.AsNoTracking()
            .Where(i => i.Status == PayableItemStatus.Paid && i.PaidOn >= firstDay && i.PaidOn <= lastDay)
            .GroupBy(i => new { i.PayeeId, i.Currency })
            .Select(g => new { g.Key.PayeeId, g.Key.Currency, Total = g.Sum(i => i.Amount), PaymentCount = g.Count(i => i.AdjustsItemId == null) })
            .Join(db.Payees.AsNoTracking(), g => g.PayeeId, p => p.Id, (g, p) => new TotalsRow
            {
                PayeeId = p.Id,
                PayeeUserId = p.UserId,
                PayeeName = p.Name,
                PayeeKind = p.Kind,
                Currency = g.Currency,
                Total = g.Total,
                PaymentCount = g.PaymentCount,
            });
    }

    /// <summary>The threshold in force for payments of <paramref name="year"/>: the row of the latest year not after it.</summary>
    public static async Task<ThresholdDto?> ThresholdForAsync(this IQueryable<ReportingThreshold> thresholds, int year, CancellationToken cancellationToken)
    {
        var found = await thresholds.Where(t => t.Year <= year).OrderByDescending(t => t.Year)
            .Select(t => new ThresholdDto(t.Year, t.Amount, t.Currency))
            .FirstOrDefaultAsync(cancellationToken);
        return found?.Shown();
    }
}
