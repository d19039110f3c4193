using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.Framework.Data;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.DataSharing.Persistence;

/// <summary>The sets Data sharing reads and writes; the application's one DbContext implements it.</summary>
public interface IDataSharingDbContext
{
    DbSet<Agreement> Agreements { get; }

    DbSet<AgreementVersion> AgreementVersions { get; }

    DbSet<AgreementSignature> AgreementSignatures { get; }

    DbSet<DestructionAttestation> DestructionAttestations { get; }

    DbSet<DataSharingSettings> DataSharingSettings { get; }

    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }

    /// <summary>The tenant the global query filters use; raw SQL must repeat it.</summary>
    Guid? CurrentTenantId { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public static class DataSharingModelBuilderExtensions
{
    public const string Schema = "data_sharing";

    /// <summary>The unique index that lets a party sign a version once, even when two requests race.</summary>
    public const string SignaturePerVersionAndParty = "ux_agreement_signatures_version_party";

    /// <summary>The unique index that keeps one destruction attestation per party of an agreement.</summary>
    public const string AttestationPerAgreementAndParty = "ux_destruction_attestations_agreement_party";

    public static void ConfigureDataSharing(this ModelBuilder builder)
    {
        builder.Entity<Agreement>(b =>
        {
            b.ToTable("agreements", Schema);
            b.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.AmendmentState).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.Sensitivity).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.Title).HasMaxLength(AgreementContent.MaxTitleLength).IsRequired();
            b.Property(a => a.PartyNames).HasMaxLength(AgreementContent.MaxParties * (AgreementContent.MaxPartyNameLength + 2)).IsRequired();
            b.Property(a => a.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
            b.Ignore(a => a.Current);
            b.Ignore(a => a.Latest);
            // The register's default order (title, then id) and its "expiring within N days" filter, within a tenant.
            b.HasIndex(a => new { a.TenantId, a.Title, a.Id });
            b.HasIndex(a => new { a.TenantId, a.State, a.EffectiveTo });
            b.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(a => a.DestructionAttestations).WithOne().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(a => a.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(a => a.DestructionAttestations).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Entity<AgreementVersion>(b =>
        {
            b.ToTable("agreement_versions", Schema);
            b.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
            b.Property(v => v.Sensitivity).HasConversion<string>().HasMaxLength(16);
            b.Property(v => v.Title).HasMaxLength(AgreementContent.MaxTitleLength).IsRequired();
            b.Property(v => v.Purpose).HasMaxLength(AgreementContent.MaxPurposeLength).IsRequired();
            b.Property(v => v.Parties).HasJson();
            b.Property(v => v.DataElements).HasJson();
            b.Property(v => v.Governance).HasJson();
            b.Property(v => v.PermittedUses).HasJson();
            b.Property(v => v.RetentionPeriod).HasMaxLength(AgreementContent.MaxRetentionLength);
            b.Property(v => v.DestructionMethod).HasMaxLength(AgreementContent.MaxDestructionMethodLength);
            b.Property(v => v.ContentHash).HasMaxLength(64);
            b.Property(v => v.TerminationReason).HasMaxLength(AgreementContent.MaxTermLength);
            b.Ignore(v => v.Content);
            b.HasIndex(v => new { v.AgreementId, v.Number }).IsUnique();
            // The daily job's look-up of versions that may change state (signed, active) within a tenant.
            b.HasIndex(v => new { v.TenantId, v.State });
            b.HasMany(v => v.Signatures).WithOne().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(v => v.Signatures).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Entity<AgreementSignature>(b =>
        {
            b.ToTable("agreement_signatures", Schema);
            b.Property(s => s.PartyName).HasMaxLength(AgreementContent.MaxPartyNameLength).IsRequired();
            b.Property(s => s.TypedName).HasMaxLength(AgreementSignature.MaxTypedNameLength).IsRequired();
            b.Property(s => s.IpAddress).HasMaxLength(AgreementSignature.MaxIpLength);
            b.Property(s => s.ContentHash).HasMaxLength(64).IsRequired();
            b.HasIndex(s => new { s.VersionId, s.PartyId }).IsUnique().HasDatabaseName(SignaturePerVersionAndParty);
            // "Agreements waiting for my signature" and "what did this person sign".
            b.HasIndex(s => new { s.TenantId, s.SignerUserId });
        });
        builder.Entity<DestructionAttestation>(b =>
        {
            b.ToTable("destruction_attestations", Schema);
            b.Property(d => d.PartyName).HasMaxLength(AgreementContent.MaxPartyNameLength).IsRequired();
            b.Property(d => d.TypedName).HasMaxLength(AgreementSignature.MaxTypedNameLength).IsRequired();
            b.Property(d => d.Method).HasMaxLength(DestructionAttestation.MaxMethodLength).IsRequired();
            b.Property(d => d.Note).HasMaxLength(DestructionAttestation.MaxNoteLength);
            b.HasIndex(d => new { d.AgreementId, d.PartyId }).IsUnique().HasDatabaseName(AttestationPerAgreementAndParty);
        });
        builder.Entity<DataSharingSettings>(b =>
        {
            b.ToTable("settings", Schema);
            // Governance has a settings table too: the names say whose, so the two models' keys never meet.
            b.HasKey(s => s.Id).HasName("pk_data_sharing_settings");
            b.HasIndex(s => s.TenantId).IsUnique().AreNullsDistinct(false).HasDatabaseName("ux_data_sharing_settings_tenant_id");
        });
    }
}
