using EngagementPlatform.AuditLogging.Persistence;
using EngagementPlatform.Framework.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.AuditLogging.Application.AuditLogs;

/// <summary>A page of the current tenant's audit log (the host's on the host side), newest first by default.</summary>
public sealed record GetAuditLogsQuery(AuditLogFilter Filter, PageRequest Page) : IQuery<PagedResult<AuditLogEntryDto>>;

internal sealed class GetAuditLogsValidator : AbstractValidator<GetAuditLogsQuery>
{
    public GetAuditLogsValidator() => RuleFor(q => q.Filter).SetValidator(new AuditLogFilterValidator());
}

/// <summary>
/// The audit log list as every list is built (docs/adding-a-module.md, "Lists"): the count and the page, the page a
/// projection of the entry's columns. The default order (time, then id, newest first) walks the index
/// <c>(tenant_id, time DESC, id DESC)</c>.
/// </summary>
public sealed class GetAuditLogsHandler(IAuditLoggingDbContext db) : IQueryHandler<GetAuditLogsQuery, PagedResult<AuditLogEntryDto>>
{
    public async ValueTask<PagedResult<AuditLogEntryDto>> Handle(GetAuditLogsQuery query, CancellationToken cancellationToken)
    {
        var entries = query.Filter.Apply(db.AuditLogEntries.AsNoTracking());
        var sorted = AuditLogFilter.Sort(entries, query.Page.Sorting);
        var total = await entries.LongCountAsync(cancellationToken);
        var items = await sorted
            .Skip(query.Page.Skip)
            .Take(query.Page.Take)
            .Select(AuditLogEntryDto.Projection)
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditLogEntryDto>(total, items);
    }
}
