using EngagementPlatform.Compensation.Application.Items;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Payments;
using EngagementPlatform.Framework.UnitOfWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;
using PaymentMethod = EngagementPlatform.Compensation.Domain.PaymentMethod;

namespace EngagementPlatform.Compensation.Application.Payouts;

/// <summary>
/// Compensation's Stripe events. The tenant comes from Compensation's own rows (the payout by transfer id or by the
/// payout id the transfer carries, the connected account by its id), never from an event's metadata alone; the work
/// runs and is saved inside that tenant. Order is decided by the objects, not by arrival:
/// <list type="bullet">
/// <item><c>transfer.created</c>/<c>transfer.updated</c>: a payout still Pending (the process died, or the answer was
/// lost, after Stripe made the transfer) is finished as the payment would have been (item Paid, reference = transfer id,
/// the payee's email); a Paid one is left alone.</item>
/// <item><c>transfer.reversed</c> (and any transfer event whose <c>amount_reversed</c> is above what is known): the payout
/// becomes Reversed with the amount and the reason; the item stays Paid (ADR 0017). <c>amount_reversed</c> only grows,
/// so an older event arriving late changes nothing.</item>
/// <item><c>account.updated</c>: the connected account's status, unless the event is older than the last one applied.</item>
/// </list>
/// </summary>
public sealed class CompensationStripeEvents(
    ICompensationDbContext db,
    ICompensationStripeDbContext stripeDb,
    ICurrentTenant currentTenant,
    IUnitOfWork unitOfWork,
    PaymentEmails emails,
    ILogger<CompensationStripeEvents> logger) : IStripeEventHandler
{
    public const string TransferCreated = "transfer.created";
    public const string TransferUpdated = "transfer.updated";
    public const string TransferReversed = "transfer.reversed";
    public const string AccountUpdated = "account.updated";

    private static readonly string[] AnyTenant = [DataFilters.Tenant];

    public IReadOnlyCollection<string> EventTypes { get; } = [TransferCreated, TransferUpdated, TransferReversed, AccountUpdated];

    public async Task HandleAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        switch (stripeEvent.Data?.Object)
        {
            case Transfer transfer when stripeEvent.Type.StartsWith("transfer.", StringComparison.Ordinal):
                await TransferAsync(stripeEvent.Type, transfer, at, cancellationToken);
                break;
            case Account account when stripeEvent.Type == AccountUpdated:
                await AccountAsync(account, at, cancellationToken);
                break;
            default:
                logger.LogWarning("Stripe event {EventId} ({EventType}) carries no object Compensation can read", stripeEvent.Id, stripeEvent.Type);
                break;
        }
    }

    private async Task TransferAsync(string type, Transfer transfer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var payout = await stripeDb.StripePayouts.IgnoreQueryFilters(AnyTenant).FirstOrDefaultAsync(p => p.TransferId == transfer.Id, cancellationToken);
        if (payout is null && transfer.Metadata is { } metadata && metadata.TryGetValue("payoutId", out var raw) && Guid.TryParse(raw, out var payoutId))
        {
            payout = await stripeDb.StripePayouts.IgnoreQueryFilters(AnyTenant).FirstOrDefaultAsync(p => p.Id == payoutId && p.TransferId == null, cancellationToken);
        }

        if (payout is null)
        {
            logger.LogInformation("Stripe transfer {TransferId} is not a payout of this platform's Compensation; ignored", transfer.Id);
            return;
        }

        // The row decides; the transfer must be the one the row asked for, or it is not acted on.
        if (transfer.DestinationId != payout.Destination || transfer.Amount != payout.AmountMinor
            || !string.Equals(transfer.Currency, payout.Currency, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Stripe transfer {TransferId} does not match payout {PayoutId} (destination, amount or currency); ignored", transfer.Id, payout.Id);
            return;
        }

        using (currentTenant.Change(payout.TenantId))
        {
            if (payout.Status == StripePayoutStatus.Pending)
            {
                var item = await db.PayableItems.FirstAsync(i => i.Id == payout.ItemId, cancellationToken);
                if (item.Status == PayableItemStatus.Approved)
                {
                    item.Pay(payout.RequestedBy, PaymentMethod.StripeTransfer, transfer.Id, payout.PaidOn);
                    var payee = await db.Payees.FirstAsync(p => p.Id == item.PayeeId, cancellationToken);
                    await emails.QueueAsync([item], new Dictionary<Guid, Payee> { [payee.Id] = payee }, cancellationToken);
                }
                else
                {
                    logger.LogError("Stripe transfer {TransferId} paid item {ItemId}, which is {Status}: recorded on the payout for staff to resolve", transfer.Id, item.Id, item.Status);
                }

                payout.MarkPaid(transfer.Id);
            }

            if (transfer.AmountReversed > payout.ReversedAmountMinor)
            {
                payout.MarkReversed(transfer.AmountReversed, ReversalReason(type, transfer), at);
            }

            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The newest reversal's own reason (its metadata <c>reason</c> or description), with its id and amount, as Stripe gives them.</summary>
    private static string ReversalReason(string type, Transfer transfer)
    {
        var reversal = transfer.Reversals?.Data?.OrderByDescending(r => r.Created).FirstOrDefault();
        var why = reversal?.Metadata is { } m && m.TryGetValue("reason", out var reason) && !string.IsNullOrWhiteSpace(reason) ? reason : null;
        return reversal is null
            ? $"{type}: {transfer.AmountReversed} of {transfer.Amount} reversed"
            : $"{type}: {reversal.Id}, {reversal.Amount} of {transfer.Amount} reversed{(why is null ? string.Empty : $" ({why})")}";
    }

    private async Task AccountAsync(Account account, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = await stripeDb.PayeeStripeAccounts.IgnoreQueryFilters(AnyTenant).FirstOrDefaultAsync(a => a.StripeAccountId == account.Id, cancellationToken);
        if (row is null)
        {
            logger.LogInformation("Stripe account {AccountId} is not a payee's connected account; ignored", account.Id);
            return;
        }

        using (currentTenant.Change(row.TenantId))
        {
            if (!row.Apply(account, at))
            {
                logger.LogInformation("account.updated for {AccountId} at {At} is older than the status applied at {Last}; ignored", account.Id, at, row.LastEventAt);
            }

            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
    }
}

public sealed record StripePayoutDto(Guid Id, Guid ItemId, int Attempt, string IdempotencyKey, StripePayoutStatus Status, decimal Amount, string Currency,
    string Destination, string TransferGroup, string? TransferId, string? FailureCode, string? FailureMessage, decimal ReversedAmount,
    string? ReversalReason, DateTimeOffset? ReversedAt, DateOnly PaidOn, DateTimeOffset CreationTime);

/// <summary>An item's Stripe payout attempts, oldest first: the money trail (refusals, the transfer, reversals).</summary>
public sealed record GetStripePayoutsQuery(Guid ItemId) : Mediator.IQuery<IReadOnlyList<StripePayoutDto>>;

public sealed class GetStripePayoutsHandler(ICompensationDbContext db, ICompensationStripeDbContext stripeDb)
    : Mediator.IQueryHandler<GetStripePayoutsQuery, IReadOnlyList<StripePayoutDto>>
{
    public async ValueTask<IReadOnlyList<StripePayoutDto>> Handle(GetStripePayoutsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.PayableItems.AnyAsync(i => i.Id == query.ItemId, cancellationToken))
        {
            throw new Framework.Exceptions.EntityNotFoundException(nameof(PayableItem), query.ItemId);
        }

        var rows = await stripeDb.StripePayouts.AsNoTracking().Where(p => p.ItemId == query.ItemId).OrderBy(p => p.Attempt).ToListAsync(cancellationToken);
        return rows.Select(p =>
        {
            var scale = (decimal)Math.Pow(10, Currencies.MinorUnits(p.Currency));
            return new StripePayoutDto(p.Id, p.ItemId, p.Attempt, p.IdempotencyKey, p.Status, Currencies.Display(p.AmountMinor / scale, p.Currency), p.Currency,
                p.Destination, p.TransferGroup, p.TransferId, p.FailureCode, p.FailureMessage, Currencies.Display(p.ReversedAmountMinor / scale, p.Currency),
                p.ReversalReason, p.ReversedAt, p.PaidOn, p.CreationTime);
        }).ToList();
    }
}
