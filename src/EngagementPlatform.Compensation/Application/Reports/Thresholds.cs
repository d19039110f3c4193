using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Reports;

/// <summary>An information-return threshold: it applies to payments from <c>year</c> on, until the next row's year.</summary>
public sealed record ThresholdDto(int Year, decimal Amount, string Currency)
{
    public ThresholdDto Shown() => this with { Amount = Currencies.Display(Amount, Currency), Currency = Currency.Trim() };
}

public sealed record ThresholdListDto(IReadOnlyList<ThresholdDto> Items);

public sealed record ThresholdRequest(decimal Amount, string Currency);

public sealed record GetThresholdsQuery : IQuery<ThresholdListDto>;

public sealed class GetThresholdsHandler(ICompensationDbContext db) : IQueryHandler<GetThresholdsQuery, ThresholdListDto>
{
    public async ValueTask<ThresholdListDto> Handle(GetThresholdsQuery query, CancellationToken cancellationToken)
    {
        var rows = await db.ReportingThresholds.AsNoTracking().OrderBy(t => t.Year)
            .Select(t => new ThresholdDto(t.Year, t.Amount, t.Currency)).ToListAsync(cancellationToken);
        return new ThresholdListDto(rows.Select(r => r.Shown()).ToList());
    }
}

public sealed record SetThresholdCommand(int Year, decimal Amount, string Currency) : ICommand<ThresholdDto>;

public sealed class SetThresholdValidator : AbstractValidator<SetThresholdCommand>
{
    public SetThresholdValidator()
    {
        RuleFor(c => c.Year).Must(ReportYears.IsValid).WithMessage($"The year must be between {ReportYears.Min} and {ReportYears.Max}.");
        RuleFor(c => c.Currency).Must(Currencies.IsKnown).WithMessage("Use an ISO 4217 currency code such as USD.");
        RuleFor(c => c.Amount).Must((c, amount) => amount is > 0 and < 100_000_000m && (!Currencies.IsKnown(c.Currency) || new Money(amount, c.Currency).IsWholeMinorUnits))
            .WithMessage("The amount must be greater than zero and in whole cents (the currency's minor unit).");
    }
}

/// <summary>
/// Sets the threshold that applies from <c>year</c> on (until a later row's year): the row of that year is changed, or
/// added. The change is in the audit log with its before and after.
/// </summary>
public sealed class SetThresholdHandler(ICompensationDbContext db) : ICommandHandler<SetThresholdCommand, ThresholdDto>
{
    public async ValueTask<ThresholdDto> Handle(SetThresholdCommand command, CancellationToken cancellationToken)
    {
        var money = new Money(command.Amount, command.Currency);
        var row = await db.ReportingThresholds.FirstOrDefaultAsync(t => t.Year == command.Year, cancellationToken);
        if (row is null)
        {
            db.ReportingThresholds.Add(new ReportingThreshold(command.Year, money));
        }
        else
        {
            row.Set(money);
        }

        return new ThresholdDto(command.Year, money.Amount, money.Currency).Shown();
    }
}

/// <summary>
/// Seeds the US Form 1099-NEC thresholds ($600.00 through 2025, $2,000.00 from 2026) for a partnership that has none:
/// with a new tenant, and for existing tenants when the DbMigrator seeds them. A tenant's own changes are kept.
/// </summary>
internal sealed class ReportingThresholdSeedContributor(ICompensationDbContext db) : IDataSeedContributor
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        if (context.TenantId is null || await db.ReportingThresholds.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var (year, amount) in ReportingThreshold.UsDefaults)
        {
            db.ReportingThresholds.Add(new ReportingThreshold(year, amount) { TenantId = context.TenantId });
        }

        // Saved while the seeding runs as the tenant (a new tenant is seeded from the host's request): the rows are
        // the tenant's, and they commit with the rest of the tenant's creation or not at all.
        await db.SaveChangesAsync(cancellationToken);
    }
}
