using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Rates;

public sealed record AddRateVersionCommand(Guid RateId, decimal Amount, string? Currency, DateOnly EffectiveFrom) : ICommand<CreatedId>;

public sealed class AddRateVersionValidator : AbstractValidator<AddRateVersionCommand>
{
    public AddRateVersionValidator()
    {
        RuleFor(c => c.Amount).Must(RateRules.IsValidUnitAmount)
            .WithMessage("The amount must be greater than zero, below 100,000,000 and have at most four decimals.");
        RuleFor(c => c.Currency).Must(c => c is null || Currencies.IsKnown(c)).WithMessage("Use an ISO 4217 currency code such as USD.");
        RuleFor(c => c.EffectiveFrom).NotEmpty();
    }
}

/// <summary>
/// Changes a rate without rewriting history: the current version ends the day before <c>effectiveFrom</c> and a new
/// version (a new id) applies from then on. Items made before keep the unit amount they were made with.
/// </summary>
public sealed class AddRateVersionHandler(ICompensationDbContext db) : ICommandHandler<AddRateVersionCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(AddRateVersionCommand command, CancellationToken cancellationToken)
    {
        var current = await db.Rates.FirstOrDefaultAsync(r => r.Id == command.RateId, cancellationToken)
                      ?? throw new EntityNotFoundException(nameof(Rate), command.RateId);
        var next = current.Supersede(Guid.CreateVersion7(), new Money(command.Amount, command.Currency ?? current.Currency), command.EffectiveFrom);
        db.Rates.Add(next);
        return new CreatedId(next.Id);
    }
}
