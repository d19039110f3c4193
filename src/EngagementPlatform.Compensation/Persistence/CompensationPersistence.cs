using EngagementPlatform.Compensation.Domain;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Persistence;

/// <summary>The sets Compensation reads and writes; the application's one DbContext implements it.</summary>
public interface ICompensationDbContext
{
    DbSet<Rate> Rates { get; }

    DbSet<Payee> Payees { get; }

    DbSet<PayableItem> PayableItems { get; }

    DbSet<CompensationProgram> CompensationPrograms { get; }

    DbSet<ProgramBudget> ProgramBudgets { get; }

    DbSet<ReportingThreshold> ReportingThresholds { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public static class CompensationModelBuilderExtensions
{
    public const string Schema = "compensation";

    /// <summary>The partial unique index that makes an item exist once per (source, payee); its name, for tests and conflict handling.</summary>
    public const string ItemPerSourceAndPayee = "ux_payable_items_source_payee";

    public static void ConfigureCompensation(this ModelBuilder builder)
    {
        builder.Entity<Rate>(b =>
        {
            b.ToTable("rates", Schema);
            b.Property(r => r.Name).HasMaxLength(Rate.MaxNameLength).IsRequired();
            b.Property(r => r.Unit).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.Amount).HasPrecision(18, 4);
            b.Property(r => r.Currency).HasMaxLength(3).IsFixedLength();
            b.Ignore(r => r.Money);
            // The rates list's default order (name, then id) and the look-up of a council's (or the tenant's) rate for a unit.
            b.HasIndex(r => new { r.TenantId, r.Name, r.Id });
            b.HasIndex(r => new { r.TenantId, r.CouncilId, r.Unit, r.EffectiveFrom });
        });
        builder.Entity<Payee>(b =>
        {
            b.ToTable("payees", Schema);
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(p => p.Name).HasMaxLength(Payee.MaxNameLength).IsRequired();
            b.Property(p => p.ContactEmail).HasMaxLength(Payee.MaxEmailLength);
            // One payee per user of a tenant, whoever creates it first.
            b.HasIndex(p => new { p.TenantId, p.UserId }).IsUnique().HasFilter("user_id IS NOT NULL");
            b.HasIndex(p => new { p.TenantId, p.Name, p.Id });
        });
        builder.Entity<PayableItem>(b =>
        {
            b.ToTable("payable_items", Schema);
            b.Property(i => i.Description).HasMaxLength(PayableItem.MaxDescriptionLength).IsRequired();
            b.Property(i => i.Quantity).HasPrecision(12, 4);
            b.Property(i => i.UnitAmount).HasPrecision(18, 4);
            b.Property(i => i.Amount).HasPrecision(18, 4);
            b.Property(i => i.Currency).HasMaxLength(3).IsFixedLength();
            b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(i => i.SourceKind).HasConversion<string>().HasMaxLength(16);
            b.Property(i => i.SourceLabel).HasMaxLength(PayableItem.MaxSourceLabelLength);
            b.Property(i => i.PaidMethod).HasConversion<string>().HasMaxLength(16);
            b.Property(i => i.PaidReference).HasMaxLength(PayableItem.MaxReferenceLength);
            b.Property(i => i.VoidReason).HasMaxLength(PayableItem.MaxReasonLength);
            b.Property(i => i.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
            b.Ignore(i => i.Total);
            b.HasOne<Payee>().WithMany().HasForeignKey(i => i.PayeeId).OnDelete(DeleteBehavior.Restrict);
            // Once per (source, payee): a database rule, not a check in code. Voided items and adjustments are outside
            // it, so a person withdrawn and then marked present again is owed again, and a correction can be added.
            b.HasIndex(i => new { i.TenantId, i.SourceKind, i.SourceId, i.PayeeId }).IsUnique()
                .HasDatabaseName(ItemPerSourceAndPayee)
                .HasFilter("source_id IS NOT NULL AND adjusts_item_id IS NULL AND status <> 'Voided'");
            // The queue's default order (newest first, then id), and its status and payee filters (a tenant holds
            // many items per status and per payee over the years).
            b.HasIndex(i => new { i.TenantId, i.CreationTime, i.Id }).IsDescending(false, true, false);
            b.HasIndex(i => new { i.TenantId, i.Status, i.CreationTime, i.Id }).IsDescending(false, false, true, false);
            b.HasIndex(i => new { i.TenantId, i.PayeeId, i.CreationTime });
            b.HasIndex(i => new { i.TenantId, i.CouncilId, i.Status });
            b.HasIndex(i => i.AdjustsItemId);
            // Reports (statements, annual totals, budget vs. actual, CSV) read paid items by payment date.
            b.HasIndex(i => new { i.TenantId, i.Status, i.PaidOn });
        });
        builder.ConfigureCompensationReports();
    }

    /// <summary>Programs with their budgets, and the information-return thresholds (issue 12's reports).</summary>
    private static void ConfigureCompensationReports(this ModelBuilder builder)
    {
        builder.Entity<CompensationProgram>(b =>
        {
            b.ToTable("programs", Schema);
            b.Property(p => p.Name).HasMaxLength(CompensationProgram.MaxNameLength).IsRequired();
            b.Property(p => p.CouncilIds).HasColumnType("uuid[]");
            b.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
        });
        builder.Entity<ProgramBudget>(b =>
        {
            b.ToTable("program_budgets", Schema);
            b.Property(x => x.Amount).HasPrecision(18, 4);
            b.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
            b.HasOne<CompensationProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.TenantId, x.ProgramId, x.Year }).IsUnique();
            b.HasIndex(x => x.ProgramId);
        });
        builder.Entity<ReportingThreshold>(b =>
        {
            b.ToTable("reporting_thresholds", Schema);
            b.Property(x => x.Amount).HasPrecision(18, 4);
            b.Property(x => x.Currency).HasMaxLength(3).IsFixedLength();
            b.HasIndex(x => new { x.TenantId, x.Year }).IsUnique();
        });
    }
}
