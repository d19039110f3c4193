namespace EngagementPlatform.Framework.Auditing;

/// <summary>
/// Opts an entity into the audit log: each create, update and delete saved for it records who, when, the tenant,
/// the entity and the names of the changed properties. With <see cref="KeepValues"/> the entry also keeps each
/// changed property's value before and after (for money and agreements). Properties marked
/// <see cref="NotAuditedAttribute"/> are never named nor valued; binary values are never kept.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class AuditedAttribute : Attribute
{
    public bool KeepValues { get; init; }
}

/// <summary>A property the audit log never records: a secret, a token, a secret ballot's choice.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>
/// An entity whose reads are recorded too (e.g. an agreement covering health information). Whoever shows it calls
/// <see cref="IAuditLog.RecordReadAsync"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class SensitiveAttribute : Attribute;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Read,
}

/// <summary>
/// Entities a module opts in without owning their class (e.g. ASP.NET Identity's user-role link). Filled at start-up
/// with <c>services.Configure&lt;AuditOptions&gt;(o =&gt; o.Audit&lt;T&gt;())</c>.
/// </summary>
public sealed class AuditOptions
{
    private readonly Dictionary<Type, AuditedAttribute> _entities = [];

    public AuditOptions Audit<TEntity>(bool keepValues = false)
    {
        _entities[typeof(TEntity)] = new AuditedAttribute { KeepValues = keepValues };
        return this;
    }

    /// <summary>How <paramref name="entityType"/> is audited, or null when it is not.</summary>
    public AuditedAttribute? Find(Type entityType)
        => _entities.GetValueOrDefault(entityType)
           ?? (AuditedAttribute?)Attribute.GetCustomAttribute(entityType, typeof(AuditedAttribute), inherit: true);
}

/// <summary>Writes entries the change interceptor cannot see: reads of sensitive entities.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Records that the current user read <paramref name="entityType"/> <paramref name="entityId"/>. Inside a command
    /// the entry is saved with the command's unit of work; inside a query it is saved at once.
    /// </summary>
    Task RecordReadAsync(string entityType, string entityId, CancellationToken cancellationToken = default);
}
