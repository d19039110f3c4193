using System.Linq.Expressions;
using EngagementPlatform.AuditLogging.Domain;
using EngagementPlatform.Framework.Auditing;

namespace EngagementPlatform.AuditLogging.Application.AuditLogs;

/// <summary>One entry as the list shows it; <see cref="ValuesJson"/> holds before/after values where the entity keeps them.</summary>
public sealed record AuditLogEntryDto(
    Guid Id,
    DateTimeOffset Time,
    Guid? UserId,
    string? UserName,
    AuditAction Action,
    string EntityType,
    string EntityId,
    IReadOnlyList<string> ChangedProperties,
    string? ValuesJson)
{
    public static readonly Expression<Func<AuditLogEntry, AuditLogEntryDto>> Projection = e =>
        new AuditLogEntryDto(e.Id, e.Time, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.ChangedProperties, e.ValuesJson);
}
