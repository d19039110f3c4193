using EngagementPlatform.Compensation.Domain;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Persistence;

/// <summary>Compensation's Stripe sets (connected accounts, payout attempts); the application's one DbContext implements it.</summary>
public interface ICompensationStripeDbContext
{
    DbSet<PayeeStripeAccount> PayeeStripeAccounts { get; }

    DbSet<StripePayout> StripePayouts { get; }
}

public static class CompensationStripeModelBuilderExtensions
{
    /// <summary>At most one live (Pending, Paid or Reversed) payout per item: the database's guard against paying twice.</summary>
    public const string LivePayoutPerItem = "ux_stripe_payouts_live_item";

    public static void ConfigureCompensationStripe(this ModelBuilder builder)
    {
        builder.Entity<PayeeStripeAccount>(b =>
        {
            b.ToTable("payee_stripe_accounts", CompensationModelBuilderExtensions.Schema);
            b.Property(a => a.StripeAccountId).HasMaxLength(PayeeStripeAccount.MaxAccountIdLength).IsRequired();
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.DisabledReason).HasMaxLength(PayeeStripeAccount.MaxReasonLength);
            b.HasOne<Payee>().WithMany().HasForeignKey(a => a.PayeeId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(a => new { a.TenantId, a.PayeeId }).IsUnique();
            // Webhooks find the account (and so its tenant) by Stripe's id, across tenants.
            b.HasIndex(a => a.StripeAccountId).IsUnique();
        });
        builder.Entity<StripePayout>(b =>
        {
            b.ToTable("stripe_payouts", CompensationModelBuilderExtensions.Schema);
            b.Property(p => p.IdempotencyKey).HasMaxLength(Framework.Payments.StripeIdempotencyKey.MaxLength).IsRequired();
            b.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
            b.Property(p => p.Destination).HasMaxLength(StripePayout.MaxStripeIdLength).IsRequired();
            b.Property(p => p.TransferGroup).HasMaxLength(StripePayout.MaxStripeIdLength).IsRequired();
            b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(p => p.TransferId).HasMaxLength(StripePayout.MaxStripeIdLength);
            b.Property(p => p.FailureCode).HasMaxLength(StripePayout.MaxCodeLength);
            b.Property(p => p.FailureMessage).HasMaxLength(StripePayout.MaxMessageLength);
            b.Property(p => p.ReversalReason).HasMaxLength(StripePayout.MaxMessageLength);
            b.HasOne<PayableItem>().WithMany().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(p => p.IdempotencyKey).IsUnique();
            b.HasIndex(p => new { p.ItemId, p.Attempt }).IsUnique();
            b.HasIndex(p => p.ItemId).IsUnique().HasDatabaseName(LivePayoutPerItem).HasFilter("status <> 'Failed'");
            // Webhooks find the payout by Stripe's transfer id, across tenants.
            b.HasIndex(p => p.TransferId).IsUnique().HasFilter("transfer_id IS NOT NULL");
        });
    }
}
