using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Framework.Exceptions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Items;

/// <summary>Marks one approved item or a batch as paid, all or nothing; each payee is told by email (via the outbox).</summary>
public sealed record PayPayableItemsCommand(IReadOnlyList<Guid> ItemIds, PaymentMethod Method, string? Reference, DateOnly? PaidOn) : ICommand<PayableItemBatchDto>;

public sealed class PayPayableItemsValidator : AbstractValidator<PayPayableItemsCommand>
{
    public PayPayableItemsValidator()
    {
        RuleFor(c => c.ItemIds).NotEmpty().Must(ids => ids.Count <= BatchLimits.MaxItems && ids.All(id => id != Guid.Empty))
            .WithMessage($"Name between 1 and {BatchLimits.MaxItems} item ids.");
        RuleFor(c => c.Method).IsInEnum();
        RuleFor(c => c.Reference).MaximumLength(PayableItem.MaxReferenceLength);
    }
}

/// <summary>
/// Records the payment of approved items (method, reference, date; today in the partnership's calendar when left
/// out). An item already paid is a 409 (<c>Compensation:AlreadyPaid</c>); two payments of one item at once cannot both
/// succeed (the item's concurrency stamp makes the later save a 409). The payment emails are written to the outbox in
/// the same transaction, so they go out exactly when the payment is kept.
/// </summary>
public sealed class PayPayableItemsHandler(ICompensationDbContext db, ICompensationStripeDbContext stripeDb, ICurrentUser currentUser, ITenantCalendar calendar, PaymentEmails emails)
    : ICommandHandler<PayPayableItemsCommand, PayableItemBatchDto>
{
    public async ValueTask<PayableItemBatchDto> Handle(PayPayableItemsCommand command, CancellationToken cancellationToken)
    {
        var payer = currentUser.Id ?? throw new InvalidOperationException("Payment needs a signed-in person.");
        var (items, payees) = await db.LoadForChangeAsync(command.ItemIds, cancellationToken);
        ItemReads.RefuseDeclined(items, payees);

        // A Stripe transfer under way for an item may already have paid it: only the Stripe path may finish it.
        var ids = command.ItemIds;
        if (await stripeDb.StripePayouts.Where(p => ids.Contains(p.ItemId) && p.Status == StripePayoutStatus.Pending).Select(p => (Guid?)p.ItemId)
                .FirstOrDefaultAsync(cancellationToken) is { } pending)
        {
            throw new StateConflictException(CompensationErrorCodes.PayoutPending).WithData("itemId", pending.ToString());
        }

        var paidOn = command.PaidOn ?? await calendar.TodayAsync(cancellationToken);
        foreach (var item in items)
        {
            item.Pay(payer, command.Method, command.Reference, paidOn);
        }

        await emails.QueueAsync(items, payees, cancellationToken);
        return new PayableItemBatchDto(items.Select(i => i.ToDto(payees[i.PayeeId])).ToList());
    }
}
