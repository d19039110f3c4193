using System.Globalization;
using CsvHelper;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.Timing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.DataSharing.Application.Register;

/// <summary>
/// The register as a CSV file, written to the response as the rows are read: <see cref="WriteAsync"/> runs while the
/// request's scope (and its DbContext) is alive, so the whole register is exported without holding it in memory.
/// </summary>
public sealed record AgreementsCsvFile(string FileName, Func<Stream, CancellationToken, Task> WriteAsync)
{
    public const string ContentType = "text/csv; charset=utf-8";
}

/// <summary>The register's rows (the same filters as the list, every row, in the list's order) as CSV.</summary>
public sealed record ExportAgreementsCsvQuery(AgreementRegisterFilter Filter, string? Sorting = null) : IQuery<AgreementsCsvFile>;

public sealed class ExportAgreementsCsvValidator() : AgreementRegisterValidator<ExportAgreementsCsvQuery>(q => q.Filter);

/// <summary>
/// Writes the register with CsvHelper: RFC 4180 (fields with commas, quotes or line breaks quoted, quotes doubled, CRLF
/// line ends), UTF-8 with a byte-order mark so spreadsheets read accents, dates as yyyy-MM-dd, and text cells a
/// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe
/// (<see cref="CsvInjection.Escape"/>): a party called "=HYPERLINK(…)" stays text. Headings, states and sensitivities
/// are in the reader's language. One statement, streamed: rows go out in chunks of about 64 KiB as they are read.
/// </summary>
public sealed class ExportAgreementsCsvHandler(IDataSharingDbContext db, ITenantCalendar calendar, ITextLocalizer texts)
    : IQueryHandler<ExportAgreementsCsvQuery, AgreementsCsvFile>
{
    private const int ChunkBytes = 64 * 1024;

    public async ValueTask<AgreementsCsvFile> Handle(ExportAgreementsCsvQuery query, CancellationToken cancellationToken)
    {
        var today = await calendar.TodayAsync(cancellationToken);
        // Ordered here, so an unknown sort key is a 400 before the response starts.
        var rows = AgreementRegister.Order(AgreementRegister.Where(db.Agreements.AsNoTracking(), query.Filter, today), query.Sorting)
            .Select(AgreementRegister.Summary);
        var culture = CultureInfo.CurrentUICulture;
        string H(string name) => texts.Get(DataSharingRegisterTexts.Csv(name), culture);
        string[] headings =
        [
            H("Title"), H("State"), H("Amendment"), H("Sensitivity"), H("Parties"), H("EffectiveFrom"), H("EffectiveTo"),
            H("DestructionDate"), H("Version"), H("DaysUntilEnd"), H("AgreementId"),
        ];
        return new AgreementsCsvFile($"{H("File")}-{today:yyyy-MM-dd}.csv", async (output, ct) =>
        {
            using var buffer = new MemoryStream();
            await using var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with
            {
                Injection = CsvInjection.Escape,
                WriteByteOrderMark = true,
                FormatProvider = CultureInfo.InvariantCulture,
            }, leaveOpen: true);
            csv.WriteRecord(headings);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                var r = AgreementRegister.WithDaysUntilEnd(row, today);
                csv.WriteField(r.Title);
                csv.WriteField(texts.Get(DataSharingRegisterTexts.State(r.State), culture));
                csv.WriteField(r.AmendmentState is { } amendment ? texts.Get(DataSharingRegisterTexts.State(amendment), culture) : string.Empty);
                csv.WriteField(texts.Word(r.Sensitivity, culture));
                csv.WriteField(r.PartyNames);
                csv.WriteField(r.EffectiveFrom, "yyyy-MM-dd");
                WriteDate(csv, r.EffectiveTo);
                WriteDate(csv, r.DestructionDate);
                csv.WriteField(r.CurrentVersionNumber, string.Empty);
                if (r.DaysUntilEnd is { } days)
                {
                    csv.WriteField(days, string.Empty);
                }
                else
                {
                    csv.WriteField(string.Empty);
                }

                csv.WriteField(r.Id, string.Empty);
                csv.EndRecord();
                if (buffer.Length >= ChunkBytes)
                {
                    await DrainAsync(csv, buffer, output, ct);
                }
            }

            await DrainAsync(csv, buffer, output, ct);
        });
    }

    private static void WriteDate(CsvWriter csv, DateOnly? date)
    {
        if (date is { } d)
        {
            csv.WriteField(d, "yyyy-MM-dd");
        }
        else
        {
            csv.WriteField(string.Empty);
        }
    }

    /// <summary>Moves what the writer has produced so far to the response and empties the buffer.</summary>
    private static async Task DrainAsync(CsvWriter csv, MemoryStream buffer, Stream output, CancellationToken ct)
    {
        csv.Flush();
        if (buffer.Length == 0)
        {
            return;
        }

        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        buffer.SetLength(0);
    }
}
