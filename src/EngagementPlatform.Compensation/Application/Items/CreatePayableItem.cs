using EngagementPlatform.Compensation.Application.Payees;
using EngagementPlatform.Compensation.Application.Reports;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Items;

public sealed record CreatePayableItemCommand(PayableItemRequest Item) : ICommand<CreatedId>;

public sealed class CreatePayableItemValidator : AbstractValidator<CreatePayableItemCommand>
{
    public CreatePayableItemValidator()
    {
        RuleFor(c => c.Item).NotNull();
        RuleFor(c => c.Item.Description).NotEmpty().MaximumLength(PayableItem.MaxDescriptionLength).When(c => c.Item is not null);
        RuleFor(c => c.Item.Quantity).Must(q => q is > 0 and < 1_000_000m && decimal.Round(q.Value, 4) == q.Value)
            .When(c => c.Item?.Quantity is not null)
            .WithMessage("The quantity must be greater than zero and have at most four decimals.");
        RuleFor(c => c.Item.Amount).Must(a => a is > 0 and < 100_000_000m)
            .When(c => c.Item?.Amount is not null)
            .WithMessage("The amount must be greater than zero.");
        RuleFor(c => c.Item.Currency).Must(Currencies.IsKnown).When(c => c.Item?.Currency is not null)
            .WithMessage("Use an ISO 4217 currency code such as USD.");
        RuleFor(c => c.Item.Kind).IsInEnum().When(c => c.Item?.Kind is not null);
    }
}

/// <summary>
/// An item entered by staff: a rate in effect today times a quantity, or a fixed amount (a reimbursement). The submitter
/// is the signed-in person, who therefore cannot approve it. A person's payee record is made with their first item.
/// </summary>
public sealed class CreatePayableItemHandler(
    ICompensationDbContext db,
    PersonPayees personPayees,
    ICouncilDirectory councils,
    ITenantCalendar calendar,
    ICurrentUser currentUser) : ICommandHandler<CreatePayableItemCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreatePayableItemCommand command, CancellationToken cancellationToken)
    {
        var r = command.Item;
        var priced = r.RateId is not null || r.Quantity is not null;
        var fixedAmount = r.Amount is not null || r.Currency is not null;
        if (priced == fixedAmount || (priced && (r.RateId is null || r.Quantity is null)) || (fixedAmount && (r.Amount is null || r.Currency is null)))
        {
            throw new InvalidRequestException(CompensationErrorCodes.PriceOrAmount);
        }

        if ((r.PayeeUserId is null) == (r.PayeeId is null))
        {
            throw new InvalidRequestException(CompensationErrorCodes.PayeeRequired);
        }

        if (r.CouncilId is { } councilId && (await councils.GetCouncilsAsync(cancellationToken)).All(c => c.Id != councilId))
        {
            throw new FieldValidationException(CompensationErrorCodes.UnknownCouncil, new Dictionary<string, string[]>
            {
                ["councilId"] = [$"There is no council {councilId} in this partnership."],
            });
        }

        Payee payee;
        if (r.PayeeUserId is { } userId)
        {
            payee = (await personPayees.GetOrCreateAsync([userId], "payeeUserId", cancellationToken))[userId];
        }
        else
        {
            payee = await db.Payees.FirstOrDefaultAsync(p => p.Id == r.PayeeId, cancellationToken)
                    ?? throw new FieldValidationException(CompensationErrorCodes.PayeeRequired, new Dictionary<string, string[]>
                    {
                        ["payeeId"] = [$"There is no payee {r.PayeeId} in this partnership."],
                    });
        }

        var submitter = currentUser.Id ?? throw new InvalidOperationException("An item is entered by a signed-in person.");
        var description = r.Description.Trim();
        PayableItem item;
        if (priced)
        {
            var rate = await db.Rates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.RateId, cancellationToken)
                       ?? throw new FieldValidationException(CompensationErrorCodes.UnknownRate, new Dictionary<string, string[]>
                       {
                           ["rateId"] = [$"There is no rate {r.RateId} in this partnership."],
                       });
            if (!Rate.IsEffective(rate.EffectiveFrom, rate.EffectiveTo, await calendar.TodayAsync(cancellationToken)))
            {
                throw new RuleBrokenException(CompensationErrorCodes.RateNotEffective);
            }

            var kind = r.Kind ?? rate.Unit switch
            {
                RateUnit.Hour => PayableItemSourceKind.Time,
                RateUnit.Deliverable => PayableItemSourceKind.Deliverable,
                _ => PayableItemSourceKind.Other,
            };
            item = PayableItem.Priced(payee.Id, description, r.Quantity!.Value, rate.Money, kind, null, description, r.CouncilId ?? rate.CouncilId, rate.Id, submitter);
        }
        else
        {
            item = PayableItem.Fixed(payee.Id, description, new Money(r.Amount!.Value, r.Currency!), r.Kind ?? PayableItemSourceKind.Reimbursement, r.CouncilId, submitter);
        }

        item.Charged(await ProgramAsync(r, item.CouncilId, cancellationToken), await calendar.TodayAsync(cancellationToken));
        db.PayableItems.Add(item);
        return new CreatedId(item.Id);
    }

    /// <summary>The program named (400 Compensation:UnknownProgram when it is not one of this partnership), else the council's.</summary>
    private async Task<Guid?> ProgramAsync(PayableItemRequest r, Guid? councilId, CancellationToken cancellationToken)
    {
        if (r.ProgramId is not { } programId)
        {
            return await db.ProgramOfCouncilAsync(councilId, cancellationToken);
        }

        return await db.CompensationPrograms.AnyAsync(p => p.Id == programId, cancellationToken)
            ? programId
            : throw new FieldValidationException(CompensationErrorCodes.UnknownProgram, new Dictionary<string, string[]>
            {
                ["programId"] = [$"There is no program {programId} in this partnership."],
            });
    }
}
