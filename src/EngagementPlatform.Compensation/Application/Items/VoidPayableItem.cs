using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Compensation.Application.Items;

public sealed record VoidPayableItemCommand(Guid Id, string Reason) : ICommand<PayableItemDto>;

public sealed class VoidPayableItemValidator : AbstractValidator<VoidPayableItemCommand>
{
    public VoidPayableItemValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(PayableItem.MaxReasonLength);
}

/// <summary>Voids an item that is not paid yet, with the reason; a paid item is corrected by an adjusting item instead (409).</summary>
public sealed class VoidPayableItemHandler(ICompensationDbContext db) : ICommandHandler<VoidPayableItemCommand, PayableItemDto>
{
    public async ValueTask<PayableItemDto> Handle(VoidPayableItemCommand command, CancellationToken cancellationToken)
    {
        var (items, payees) = await db.LoadForChangeAsync([command.Id], cancellationToken);
        var item = items[0];
        item.Void(command.Reason);
        return item.ToDto(payees[item.PayeeId]);
    }
}
