using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Compensation.Domain;

/// <summary>Where a payee's Stripe connected account stands, as Stripe last told us.</summary>
public enum StripeAccountStatus
{
    /// <summary>Created; the payee has not finished Stripe's onboarding.</summary>
    Onboarding,

    /// <summary>Details submitted, but Stripe does not (yet, or any more) let transfers and payouts through.</summary>
    Restricted,

    /// <summary>Transfers and payouts enabled: the payee can be paid by Stripe transfer.</summary>
    Enabled,
}

/// <summary>
/// A payee's Stripe Express connected account (one per payee, one payee per account). Kept apart from
/// <see cref="Payee"/> so payment preferences and Stripe's state evolve on their own. Its status follows Stripe's
/// <c>account.updated</c> events, newest event first: an event older than <see cref="LastEventAt"/> changes nothing.
/// </summary>
[Audited(KeepValues = true)]
public sealed class PayeeStripeAccount : Entity<Guid>, IMultiTenant, IHasCreationAudit, IHasModificationAudit
{
    public const int MaxAccountIdLength = 255;
    public const int MaxReasonLength = 200;

    private PayeeStripeAccount()
    {
    }

    public PayeeStripeAccount(Guid payeeId, string stripeAccountId)
    {
        Id = Guid.CreateVersion7();
        PayeeId = payeeId;
        StripeAccountId = stripeAccountId;
        Status = StripeAccountStatus.Onboarding;
    }

    public Guid? TenantId { get; set; }

    public Guid PayeeId { get; private set; }

    /// <summary>Stripe's account id, <c>acct_...</c>.</summary>
    public string StripeAccountId { get; private set; } = string.Empty;

    public StripeAccountStatus Status { get; private set; }

    public bool DetailsSubmitted { get; private set; }

    public bool ChargesEnabled { get; private set; }

    public bool PayoutsEnabled { get; private set; }

    /// <summary>Whether the account's <c>transfers</c> capability is active (what a transfer to it needs).</summary>
    public bool TransfersActive { get; private set; }

    /// <summary>Stripe's <c>requirements.disabled_reason</c>, when it gives one.</summary>
    public string? DisabledReason { get; private set; }

    /// <summary>The <c>created</c> time of the newest Stripe event (or read) applied; older events are ignored.</summary>
    public DateTimeOffset? LastEventAt { get; private set; }

    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    public bool CanReceiveTransfers => Status == StripeAccountStatus.Enabled;

    /// <summary>Applies Stripe's account snapshot as of <paramref name="asOf"/>; false (nothing changes) when it is older than what is known.</summary>
    public bool Apply(bool detailsSubmitted, bool chargesEnabled, bool payoutsEnabled, bool transfersActive, string? disabledReason, DateTimeOffset asOf)
    {
        if (LastEventAt is { } last && asOf < last)
        {
            return false;
        }

        DetailsSubmitted = detailsSubmitted;
        ChargesEnabled = chargesEnabled;
        PayoutsEnabled = payoutsEnabled;
        TransfersActive = transfersActive;
        DisabledReason = string.IsNullOrEmpty(disabledReason) ? null : disabledReason[..Math.Min(disabledReason.Length, MaxReasonLength)];
        Status = payoutsEnabled && transfersActive ? StripeAccountStatus.Enabled
            : detailsSubmitted ? StripeAccountStatus.Restricted
            : StripeAccountStatus.Onboarding;
        LastEventAt = asOf;
        return true;
    }
}

/// <summary>Pending (recorded before Stripe is called) → Paid (transfer made), or Failed (Stripe refused); Paid → Reversed.</summary>
public enum StripePayoutStatus
{
    Pending,
    Paid,
    Failed,
    Reversed,
}

/// <summary>
/// One attempt to pay one item by Stripe transfer: the money trail of a Stripe payment. The row is written (Pending,
/// with its idempotency key <c>payout:{item}:{attempt}</c> and every parameter of the transfer) and committed before
/// Stripe is called, so a crash or a lost answer leaves a row to finish with the same key and the same parameters,
/// which Stripe answers with the transfer it already made instead of a second one. At most one attempt per item is
/// Pending, Paid or Reversed (a partial unique index); a Failed attempt lets a later one (attempt + 1) go ahead.
/// </summary>
[Audited(KeepValues = true)]
public sealed class StripePayout : Entity<Guid>, IMultiTenant, IHasCreationAudit, IHasModificationAudit
{
    public const int MaxStripeIdLength = 255;
    public const int MaxCodeLength = 100;
    public const int MaxMessageLength = 500;
    public const string Purpose = "payout";

    private StripePayout()
    {
    }

    public StripePayout(PayableItem item, int attempt, long amountMinor, string destination, string transferGroup, Guid requestedBy, DateOnly paidOn)
    {
        Id = Guid.CreateVersion7();
        ItemId = item.Id;
        PayeeId = item.PayeeId;
        Attempt = attempt;
        IdempotencyKey = Framework.Payments.StripeIdempotencyKey.For(Purpose, item.Id, attempt);
        AmountMinor = amountMinor;
        Currency = item.Currency;
        Destination = destination;
        TransferGroup = transferGroup;
        RequestedBy = requestedBy;
        PaidOn = paidOn;
        Status = StripePayoutStatus.Pending;
    }

    public Guid? TenantId { get; set; }

    public Guid ItemId { get; private set; }

    public Guid PayeeId { get; private set; }

    public int Attempt { get; private set; }

    public string IdempotencyKey { get; private set; } = string.Empty;

    /// <summary>The amount in the currency's minor unit (cents), as sent to Stripe.</summary>
    public long AmountMinor { get; private set; }

    public string Currency { get; private set; } = "USD";

    /// <summary>The connected account paid, <c>acct_...</c>.</summary>
    public string Destination { get; private set; } = string.Empty;

    /// <summary>Stripe's <c>transfer_group</c>: one per batch payment.</summary>
    public string TransferGroup { get; private set; } = string.Empty;

    public StripePayoutStatus Status { get; private set; }

    /// <summary>Stripe's transfer id, <c>tr_...</c>, once known.</summary>
    public string? TransferId { get; private set; }

    public string? FailureCode { get; private set; }

    public string? FailureMessage { get; private set; }

    /// <summary>How much Stripe reversed, in minor units (the transfer's <c>amount_reversed</c>; it only grows).</summary>
    public long ReversedAmountMinor { get; private set; }

    public string? ReversalReason { get; private set; }

    public DateTimeOffset? ReversedAt { get; private set; }

    /// <summary>Who asked for the payment, and the payment date the item gets: kept so that whoever finishes it records the same.</summary>
    public Guid RequestedBy { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    public void MarkPaid(string transferId)
    {
        if (Status != StripePayoutStatus.Pending)
        {
            return;
        }

        Status = StripePayoutStatus.Paid;
        TransferId = transferId;
    }

    public void MarkFailed(string? code, string? message)
    {
        if (Status != StripePayoutStatus.Pending)
        {
            return;
        }

        Status = StripePayoutStatus.Failed;
        FailureCode = Cut(code ?? "unknown", MaxCodeLength);
        FailureMessage = message is null ? null : Cut(message, MaxMessageLength);
    }

    /// <summary>Records Stripe's reversal of the transfer; an amount not above what is known (an older event) changes nothing.</summary>
    public bool MarkReversed(long amountReversed, string reason, DateTimeOffset at)
    {
        if (Status is not (StripePayoutStatus.Paid or StripePayoutStatus.Reversed) || amountReversed <= ReversedAmountMinor)
        {
            return false;
        }

        Status = StripePayoutStatus.Reversed;
        ReversedAmountMinor = amountReversed;
        ReversalReason = Cut(reason, MaxMessageLength);
        ReversedAt = at;
        return true;
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
