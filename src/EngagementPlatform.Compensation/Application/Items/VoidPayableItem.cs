using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Exceptions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Items;

public sealed record VoidPayableItemCommand(Guid Id, string Reason) : ICommand<PayableItemDto>;

public sealed class VoidPayableItemValidator : AbstractValidator<VoidPayableItemCommand>
{
    public VoidPayableItemValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(PayableItem.MaxReasonLength);
}

/// <summary>Voids an item that is not paid yet, with the reason; a paid item is corrected by an adjusting item instead (409).</summary>
public sealed class VoidPayableItemHandler(ICompensationDbContext db, ICompensationStripeDbContext stripeDb) : ICommandHandler<VoidPayableItemCommand, PayableItemDto>
{
    public async ValueTask<PayableItemDto> Handle(VoidPayableItemCommand command, CancellationToken cancellationToken)
    {
        var (items, payees) = await db.LoadForChangeAsync([command.Id], cancellationToken);
        var item = items[0];
        // A Stripe transfer under way may already have paid it: it is finished (paid or failed) before it can be voided.
        if (await stripeDb.StripePayouts.AnyAsync(p => p.ItemId == item.Id && p.Status == StripePayoutStatus.Pending, cancellationToken))
        {
            throw new StateConflictException(CompensationErrorCodes.PayoutPending).WithData("itemId", item.Id.ToString());
        }

        item.Void(command.Reason);
        return item.ToDto(payees[item.PayeeId]);
    }
}
