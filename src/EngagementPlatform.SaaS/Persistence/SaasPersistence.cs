using EngagementPlatform.SaaS.Domain;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Persistence;

public interface ISaasDbContext
{
    DbSet<Tenant> Tenants { get; }

    DbSet<Edition> Editions { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public static class SaasModelBuilderExtensions
{
    public const string Schema = "saas";

    public static void ConfigureSaas(this ModelBuilder builder)
    {
        builder.Entity<Tenant>(b =>
        {
            b.ToTable("tenants", Schema);
            b.HasKey(t => t.Id);
            b.Property(t => t.Name).HasMaxLength(64).IsRequired();
            b.Property(t => t.DisplayName).HasMaxLength(256);
            b.Property(t => t.DefaultLanguage).HasMaxLength(8).HasDefaultValue("en");
            b.Property(t => t.TimeZone).HasMaxLength(64).HasDefaultValue("UTC");
            b.HasIndex(t => t.Name).IsUnique().HasFilter("NOT is_deleted");
            b.HasOne<Edition>().WithMany().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Edition>(b =>
        {
            b.ToTable("editions", Schema);
            b.HasKey(e => e.Id);
            b.Property(e => e.Name).HasMaxLength(64).IsRequired();
            b.Property(e => e.StripePriceId).HasMaxLength(128);
            b.HasIndex(e => e.Name).IsUnique().HasFilter("NOT is_deleted");
            b.OwnsOne(e => e.Features, f => f.ToJson("features"));
            b.OwnsOne(e => e.Limits, l => l.ToJson("limits"));
        });
    }
}
