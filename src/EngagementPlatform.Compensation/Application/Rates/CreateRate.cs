using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Rates;

public sealed record CreateRateCommand(string Name, RateUnit Unit, decimal Amount, string Currency, Guid? CouncilId, DateOnly? EffectiveFrom) : ICommand<CreatedId>
{
    public static CreateRateCommand From(RateRequest r) => new(r.Name, r.Unit, r.Amount, r.Currency, r.CouncilId, r.EffectiveFrom);
}

public sealed class CreateRateValidator : AbstractValidator<CreateRateCommand>
{
    public CreateRateValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Rate.MaxNameLength);
        RuleFor(c => c.Unit).IsInEnum();
        RuleFor(c => c.Amount).Must(RateRules.IsValidUnitAmount)
            .WithMessage("The amount must be greater than zero, below 100,000,000 and have at most four decimals.");
        RuleFor(c => c.Currency).Must(Currencies.IsKnown).WithMessage("Use an ISO 4217 currency code such as USD.");
    }
}

/// <summary>
/// Adds a rate for the partnership or one council, effective from a date (today when left out). An hour or meeting rate
/// is what attendance is paid by, so only one of each may apply to a scope on a given day: a change is a new version.
/// </summary>
public sealed class CreateRateHandler(ICompensationDbContext db, ICouncilDirectory councils, ITenantCalendar calendar) : ICommandHandler<CreateRateCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateRateCommand command, CancellationToken cancellationToken)
    {
        if (command.CouncilId is { } councilId && (await councils.GetCouncilsAsync(cancellationToken)).All(c => c.Id != councilId))
        {
            throw new FieldValidationException(CompensationErrorCodes.UnknownCouncil, new Dictionary<string, string[]>
            {
                ["councilId"] = [$"There is no council {councilId} in this partnership."],
            });
        }

        var from = command.EffectiveFrom ?? await calendar.TodayAsync(cancellationToken);
        if (command.Unit is RateUnit.Hour or RateUnit.Meeting
            && await db.Rates.AnyAsync(r => r.CouncilId == command.CouncilId && r.Unit == command.Unit && (r.EffectiveTo == null || r.EffectiveTo >= from), cancellationToken))
        {
            throw new StateConflictException(CompensationErrorCodes.RateOverlaps).WithData("unit", command.Unit);
        }

        var rate = new Rate(Guid.CreateVersion7(), command.Name.Trim(), command.Unit, new Money(command.Amount, command.Currency), command.CouncilId, from);
        db.Rates.Add(rate);
        return new CreatedId(rate.Id);
    }
}
