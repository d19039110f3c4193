using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Exceptions;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Items;

internal static class ItemReads
{
    /// <summary>A list row with its amounts shown as the API shows money (<see cref="Currencies.Display"/>).</summary>
    public static PayableItemSummaryDto Shown(this PayableItemSummaryDto row) => row with
    {
        Quantity = Currencies.Trimmed(row.Quantity),
        UnitAmount = Currencies.Display(row.UnitAmount, row.Currency),
        Amount = Currencies.Display(row.Amount, row.Currency),
    };

    public static PayableItemDto ToDto(this PayableItem i, Payee payee) => new(
        i.Id, new ItemPayeeDto(payee.Id, payee.Kind, payee.UserId, payee.Name) { Declined = payee.HasDeclined }, i.Description, Currencies.Trimmed(i.Quantity),
        Currencies.Display(i.UnitAmount, i.Currency), Currencies.Display(i.Amount, i.Currency), i.Currency, i.Status,
        new ItemSourceDto(i.SourceKind, i.SourceId, i.SourceLabel), i.CouncilId, i.RateId, i.SubmittedBy, i.ApprovedBy, i.ApprovedAt,
        i.PaidMethod, i.PaidReference, i.PaidOn, i.VoidReason, i.AdjustsItemId, i.CreationTime);

    /// <summary>
    /// Refuses the batch when the payee of an item owed to them (a positive amount) has declined payment
    /// (409 <c>Compensation:PayeeDeclined</c>, naming the item); a negative adjustment still settles.
    /// </summary>
    public static void RefuseDeclined(IEnumerable<PayableItem> items, IReadOnlyDictionary<Guid, Payee> payees)
    {
        if (items.FirstOrDefault(i => i.Amount > 0 && payees[i.PayeeId].HasDeclined) is { } declined)
        {
            throw new StateConflictException(CompensationErrorCodes.PayeeDeclined).WithData("itemId", declined.Id.ToString());
        }
    }

    /// <summary>
    /// The items named, tracked, with their payees, in one statement each; an id that is not an item of this tenant is
    /// a 404 naming it, and an id named twice a 400, before anything changes.
    /// </summary>
    public static async Task<(List<PayableItem> Items, Dictionary<Guid, Payee> Payees)> LoadForChangeAsync(
        this ICompensationDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new FieldValidationException(CompensationErrorCodes.DuplicateItemInBatch, new Dictionary<string, string[]>
            {
                ["itemIds"] = [$"Item {twice.Key} is named more than once."],
            }).WithData("itemId", twice.Key.ToString());
        }

        var items = await db.PayableItems.Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        var byId = items.ToDictionary(i => i.Id);
        if (ids.FirstOrDefault(id => !byId.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            throw new EntityNotFoundException(nameof(PayableItem), missing).WithData("itemId", missing.ToString());
        }

        var payeeIds = items.Select(i => i.PayeeId).Distinct().ToList();
        var payees = await db.Payees.Where(p => payeeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return (ids.Select(id => byId[id]).ToList(), payees);
    }
}
