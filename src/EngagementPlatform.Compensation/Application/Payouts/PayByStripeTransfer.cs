using EngagementPlatform.Compensation.Application.Items;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Features;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Payments;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.SaaS;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;
using PaymentMethod = EngagementPlatform.Compensation.Domain.PaymentMethod;

namespace EngagementPlatform.Compensation.Application.Payouts;

/// <summary>
/// Pays approved items by Stripe transfer to each payee's connected account. Not a command: it commits in steps of
/// its own (ADR 0017) because money leaves between them.
/// </summary>
public sealed record PayByStripeTransferCommand(IReadOnlyList<Guid> ItemIds, string? Reference, DateOnly? PaidOn) : IRequest<PayableItemBatchDto>;

public sealed class PayByStripeTransferValidator : AbstractValidator<PayByStripeTransferCommand>
{
    public PayByStripeTransferValidator()
    {
        RuleFor(c => c.ItemIds).NotEmpty().Must(ids => ids.Count <= BatchLimits.MaxItems && ids.All(id => id != Guid.Empty))
            .WithMessage($"Name between 1 and {BatchLimits.MaxItems} item ids.");
        RuleFor(c => c.Reference).Empty().WithErrorCode(CompensationErrorCodes.StripeReference)
            .WithMessage("A Stripe payment's reference is its transfer id; leave it out.");
    }
}

/// <summary>
/// Three steps, so that money is never lost or doubled (ADR 0017):
/// <list type="number">
/// <item>In one transaction, all or nothing: every item is checked (approved, its payee's connected account enabled, a
/// positive amount) and gets a Pending <see cref="StripePayout"/> row with its idempotency key and the transfer's
/// parameters; the items' concurrency stamps change, so a payment by another method from an earlier read is refused.
/// An item whose earlier attempt is still Pending (a crash, a lost answer) reuses that row, key and parameters.
/// Committed before any money moves: any refusal here means nothing was sent.</item>
/// <item>One transfer per row, in order, with the row's key; the first refusal stops the batch.</item>
/// <item>In one transaction: each transfer made marks its item Paid (reference = transfer id) and its row Paid, with
/// the payee's email; a refused row is Failed (its item stays Approved; the next payment is attempt + 1); rows of
/// this call never sent are removed; a row whose outcome is unknown stays Pending for the next call (or the
/// <c>transfer.created</c> event) to finish with the same key.</item>
/// </list>
/// </summary>
public sealed class PayByStripeTransferHandler(
    ICompensationDbContext db,
    ICompensationStripeDbContext stripeDb,
    IUnitOfWork unitOfWork,
    IFeatureChecker features,
    StripeClientProvider stripe,
    ICurrentUser currentUser,
    ICurrentTenant currentTenant,
    ITenantCalendar calendar,
    PaymentEmails emails,
    ILogger<PayByStripeTransferHandler> logger)
    : IRequestHandler<PayByStripeTransferCommand, PayableItemBatchDto>
{
    public async ValueTask<PayableItemBatchDto> Handle(PayByStripeTransferCommand command, CancellationToken cancellationToken)
    {
        var payer = currentUser.Id ?? throw new InvalidOperationException("Payment needs a signed-in person.");
        await features.CheckEnabledAsync(SaasFeatures.StripePayouts, cancellationToken);
        var client = stripe.GetClient();

        // 1. Check everything and record every attempt before any money moves.
        List<PayableItem> items;
        Dictionary<Guid, Payee> payees;
        var toSend = new List<StripePayout>();
        var fresh = new HashSet<Guid>();
        await using (var scope = await unitOfWork.BeginAsync(cancellationToken))
        {
            (items, payees) = await db.LoadForChangeAsync(command.ItemIds, cancellationToken);
            var paidOn = command.PaidOn ?? await calendar.TodayAsync(cancellationToken);
            var payeeIds = items.Select(i => i.PayeeId).Distinct().ToList();
            var accounts = await stripeDb.PayeeStripeAccounts.Where(a => payeeIds.Contains(a.PayeeId)).ToDictionaryAsync(a => a.PayeeId, cancellationToken);
            var itemIds = items.Select(i => i.Id).ToList();
            var earlier = await stripeDb.StripePayouts.Where(p => itemIds.Contains(p.ItemId)).ToListAsync(cancellationToken);
            var transferGroup = $"payouts_{Guid.CreateVersion7():N}";
            foreach (var item in items)
            {
                item.StartStripePayout();
                if (earlier.FirstOrDefault(p => p.ItemId == item.Id && p.Status == StripePayoutStatus.Pending) is { } pending)
                {
                    toSend.Add(pending);
                    continue;
                }

                // A transfer already under way is finished whatever the payee chose since; a new one respects the choice.
                ItemReads.RefuseDeclined([item], payees);

                if (!accounts.TryGetValue(item.PayeeId, out var account) || !account.CanReceiveTransfers)
                {
                    throw new RuleBrokenException(CompensationErrorCodes.PayeeNotOnboarded).WithData("itemId", item.Id.ToString()).WithData("payeeId", item.PayeeId.ToString());
                }

                var attempt = earlier.Where(p => p.ItemId == item.Id).Select(p => p.Attempt).DefaultIfEmpty(0).Max() + 1;
                var payout = new StripePayout(item, attempt, MinorUnits(item), account.StripeAccountId, transferGroup, payer, paidOn);
                stripeDb.StripePayouts.Add(payout);
                toSend.Add(payout);
                fresh.Add(payout.Id);
            }

            await scope.CompleteAsync(cancellationToken);
        }

        // 2. The transfers. From here on the caller going away must not stop the recording of what Stripe did.
        var transfers = new TransferService(client);
        var made = new List<(StripePayout Payout, string TransferId)>();
        (StripePayout Payout, StripeFailure Failure)? stopped = null;
        foreach (var payout in toSend)
        {
            try
            {
                var transfer = await transfers.CreateAsync(TransferFor(payout), new RequestOptions { IdempotencyKey = payout.IdempotencyKey }, CancellationToken.None);
                made.Add((payout, transfer.Id));
            }
            catch (StripeException exception)
            {
                stopped = (payout, StripeFailure.From(exception));
                logger.LogWarning("Stripe transfer for item {ItemId} (key {Key}) failed: {Kind} {Code} {Message}",
                    payout.ItemId, payout.IdempotencyKey, stopped.Value.Failure.Kind, stopped.Value.Failure.Code, stopped.Value.Failure.Message);
                break;
            }
        }

        // 3. Record what happened, every transfer made included, whatever else failed.
        var byId = items.ToDictionary(i => i.Id);
        await using (var scope = await unitOfWork.BeginAsync(CancellationToken.None))
        {
            foreach (var (payout, transferId) in made)
            {
                byId[payout.ItemId].Pay(payout.RequestedBy, PaymentMethod.StripeTransfer, transferId, payout.PaidOn);
                payout.MarkPaid(transferId);
            }

            if (stopped is { } refusal && !refusal.Failure.IsRetryable)
            {
                refusal.Payout.MarkFailed(refusal.Failure.Code ?? refusal.Failure.Kind.ToString(), refusal.Failure.Message);
            }

            var sent = made.Select(m => m.Payout.Id).Append(stopped?.Payout.Id ?? Guid.Empty).ToHashSet();
            foreach (var unsent in toSend.Where(p => fresh.Contains(p.Id) && !sent.Contains(p.Id)))
            {
                stripeDb.StripePayouts.Remove(unsent);
            }

            await emails.QueueAsync(made.Select(m => byId[m.Payout.ItemId]).ToList(), payees, CancellationToken.None);
            await scope.CompleteAsync(CancellationToken.None);
        }

        if (stopped is { } failed)
        {
            throw failed.Failure.IsRetryable
                ? new StateConflictException(CompensationErrorCodes.PayoutPending)
                    .WithData("itemId", failed.Payout.ItemId.ToString())
                    .WithData("paidItemIds", string.Join(",", made.Select(m => m.Payout.ItemId)))
                : new RuleBrokenException(CompensationErrorCodes.PayoutFailed)
                    .WithData("itemId", failed.Payout.ItemId.ToString())
                    .WithData("stripeCode", failed.Failure.Code ?? failed.Failure.Kind.ToString())
                    .WithData("paidCount", made.Count)
                    .WithData("paidItemIds", string.Join(",", made.Select(m => m.Payout.ItemId)));
        }

        return new PayableItemBatchDto(items.Select(i => i.ToDto(payees[i.PayeeId])).ToList());
    }

    /// <summary>The transfer's parameters, all from the row, so that a retry sends exactly what the first try sent.</summary>
    private TransferCreateOptions TransferFor(StripePayout payout) => new()
    {
        Amount = payout.AmountMinor,
        Currency = payout.Currency.ToLowerInvariant(),
        Destination = payout.Destination,
        TransferGroup = payout.TransferGroup,
        Metadata = new Dictionary<string, string>
        {
            ["tenantId"] = (payout.TenantId ?? currentTenant.Id)?.ToString() ?? string.Empty,
            ["itemId"] = payout.ItemId.ToString(),
            ["payoutId"] = payout.Id.ToString(),
        },
    };

    /// <summary>The item's amount in the currency's minor unit (cents for USD): what Stripe's <c>amount</c> is.</summary>
    internal static long MinorUnits(PayableItem item)
    {
        var minor = item.Amount * (decimal)Math.Pow(10, Currencies.MinorUnits(item.Currency));
        if (minor <= 0 || minor != decimal.Truncate(minor))
        {
            throw new RuleBrokenException(CompensationErrorCodes.AmountNotPositive).WithData("itemId", item.Id.ToString()).WithData("amount", item.Amount);
        }

        return (long)minor;
    }
}
