using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Compensation.Application.Items;

/// <summary>Approves one item or a batch, all or nothing: one refusal (named by its <c>itemId</c>) refuses the whole batch.</summary>
public sealed record ApprovePayableItemsCommand(IReadOnlyList<Guid> ItemIds) : ICommand<PayableItemBatchDto>;

public sealed class ApprovePayableItemsValidator : AbstractValidator<ApprovePayableItemsCommand>
{
    public ApprovePayableItemsValidator() => RuleFor(c => c.ItemIds).NotEmpty().Must(ids => ids.Count <= BatchLimits.MaxItems && ids.All(id => id != Guid.Empty))
        .WithMessage($"Name between 1 and {BatchLimits.MaxItems} item ids.");
}

/// <summary>
/// Approves each item as the signed-in person, who must not be its submitter (segregation of duties, also for the
/// finance role). The unit of work saves the batch in one transaction, so any refusal leaves every item as it was.
/// </summary>
public sealed class ApprovePayableItemsHandler(ICompensationDbContext db, ICurrentUser currentUser, IClock clock)
    : ICommandHandler<ApprovePayableItemsCommand, PayableItemBatchDto>
{
    public async ValueTask<PayableItemBatchDto> Handle(ApprovePayableItemsCommand command, CancellationToken cancellationToken)
    {
        var approver = currentUser.Id ?? throw new InvalidOperationException("Approval needs a signed-in person.");
        var (items, payees) = await db.LoadForChangeAsync(command.ItemIds, cancellationToken);
        ItemReads.RefuseDeclined(items, payees);
        foreach (var item in items)
        {
            item.Approve(approver, clock.Now);
        }

        return new PayableItemBatchDto(items.Select(i => i.ToDto(payees[i.PayeeId])).ToList());
    }
}

public static class BatchLimits
{
    /// <summary>The most items one approve or pay request may name.</summary>
    public const int MaxItems = 1000;
}
