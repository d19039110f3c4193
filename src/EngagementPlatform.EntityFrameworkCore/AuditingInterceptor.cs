using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using EngagementPlatform.AuditLogging.Domain;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.EntityFrameworkCore;

/// <summary>
/// Writes an <see cref="AuditLogEntry"/> for each audited entity a save creates, updates or deletes. The entries
/// are added to the same save, so they commit or roll back with the change they describe.
/// <para>
/// One instance serves every context (a singleton): who made the change and when come from the context being saved,
/// which has its request's user and clock. Were it scoped, the context's options would have to be built for every
/// request, which was a quarter of what a read allocated (docs/benchmarks.md).
/// </para>
/// </summary>
internal sealed class AuditingInterceptor(IOptions<AuditOptions> options)
    : SaveChangesInterceptor
{
    /// <summary>Bookkeeping every audited aggregate carries; the entry itself says who and when.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        nameof(IHasCreationAudit.CreationTime), nameof(IHasCreationAudit.CreatorId),
        nameof(IHasModificationAudit.LastModificationTime), nameof(IHasModificationAudit.LastModifierId),
        nameof(ISoftDelete.IsDeleted), nameof(ISoftDelete.DeletionTime), nameof(ISoftDelete.DeleterId),
        nameof(IMultiTenant.TenantId), "ConcurrencyStamp",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is not EngagementPlatformDbContext { CurrentUser: var currentUser, Clock: var clock })
        {
            return;
        }

        var now = clock.Now;
        var entries = new List<AuditLogEntry>();
        var owners = new Dictionary<EntityEntry, HashSet<string>>();

        // Entries() detects changes first, so property edits since the last save are seen.
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is AuditLogEntry)
            {
                continue;
            }

            if (entry.Metadata.IsOwned())
            {
                // A change inside an owned value (an edition's features) is a change of its owner's property.
                if (FindOwner(context, entry) is { } owner && options.Value.Find(owner.Entry.Metadata.ClrType) is not null)
                {
                    (owners.TryGetValue(owner.Entry, out var names) ? names : owners[owner.Entry] = []).Add(owner.Navigation);
                }

                continue;
            }

            if (options.Value.Find(entry.Metadata.ClrType) is { } audited)
            {
                entries.Add(Describe(currentUser, entry, audited, [], now));
            }
        }

        foreach (var (owner, navigations) in owners)
        {
            var existing = entries.FindIndex(e => e.EntityType == owner.Metadata.ClrType.Name && e.EntityId == KeyOf(owner));
            if (existing >= 0)
            {
                entries[existing] = Describe(currentUser, owner, options.Value.Find(owner.Metadata.ClrType)!, navigations, now);
            }
            else if (owner.State is EntityState.Unchanged or EntityState.Modified)
            {
                entries.Add(Describe(currentUser, owner, options.Value.Find(owner.Metadata.ClrType)!, navigations, now, forceUpdated: true));
            }
        }

        foreach (var entry in entries)
        {
            context.Add(entry);
        }
    }

    private static AuditLogEntry Describe(ICurrentUser currentUser, EntityEntry entry, AuditedAttribute audited, IEnumerable<string> ownedChanges, DateTimeOffset now, bool forceUpdated = false)
    {
        var action = forceUpdated ? AuditAction.Updated : ActionOf(entry);
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (metadata.IsPrimaryKey() || Bookkeeping.Contains(metadata.Name) || metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>(inherit: true) is not null)
            {
                continue;
            }

            var (include, before, after) = action switch
            {
                AuditAction.Created => (property.CurrentValue is not null, null, property.CurrentValue),
                AuditAction.Deleted => (property.OriginalValue is not null, property.OriginalValue, null),
                _ => (property.IsModified && !metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue),
                    property.OriginalValue, property.CurrentValue),
            };
            if (!include)
            {
                continue;
            }

            changed.Add(metadata.Name);
            // Binary values (keys, secrets) are never kept, only named.
            if (audited.KeepValues && metadata.ClrType != typeof(byte[]))
            {
                values[metadata.Name] = new { before, after };
            }
        }

        changed.AddRange(ownedChanges.Where(n => entry.Metadata.ClrType.GetProperty(n)?.GetCustomAttribute<NotAuditedAttribute>(inherit: true) is null));
        // The entry belongs where the entity lives: a tenant's row to that tenant, a host row (a tenant, a plan) to the
        // host, even when the save runs inside another tenant's scope (creating a tenant seeds it as that tenant).
        return new AuditLogEntry(
            entry.Entity is IMultiTenant owned ? owned.TenantId : null,
            currentUser.Id,
            currentUser.UserName,
            now,
            entry.Metadata.ClrType.Name,
            KeyOf(entry),
            action,
            changed.Distinct().Order(StringComparer.Ordinal).ToList(),
            audited.KeepValues && values.Count > 0 ? JsonSerializer.Serialize(values, Json) : null);
    }

    /// <summary>A soft delete reaches the save as an update that sets <see cref="ISoftDelete.IsDeleted"/>.</summary>
    private static AuditAction ActionOf(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Deleted,
        _ when entry.Entity is ISoftDelete { IsDeleted: true } && entry.Property(nameof(ISoftDelete.IsDeleted)) is { IsModified: true, OriginalValue: false } => AuditAction.Deleted,
        _ => AuditAction.Updated,
    };

    private static string KeyOf(EntityEntry entry)
        => string.Join(",", entry.Metadata.FindPrimaryKey()?.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)) ?? []);

    private static (EntityEntry Entry, string Navigation)? FindOwner(DbContext context, EntityEntry owned)
    {
        var ownership = owned.Metadata.FindOwnership();
        var navigation = ownership?.PrincipalToDependent;
        if (ownership is null || navigation is null)
        {
            return null;
        }

        foreach (var candidate in context.ChangeTracker.Entries().Where(e => e.Metadata == ownership.PrincipalEntityType))
        {
            var value = candidate.Navigation(navigation.Name).CurrentValue;
            if (ReferenceEquals(value, owned.Entity) || (value is System.Collections.IEnumerable items && value is not string && items.Cast<object>().Any(i => ReferenceEquals(i, owned.Entity))))
            {
                return candidate.Metadata.IsOwned() ? FindOwner(context, candidate) : (candidate, navigation.Name);
            }
        }

        return null;
    }
}
