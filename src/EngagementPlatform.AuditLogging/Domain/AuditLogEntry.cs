using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.AuditLogging.Domain;

/// <summary>
/// One recorded change (or read) of an audited entity. Written in the same transaction as the change it records,
/// never updated, never deleted by the application.
/// </summary>
public sealed class AuditLogEntry : Entity<Guid>, IMultiTenant
{
    public const int MaxEntityTypeLength = 128;
    public const int MaxEntityIdLength = 128;
    public const int MaxUserNameLength = 256;

    private AuditLogEntry()
    {
    }

    public AuditLogEntry(
        Guid? tenantId,
        Guid? userId,
        string? userName,
        DateTimeOffset time,
        string entityType,
        string entityId,
        AuditAction action,
        IReadOnlyList<string> changedProperties,
        string? valuesJson)
    {
        Id = Guid.CreateVersion7(time);
        TenantId = tenantId;
        UserId = userId;
        UserName = userName is { Length: > MaxUserNameLength } ? userName[..MaxUserNameLength] : userName;
        Time = time;
        EntityType = entityType;
        EntityId = entityId.Length > MaxEntityIdLength ? entityId[..MaxEntityIdLength] : entityId;
        Action = action;
        ChangedProperties = [.. changedProperties];
        ValuesJson = valuesJson;
    }

    public Guid? TenantId { get; private set; }

    /// <summary>Who: null for the system (a background job, a sign-up).</summary>
    public Guid? UserId { get; private set; }

    public string? UserName { get; private set; }

    public DateTimeOffset Time { get; private set; }

    /// <summary>The entity's class name, e.g. <c>Decision</c>.</summary>
    public string EntityType { get; private set; } = string.Empty;

    /// <summary>The entity's key (composite keys joined by a comma).</summary>
    public string EntityId { get; private set; } = string.Empty;

    public AuditAction Action { get; private set; }

    public List<string> ChangedProperties { get; private set; } = [];

    /// <summary>
    /// For entities that keep values: <c>{"Property": {"before": ..., "after": ...}}</c> (JSON); otherwise null.
    /// </summary>
    public string? ValuesJson { get; private set; }
}
