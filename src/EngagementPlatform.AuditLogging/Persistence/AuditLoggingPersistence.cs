using EngagementPlatform.AuditLogging.Domain;
using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.AuditLogging.Persistence;

public interface IAuditLoggingDbContext
{
    DbSet<AuditLogEntry> AuditLogEntries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public static class AuditLoggingModelBuilderExtensions
{
    public const string Schema = "audit";

    public static void ConfigureAuditLogging(this ModelBuilder builder)
    {
        builder.Entity<AuditLogEntry>(b =>
        {
            b.ToTable("audit_log_entries", Schema);
            b.HasKey(e => e.Id);
            b.Property(e => e.UserName).HasMaxLength(AuditLogEntry.MaxUserNameLength);
            b.Property(e => e.EntityType).HasMaxLength(AuditLogEntry.MaxEntityTypeLength).IsRequired();
            b.Property(e => e.EntityId).HasMaxLength(AuditLogEntry.MaxEntityIdLength).IsRequired();
            b.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
            b.Property(e => e.ValuesJson).HasColumnType("jsonb");
            // Every read is one tenant's newest entries first (time, then id, both descending: the list's default
            // order with its tie-breaker, so a page is read off the index), narrowed by entity or user.
            b.HasIndex(nameof(IMultiTenant.TenantId), nameof(AuditLogEntry.Time), nameof(AuditLogEntry.Id)).IsDescending(false, true, true);
            b.HasIndex(nameof(IMultiTenant.TenantId), nameof(AuditLogEntry.EntityType), nameof(AuditLogEntry.EntityId));
        });
    }
}
