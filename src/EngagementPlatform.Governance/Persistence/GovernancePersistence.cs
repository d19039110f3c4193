using EngagementPlatform.Framework.Data;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Domain.Diversity;
using EngagementPlatform.Governance.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Persistence;

public interface IGovernanceDbContext
{
    DbSet<Council> Councils { get; }

    DbSet<Seat> Seats { get; }

    DbSet<SeatAssignment> SeatAssignments { get; }

    DbSet<CompositionRule> CompositionRules { get; }

    DbSet<Decision> Decisions { get; }

    DbSet<DecisionInput> DecisionInputs { get; }

    DbSet<EligibleVoter> EligibleVoters { get; }

    DbSet<Ballot> Ballots { get; }

    DbSet<BallotParticipation> BallotParticipations { get; }

    DbSet<Meeting> Meetings { get; }

    DbSet<AttendanceRecord> AttendanceRecords { get; }

    DbSet<MemberDemographics> MemberDemographics { get; }

    DbSet<GovernanceSettings> GovernanceSettings { get; }

    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }

    /// <summary>The tenant the global query filters use; raw SQL must repeat it.</summary>
    Guid? CurrentTenantId { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public static class GovernanceModelBuilderExtensions
{
    public const string Schema = "governance";

    public static void ConfigureGovernance(this ModelBuilder builder)
    {
        builder.Entity<Council>(b =>
        {
            b.ToTable("councils", Schema);
            b.Property(c => c.Name).HasMaxLength(200).IsRequired();
            b.Property(c => c.Description).HasMaxLength(4000);
            b.Property(c => c.Charter).HasMaxLength(20000);
            b.HasMany(c => c.Seats).WithOne().HasForeignKey(s => s.CouncilId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(c => c.Rules).WithOne().HasForeignKey(r => r.CouncilId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(c => c.Seats).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(c => c.Rules).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Entity<Seat>(b =>
        {
            b.ToTable("seats", Schema);
            b.Property(s => s.Title).HasMaxLength(200).IsRequired();
            b.Property(s => s.Category).HasConversion<string>().HasMaxLength(32);
            b.Property(s => s.Role).HasConversion<string>().HasMaxLength(16);
            b.HasMany(s => s.Assignments).WithOne().HasForeignKey(a => a.SeatId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(s => s.Assignments).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Entity<SeatAssignment>(b =>
        {
            b.ToTable("seat_assignments", Schema);
            b.HasIndex(a => new { a.TenantId, a.UserId });
        });
        builder.Entity<CompositionRule>(b =>
        {
            b.ToTable("composition_rules", Schema);
            b.Property(r => r.Name).HasMaxLength(200);
            b.Property(r => r.Source).HasMaxLength(500);
            b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            b.Property(r => r.MinimumShare).HasPrecision(5, 4);
            b.Property(r => r.Categories).HasJson();
            b.Property(r => r.Phases).HasJson();
        });

        builder.Entity<Decision>(b =>
        {
            b.ToTable("decisions", Schema);
            b.Property(d => d.Title).HasMaxLength(300).IsRequired();
            b.Property(d => d.Description).HasMaxLength(20000);
            b.Property(d => d.Method).HasConversion<string>().HasMaxLength(16);
            b.Property(d => d.Threshold).HasConversion<string>().HasMaxLength(16);
            b.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
            b.Property(d => d.Quorum).HasPrecision(5, 4);
            b.Property(d => d.Options).HasJson();
            b.Property(d => d.Recusals).HasJson();
            b.Property(d => d.TallyJson).HasColumnType("json"); // json keeps the frozen text exactly; jsonb would reorder it
            b.Property(d => d.Outcome).HasMaxLength(4000);
            b.Property(d => d.Rationale).HasMaxLength(20000);
            b.Property(d => d.ImplementationNote).HasMaxLength(4000);
            b.Property(d => d.WithdrawnReason).HasMaxLength(2000);
            b.Property(d => d.PublicInputToken).HasMaxLength(64);
            b.Property(d => d.CloseVotingJobId).HasMaxLength(64);
            b.HasIndex(d => new { d.TenantId, d.CouncilId, d.State });
            // The decisions list's default order (newest first, then id) within a tenant: the page is read off the
            // index instead of sorting every decision of the tenant.
            b.HasIndex(d => new { d.TenantId, d.CreationTime, d.Id }).IsDescending(false, true, false);
            b.HasIndex(d => d.PublicInputToken).IsUnique();
            b.HasMany(d => d.Inputs).WithOne().HasForeignKey(i => i.DecisionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.Voters).WithOne().HasForeignKey(v => v.DecisionId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(d => d.Inputs).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(d => d.Voters).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Entity<DecisionInput>(b =>
        {
            b.ToTable("decision_inputs", Schema);
            b.Property(i => i.Text).HasMaxLength(8000).IsRequired();
            b.Property(i => i.PublicName).HasMaxLength(200);
            b.Property(i => i.PublicEmail).HasMaxLength(256);
            b.Property(i => i.Use).HasConversion<string>().HasMaxLength(16);
            b.Property(i => i.UseExplanation).HasMaxLength(4000);
            b.Property(i => i.EmailConfirmationHash).HasMaxLength(64);
            b.Ignore(i => i.ConfirmedEmail);
            b.HasIndex(i => new { i.TenantId, i.AuthorUserId });
            // A decision's inputs list (oldest first, then id): public input can make it long.
            b.HasIndex(i => new { i.TenantId, i.DecisionId, i.CreatedAt, i.Id });
            b.HasIndex(i => i.EmailConfirmationHash).IsUnique().HasFilter("email_confirmation_hash IS NOT NULL");
        });
        builder.Entity<EligibleVoter>(b =>
        {
            b.ToTable("eligible_voters", Schema);
            b.HasKey(v => new { v.DecisionId, v.UserId });
            b.Property(v => v.Category).HasConversion<string>().HasMaxLength(32);
            b.Ignore(v => v.IsCommunity);
            b.HasIndex(v => new { v.TenantId, v.UserId });
        });
        builder.Entity<Ballot>(b =>
        {
            b.ToTable("ballots", Schema);
            b.Property(x => x.ContentJson).HasColumnType("jsonb");
            b.HasIndex(x => new { x.DecisionId, x.VoterUserId }).IsUnique().HasFilter("voter_user_id IS NOT NULL");
            b.HasIndex(x => new { x.DecisionId, x.BallotKey }).IsUnique().HasFilter("ballot_key IS NOT NULL");
            b.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BallotParticipation>(b =>
        {
            b.ToTable("ballot_participations", Schema);
            b.HasKey(p => new { p.DecisionId, p.UserId });
            b.HasOne<Decision>().WithMany().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Meeting>(b =>
        {
            b.ToTable("meetings", Schema);
            b.Property(m => m.Title).HasMaxLength(300).IsRequired();
            b.Property(m => m.Location).HasMaxLength(500);
            b.Property(m => m.Agenda).HasJson();
            b.Property(m => m.AccessSupports).HasJson();
            // A council's meetings list (latest first, then id) is read off the index.
            b.HasIndex(m => new { m.TenantId, m.CouncilId, m.StartsAt, m.Id }).IsDescending(false, false, true, false);
            b.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(m => m.Attendance).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Entity<AttendanceRecord>(b =>
        {
            b.ToTable("attendance", Schema);
            b.HasKey(a => new { a.MeetingId, a.UserId });
        });
        builder.Entity<MemberDemographics>(b =>
        {
            b.ToTable("member_demographics", Schema);
            b.HasKey(d => d.UserId);
            b.Property(d => d.Language).HasMaxLength(64);
            b.Property(d => d.AgeBand).HasMaxLength(16);
            b.Property(d => d.Neighborhood).HasMaxLength(100);
            b.Property(d => d.RaceEthnicity).HasJson();
        });
        builder.Entity<GovernanceSettings>(b =>
        {
            b.ToTable("settings", Schema);
            b.HasIndex(s => s.TenantId).IsUnique().AreNullsDistinct(false);
        });
    }
}
