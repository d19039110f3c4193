using System.Globalization;
using CsvHelper;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Governance;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Reports;

/// <summary>A CSV file: its name for Content-Disposition and its bytes (UTF-8 with a byte-order mark).</summary>
public sealed record CsvFile(string FileName, byte[] Content)
{
    public const string ContentType = "text/csv; charset=utf-8";
}

/// <summary>
/// Writes spreadsheets people can open safely, with CsvHelper: RFC 4180 (fields with commas, quotes or line breaks
/// quoted, quotes doubled, CRLF line ends), UTF-8 with a byte-order mark so Excel reads accents, amounts written as
/// numbers with a dot and exactly the currency's decimals ("1234.50", never grouped), and text cells that a
/// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe
/// (<see cref="CsvInjection.Escape"/>, which leaves numbers, dates and ids alone, so a negative adjustment stays a
/// number). Headings are in the reader's language (English or Spanish).
/// </summary>
public static class CompensationCsv
{
    public static byte[] Write(IReadOnlyList<string> headings, IEnumerable<Action<CsvWriter>> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with
               {
                   Injection = CsvInjection.Escape,
                   WriteByteOrderMark = true,
                   FormatProvider = CultureInfo.InvariantCulture,
               }, leaveOpen: true))
        {
            csv.WriteRecord(headings.ToArray());
            foreach (var row in rows)
            {
                row(csv);
                csv.EndRecord();
            }

            csv.Flush();
        }

        return buffer.ToArray();
    }

    /// <summary>An amount as a number with the currency's decimals and a dot ("1234.50", "-37.50").</summary>
    public static void WriteAmount(this CsvWriter csv, decimal amount, string currency)
        => csv.WriteField(amount, "F" + Currencies.MinorUnits(currency.Trim()), CultureInfo.InvariantCulture);

    public static void WriteText(this CsvWriter csv, string? text) => csv.WriteField(text ?? string.Empty);
}

public sealed record GetPaymentsCsvQuery(int Year) : IQuery<CsvFile>;

public sealed class GetPaymentsCsvValidator : AbstractValidator<GetPaymentsCsvQuery>
{
    public GetPaymentsCsvValidator() => RuleFor(q => q.Year).Must(ReportYears.IsValid)
        .WithMessage($"The year must be between {ReportYears.Min} and {ReportYears.Max}.");
}

/// <summary>
/// Every item paid in the year (paidOn in the year, adjustments included as negative amounts), by payment date: paid on,
/// payee, payee kind, description, source, council, program, amount, currency, method, reference, item id. One
/// statement for the items (with payee and program names), council names from Governance's directory.
/// </summary>
public sealed class GetPaymentsCsvHandler(ICompensationDbContext db, ICouncilDirectory councils, ITextLocalizer texts) : IQueryHandler<GetPaymentsCsvQuery, CsvFile>
{
    public async ValueTask<CsvFile> Handle(GetPaymentsCsvQuery query, CancellationToken cancellationToken)
    {
        var firstDay = new DateOnly(query.Year, 1, 1);
        var lastDay = new DateOnly(query.Year, 12, 31);
        var rows = await db.PayableItems.AsNoTracking()
            .Where(i => i.Status == PayableItemStatus.Paid && i.PaidOn >= firstDay && i.PaidOn <= lastDay)
            .Join(db.Payees.AsNoTracking(), i => i.PayeeId, p => p.Id, (i, p) => new
            {
                i.Id, i.PaidOn, PayeeName = p.Name, PayeeKind = p.Kind, i.Description, i.SourceKind, i.SourceLabel, i.CouncilId,
                ProgramName = db.CompensationPrograms.Where(x => x.Id == i.ProgramId).Select(x => x.Name).FirstOrDefault(),
                i.Amount, i.Currency, i.PaidMethod, i.PaidReference, i.CreationTime,
            })
            .OrderBy(r => r.PaidOn).ThenBy(r => r.PayeeName).ThenBy(r => r.CreationTime).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var names = (await councils.GetCouncilsAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        string H(string key) => texts.Get("Compensation:Csv." + key);
        var content = CompensationCsv.Write(
            [H("PaidOn"), H("Payee"), H("PayeeKind"), H("Description"), H("Source"), H("Council"), H("Program"), H("Amount"), H("Currency"), H("Method"), H("Reference"), H("ItemId")],
            rows.Select(r => (Action<CsvWriter>)(csv =>
            {
                csv.WriteField(r.PaidOn!.Value, "yyyy-MM-dd");
                csv.WriteText(r.PayeeName);
                csv.WriteText(texts.Word(r.PayeeKind));
                csv.WriteText(r.Description);
                csv.WriteText($"{texts.Word(r.SourceKind)}: {r.SourceLabel}");
                csv.WriteText(r.CouncilId is { } c ? names.GetValueOrDefault(c) : null);
                csv.WriteText(r.ProgramName);
                csv.WriteAmount(r.Amount, r.Currency);
                csv.WriteText(r.Currency.Trim());
                csv.WriteText(r.PaidMethod is { } method ? texts.Word(method) : null);
                csv.WriteText(r.PaidReference);
                csv.WriteField(r.Id, string.Empty);
            })));
        return new CsvFile($"{H("PaymentsFile")}-{query.Year}.csv", content);
    }
}

public sealed record GetAnnualTotalsCsvQuery(int Year) : IQuery<CsvFile>;

public sealed class GetAnnualTotalsCsvValidator : AbstractValidator<GetAnnualTotalsCsvQuery>
{
    public GetAnnualTotalsCsvValidator() => RuleFor(q => q.Year).Must(ReportYears.IsValid)
        .WithMessage($"The year must be between {ReportYears.Min} and {ReportYears.Max}.");
}

/// <summary>The annual totals (see <see cref="GetAnnualTotalsHandler"/>) of every payee, by name: two statements.</summary>
public sealed class GetAnnualTotalsCsvHandler(ICompensationDbContext db, ITextLocalizer texts) : IQueryHandler<GetAnnualTotalsCsvQuery, CsvFile>
{
    public async ValueTask<CsvFile> Handle(GetAnnualTotalsCsvQuery query, CancellationToken cancellationToken)
    {
        var threshold = await db.ReportingThresholds.AsNoTracking().ThresholdForAsync(query.Year, cancellationToken);
        var rows = await db.AnnualTotalRows(query.Year).OrderBy(r => r.PayeeName).ThenBy(r => r.PayeeId).ThenBy(r => r.Currency).ToListAsync(cancellationToken);
        string H(string key) => texts.Get("Compensation:Csv." + key);
        var content = CompensationCsv.Write(
            [H("Payee"), H("PayeeKind"), H("PayeeId"), H("PayeeUserId"), H("Total"), H("Currency"), H("PaymentCount"), H("Threshold"), H("Exceeds")],
            rows.Select(r => r.ToDto(threshold)).Select(r => (Action<CsvWriter>)(csv =>
            {
                csv.WriteText(r.PayeeName);
                csv.WriteText(texts.Word(r.PayeeKind));
                csv.WriteField(r.PayeeId, string.Empty);
                csv.WriteText(r.PayeeUserId?.ToString());
                csv.WriteAmount(r.Total, r.Currency);
                csv.WriteText(r.Currency);
                csv.WriteField(r.PaymentCount, string.Empty);
                if (r.Threshold is { } t)
                {
                    csv.WriteAmount(t, r.Currency);
                }
                else
                {
                    csv.WriteText(null);
                }

                csv.WriteText(H(r.ExceedsReportingThreshold ? "Yes" : "No"));
            })));
        return new CsvFile($"{H("TotalsFile")}-{query.Year}.csv", content);
    }
}
