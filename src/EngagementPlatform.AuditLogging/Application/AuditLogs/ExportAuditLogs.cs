using System.Globalization;
using System.Text;
using CsvHelper;
using EngagementPlatform.AuditLogging.Persistence;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.Timing;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.AuditLogging.Application.AuditLogs;

/// <summary>The filtered audit log as a CSV file, newest first (or as sorted), at most <see cref="MaxRows"/> rows.</summary>
public sealed record ExportAuditLogsQuery(AuditLogFilter Filter, string? Sorting) : IQuery<AuditLogExport>
{
    public const int MaxRows = 100_000;
}

public sealed record AuditLogExport(string FileName, byte[] Content);

internal sealed class ExportAuditLogsValidator : AbstractValidator<ExportAuditLogsQuery>
{
    public ExportAuditLogsValidator() => RuleFor(q => q.Filter).SetValidator(new AuditLogFilterValidator());
}

public sealed class ExportAuditLogsHandler(IAuditLoggingDbContext db, ITextLocalizer texts, IClock clock) : IQueryHandler<ExportAuditLogsQuery, AuditLogExport>
{
    public async ValueTask<AuditLogExport> Handle(ExportAuditLogsQuery query, CancellationToken cancellationToken)
    {
        var entries = AuditLogFilter.Sort(query.Filter.Apply(db.AuditLogEntries.AsNoTracking()), query.Sorting)
            .Take(ExportAuditLogsQuery.MaxRows)
            .Select(AuditLogEntryDto.Projection)
            .AsAsyncEnumerable();

        using var buffer = new MemoryStream();
        // A byte order mark lets spreadsheets read the accents of the Spanish headings as UTF-8.
        buffer.Write(Encoding.UTF8.Preamble);
        using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with
               {
                   // A text cell starting with = + - @ (or a tab or CR) gets a leading ' so that a spreadsheet shows
                   // it as text instead of running it as a formula (CSV injection).
                   Injection = CsvInjection.Escape,
               }, leaveOpen: true))
        {
            csv.WriteRecord(
            [
                texts[AuditLoggingTexts.Time], texts[AuditLoggingTexts.User], texts[AuditLoggingTexts.UserId], texts[AuditLoggingTexts.Action],
                texts[AuditLoggingTexts.EntityType], texts[AuditLoggingTexts.EntityId], texts[AuditLoggingTexts.ChangedProperties], texts[AuditLoggingTexts.Values],
            ]);
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                await csv.WriteRecordAsync(
                [
                    entry.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    entry.UserName ?? string.Empty,
                    entry.UserId?.ToString() ?? string.Empty,
                    texts.Word(entry.Action),
                    entry.EntityType,
                    entry.EntityId,
                    string.Join(", ", entry.ChangedProperties),
                    entry.ValuesJson ?? string.Empty,
                ], cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }

        return new AuditLogExport($"audit-log-{clock.Now.UtcDateTime:yyyyMMdd-HHmmss}.csv", buffer.ToArray());
    }
}
