using EngagementPlatform.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Persistence;

public interface INotificationsDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<EmailTemplateOverride> EmailTemplateOverrides { get; }

    DbSet<EmailSuppression> EmailSuppressions { get; }

    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }

    /// <summary>The model, for the outbox's <c>INSERT ... ON CONFLICT</c> (table and column names as mapped).</summary>
    Microsoft.EntityFrameworkCore.Metadata.IModel Model { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public static class NotificationsModelBuilderExtensions
{
    public const string Schema = "notifications";

    public static void ConfigureNotifications(this ModelBuilder builder)
    {
        builder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages", Schema);
            b.Property(m => m.Template).HasMaxLength(100);
            b.Property(m => m.Category).HasConversion<string>().HasMaxLength(32);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(m => m.Culture).HasMaxLength(8);
            b.Property(m => m.ToEmail).HasMaxLength(256);
            b.Property(m => m.ToName).HasMaxLength(256);
            b.Property(m => m.Subject).HasMaxLength(1000);
            b.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.Property(m => m.DeduplicationKey).HasMaxLength(IEmailOutbox.MaxDeduplicationKeyLength);
            // One message per caller-given key and partnership (the host's rows, tenant null, count as one partnership).
            b.HasIndex(m => new { m.TenantId, m.DeduplicationKey }).IsUnique().AreNullsDistinct(false)
                .HasFilter("deduplication_key IS NOT NULL");
            // The sender's claim query: pending rows that are due, oldest first.
            b.HasIndex(m => new { m.Status, m.NextAttemptAt });
            // The outbox list: a partnership's messages newest first (then id), all of them or of one status, read
            // off the index instead of sorting the partnership's rows.
            b.HasIndex(m => new { m.TenantId, m.CreatedAt, m.Id }).IsDescending(false, true, true);
            b.HasIndex(m => new { m.TenantId, m.Status, m.CreatedAt, m.Id }).IsDescending(false, false, true, true);
        });
        builder.Entity<EmailTemplateOverride>(b =>
        {
            b.ToTable("template_overrides", Schema);
            b.Property(t => t.Name).HasMaxLength(100);
            b.Property(t => t.Culture).HasMaxLength(8);
            b.Property(t => t.Subject).HasMaxLength(1000);
            b.HasIndex(t => new { t.TenantId, t.Name, t.Culture }).IsUnique().AreNullsDistinct(false);
        });
        builder.Entity<EmailSuppression>(b =>
        {
            b.ToTable("suppressions", Schema);
            b.Property(s => s.Email).HasMaxLength(256);
            b.Property(s => s.Category).HasConversion<string>().HasMaxLength(32);
            b.HasIndex(s => new { s.TenantId, s.Email, s.Category }).IsUnique().AreNullsDistinct(false);
        });
    }
}
