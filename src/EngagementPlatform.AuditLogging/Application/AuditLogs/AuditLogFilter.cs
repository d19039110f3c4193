using System.Linq.Expressions;
using EngagementPlatform.AuditLogging.Domain;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.AuditLogging.Application.AuditLogs;

/// <summary>
/// What both the list and the export narrow by. Each filter is optional; <c>from</c> is inclusive, <c>to</c> exclusive.
/// </summary>
public sealed record AuditLogFilter(
    string? EntityType,
    string? EntityId,
    Guid? UserId,
    string? UserName,
    AuditAction? Action,
    DateTimeOffset? From,
    DateTimeOffset? To)
{
    public const string DefaultSortKey = "time";

    /// <summary>The documented sort fields; anything else is a 400 <c>Framework:UnknownSortField</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<AuditLogEntry, object?>>> SortKeys =
        new Dictionary<string, Expression<Func<AuditLogEntry, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["time"] = e => e.Time,
            ["entityType"] = e => e.EntityType,
            ["userName"] = e => e.UserName,
            ["action"] = e => e.Action,
        };

    public IQueryable<AuditLogEntry> Apply(IQueryable<AuditLogEntry> entries)
    {
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            var entityType = EntityType.Trim();
            entries = entries.Where(e => e.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            var entityId = EntityId.Trim();
            entries = entries.Where(e => e.EntityId == entityId);
        }

        if (UserId is { } userId)
        {
            entries = entries.Where(e => e.UserId == userId);
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var pattern = $"%{EscapeLike(UserName.Trim())}%";
            entries = entries.Where(e => EF.Functions.ILike(e.UserName!, pattern, "\\"));
        }

        if (Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (From is { } start)
        {
            entries = entries.Where(e => e.Time >= start);
        }

        if (To is { } end)
        {
            entries = entries.Where(e => e.Time < end);
        }

        return entries;
    }

    /// <summary>Newest first unless the caller sorts otherwise; ties broken by id so pages never overlap.</summary>
    public static IQueryable<AuditLogEntry> Sort(IQueryable<AuditLogEntry> entries, string? sorting)
        => string.IsNullOrWhiteSpace(sorting)
            ? entries.OrderByDescending(e => e.Time).ThenByDescending(e => e.Id)
            : entries.OrderBySorting(sorting, SortKeys, DefaultSortKey).ThenByDescending(e => e.Id);

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

/// <summary>The date range of a filter must not end before it starts.</summary>
internal sealed class AuditLogFilterValidator : AbstractValidator<AuditLogFilter>
{
    public AuditLogFilterValidator()
    {
        RuleFor(f => f.To).GreaterThan(f => f.From).When(f => f.From is not null && f.To is not null).WithMessage(AuditLoggingTexts.DateRange);
        RuleFor(f => f.EntityType).MaximumLength(AuditLogEntry.MaxEntityTypeLength);
        RuleFor(f => f.EntityId).MaximumLength(AuditLogEntry.MaxEntityIdLength);
        RuleFor(f => f.UserName).MaximumLength(AuditLogEntry.MaxUserNameLength);
    }
}
