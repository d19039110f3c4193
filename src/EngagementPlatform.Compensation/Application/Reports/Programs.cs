using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Reports;

public sealed record ProgramRequest(string Name, IReadOnlyList<Guid>? CouncilIds);

public sealed record BudgetRequest(decimal Amount, string Currency);

public sealed record ProgramBudgetDto(Guid ProgramId, int Year, decimal Amount, string Currency);

/// <summary>A program: the councils it covers and its budgets by year.</summary>
public sealed record ProgramDto(Guid Id, string Name, IReadOnlyList<Guid> CouncilIds, IReadOnlyList<ProgramBudgetDto> Budgets, DateTimeOffset CreationTime);

public sealed record CreateProgramCommand(string Name, IReadOnlyList<Guid> CouncilIds) : ICommand<CreatedId>;

public sealed class CreateProgramValidator : AbstractValidator<CreateProgramCommand>
{
    public CreateProgramValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CompensationProgram.MaxNameLength);
        RuleFor(c => c.CouncilIds).Must(ids => ids.Count <= CompensationProgram.MaxCouncils && ids.All(id => id != Guid.Empty))
            .WithMessage($"Name at most {CompensationProgram.MaxCouncils} councils.");
    }
}

/// <summary>
/// A program and the councils it covers. A council belongs to at most one program (409
/// <c>Compensation:CouncilInAnotherProgram</c>), so an attendance item takes its council's program unambiguously.
/// </summary>
public sealed class CreateProgramHandler(ICompensationDbContext db, ICouncilDirectory councils) : ICommandHandler<CreateProgramCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateProgramCommand command, CancellationToken cancellationToken)
    {
        var ids = command.CouncilIds.Distinct().ToList();
        if (ids.Count > 0)
        {
            var known = (await councils.GetCouncilsAsync(cancellationToken)).Select(c => c.Id).ToHashSet();
            var unknown = ids.Where(id => !known.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                throw new FieldValidationException(CompensationErrorCodes.UnknownCouncil, new Dictionary<string, string[]>
                {
                    ["councilIds"] = unknown.Select(id => $"There is no council {id} in this partnership.").ToArray(),
                });
            }
        }

        var name = command.Name.Trim();
        var existing = await db.CompensationPrograms.AsNoTracking().Select(p => new { p.Name, p.CouncilIds }).ToListAsync(cancellationToken);
        if (existing.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new StateConflictException(CompensationErrorCodes.DuplicateProgram);
        }

        if (existing.SelectMany(p => p.CouncilIds.Select(c => (Council: c, p.Name))).FirstOrDefault(x => ids.Contains(x.Council)) is { Name: not null } taken)
        {
            throw new StateConflictException(CompensationErrorCodes.CouncilInAnotherProgram).WithData("councilId", taken.Council.ToString()).WithData("program", taken.Name);
        }

        var program = new CompensationProgram(Guid.CreateVersion7(), name, ids);
        db.CompensationPrograms.Add(program);
        return new CreatedId(program.Id);
    }
}

public sealed record GetProgramsQuery(PageRequest Page) : IQuery<PagedResult<ProgramDto>>;

/// <summary>The programs by name with their budgets: three statements (the count, the page, the page's budgets).</summary>
public sealed class GetProgramsHandler(ICompensationDbContext db) : IQueryHandler<GetProgramsQuery, PagedResult<ProgramDto>>
{
    public async ValueTask<PagedResult<ProgramDto>> Handle(GetProgramsQuery query, CancellationToken cancellationToken)
    {
        var programs = db.CompensationPrograms.AsNoTracking();
        var total = await programs.LongCountAsync(cancellationToken);
        var page = await programs.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(p => new { p.Id, p.Name, p.CouncilIds, p.CreationTime })
            .ToListAsync(cancellationToken);
        var ids = page.Select(p => p.Id).ToList();
        var budgets = ids.Count == 0
            ? []
            : await db.ProgramBudgets.AsNoTracking().Where(b => ids.Contains(b.ProgramId)).OrderBy(b => b.Year)
                .Select(b => new ProgramBudgetDto(b.ProgramId, b.Year, b.Amount, b.Currency)).ToListAsync(cancellationToken);
        return new PagedResult<ProgramDto>(total, page.Select(p => new ProgramDto(p.Id, p.Name, p.CouncilIds,
            budgets.Where(b => b.ProgramId == p.Id).Select(b => b.Shown()).ToList(), p.CreationTime)).ToList());
    }
}

public sealed record SetBudgetCommand(Guid ProgramId, int Year, decimal Amount, string Currency) : ICommand<ProgramBudgetDto>;

public sealed class SetBudgetValidator : AbstractValidator<SetBudgetCommand>
{
    public SetBudgetValidator()
    {
        RuleFor(c => c.Year).Must(ReportYears.IsValid).WithMessage($"The year must be between {ReportYears.Min} and {ReportYears.Max}.");
        RuleFor(c => c.Currency).Must(Currencies.IsKnown).WithMessage("Use an ISO 4217 currency code such as USD.");
        RuleFor(c => c.Amount).Must((c, amount) => amount is >= 0 and < 1_000_000_000m && (!Currencies.IsKnown(c.Currency) || new Money(amount, c.Currency).IsWholeMinorUnits))
            .WithMessage("The budget must be zero or more and in whole cents (the currency's minor unit).");
    }
}

/// <summary>Sets a program's budget for a year (adds it, or changes it); audited with before and after.</summary>
public sealed class SetBudgetHandler(ICompensationDbContext db) : ICommandHandler<SetBudgetCommand, ProgramBudgetDto>
{
    public async ValueTask<ProgramBudgetDto> Handle(SetBudgetCommand command, CancellationToken cancellationToken)
    {
        if (!await db.CompensationPrograms.AnyAsync(p => p.Id == command.ProgramId, cancellationToken))
        {
            throw new EntityNotFoundException(nameof(CompensationProgram), command.ProgramId);
        }

        var money = new Money(command.Amount, command.Currency);
        var budget = await db.ProgramBudgets.FirstOrDefaultAsync(b => b.ProgramId == command.ProgramId && b.Year == command.Year, cancellationToken);
        if (budget is null)
        {
            db.ProgramBudgets.Add(new ProgramBudget(command.ProgramId, command.Year, money));
        }
        else
        {
            budget.Set(money);
        }

        return new ProgramBudgetDto(command.ProgramId, command.Year, money.Amount, money.Currency).Shown();
    }
}

/// <summary>A program's budget and what it has spent in a year, in one currency.</summary>
public sealed record BudgetVsActualDto(Guid ProgramId, string ProgramName, int Year, decimal? Budget, decimal Actual, decimal? Remaining, decimal? PercentUsed, string Currency);

public sealed record BudgetVsActualListDto(IReadOnlyList<BudgetVsActualDto> Items);

public sealed record GetBudgetVsActualQuery(int Year) : IQuery<BudgetVsActualListDto>;

public sealed class GetBudgetVsActualValidator : AbstractValidator<GetBudgetVsActualQuery>
{
    public GetBudgetVsActualValidator() => RuleFor(q => q.Year).Must(ReportYears.IsValid)
        .WithMessage($"The year must be between {ReportYears.Min} and {ReportYears.Max}.");
}

/// <summary>
/// Budget vs. actual per program and currency for a year: actual is what the program's PAID items (adjustments netted)
/// paid in the year (paidOn), summed in SQL. A program with a budget and nothing spent shows actual 0; spending in a
/// currency without a budget shows budget, remaining and percentUsed null. percentUsed is actual / budget × 100, one
/// decimal (half away from zero), null for a zero budget. Three statements: programs, budgets of the year, the sums.
/// </summary>
public sealed class GetBudgetVsActualHandler(ICompensationDbContext db) : IQueryHandler<GetBudgetVsActualQuery, BudgetVsActualListDto>
{
    public async ValueTask<BudgetVsActualListDto> Handle(GetBudgetVsActualQuery query, CancellationToken cancellationToken)
    {
        var firstDay = new DateOnly(query.Year, 1, 1);
        var lastDay = new DateOnly(query.Year, 12, 31);
        var programs = await db.CompensationPrograms.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var budgets = await db.ProgramBudgets.AsNoTracking().Where(b => b.Year == query.Year)
            .Select(b => new { b.ProgramId, b.Amount, b.Currency }).ToListAsync(cancellationToken);
        var actuals = await db.PayableItems.AsNoTracking()
            .Where(i => i.Status == PayableItemStatus.Paid && i.ProgramId != null && i.PaidOn >= firstDay && i.PaidOn <= lastDay)
            .GroupBy(i => new { i.ProgramId, i.Currency })
            .Select(g => new { g.Key.ProgramId, g.Key.Currency, Total = g.Sum(i => i.Amount) })
            .ToListAsync(cancellationToken);

        var rows = new List<BudgetVsActualDto>();
        foreach (var program in programs)
        {
            var currencies = budgets.Where(b => b.ProgramId == program.Id).Select(b => b.Currency.Trim())
                .Concat(actuals.Where(a => a.ProgramId == program.Id).Select(a => a.Currency.Trim()))
                .Distinct().Order(StringComparer.Ordinal);
            foreach (var currency in currencies)
            {
                var budget = budgets.FirstOrDefault(b => b.ProgramId == program.Id && b.Currency.Trim() == currency)?.Amount;
                var actual = actuals.Where(a => a.ProgramId == program.Id && a.Currency.Trim() == currency).Sum(a => a.Total);
                decimal? percent = budget is > 0 ? Math.Round(actual / budget.Value * 100m, 1, Money.Rounding) : null;
                rows.Add(new BudgetVsActualDto(program.Id, program.Name, query.Year,
                    budget is null ? null : Currencies.Display(budget.Value, currency),
                    Currencies.Display(actual, currency),
                    budget is null ? null : Currencies.Display(budget.Value - actual, currency),
                    percent, currency));
            }
        }

        return new BudgetVsActualListDto(rows);
    }
}

internal static class ProgramReads
{
    public static ProgramBudgetDto Shown(this ProgramBudgetDto b) => b with { Amount = Currencies.Display(b.Amount, b.Currency), Currency = b.Currency.Trim() };

    /// <summary>The program covering <paramref name="councilId"/>, if any (a council belongs to at most one).</summary>
    public static Task<Guid?> ProgramOfCouncilAsync(this ICompensationDbContext db, Guid? councilId, CancellationToken cancellationToken)
        => councilId is { } id
            ? db.CompensationPrograms.AsNoTracking().Where(p => p.CouncilIds.Contains(id)).OrderBy(p => p.CreationTime).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
            : Task.FromResult<Guid?>(null);
}
