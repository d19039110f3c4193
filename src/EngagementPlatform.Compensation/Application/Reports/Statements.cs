using EngagementPlatform.Compensation.Application.Items;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Reports;

/// <summary>A line of a statement: an item paid or pending in the year.</summary>
public sealed record StatementItemDto(
    Guid Id,
    string Description,
    ItemSourceDto Source,
    Guid? CouncilId,
    decimal Amount,
    string Currency,
    PayableItemStatus Status,
    DateOnly? PaidOn,
    PaymentMethod? PaidMethod,
    string? PaidReference,
    DateTimeOffset CreationTime,
    Guid? AdjustsItemId);

/// <summary>What was paid and what is still pending (submitted or approved) in one currency; currencies are never added together.</summary>
public sealed record CurrencyTotalsDto(string Currency, decimal Paid, decimal Pending);

/// <summary>A payee's statement for a year.</summary>
public sealed record StatementDto(ItemPayeeDto Payee, int Year, IReadOnlyList<StatementItemDto> Items, IReadOnlyList<CurrencyTotalsDto> Totals);

/// <summary>The statement of the person <paramref name="UserId"/> (kind Person) or of the organization payee <paramref name="PayeeId"/>.</summary>
public sealed record GetStatementQuery(Guid? UserId, Guid? PayeeId, int Year) : IQuery<StatementDto>;

public sealed class GetStatementValidator : AbstractValidator<GetStatementQuery>
{
    public GetStatementValidator() => RuleFor(q => q.Year).Must(ReportYears.IsValid)
        .WithMessage($"The year must be between {ReportYears.Min} and {ReportYears.Max}.");
}

/// <summary>
/// A payee's statement for a calendar year of the partnership: the items PAID in the year (by payment date, adjustments
/// included, negative) and the items still PENDING (submitted or approved) that were made in the year (by creation
/// time in the partnership's time zone); voided items are left out. Paid items come first by payment date, then the
/// pending ones by creation time. Totals are per currency, added in decimal from amounts already rounded to the cent,
/// so they are exact. A person may read their own statement without any compensation permission; anyone else's needs
/// <c>Compensation.Items</c>, and without it the answer is the same 404 <c>Compensation:StatementNotFound</c> as for a
/// person who has no payee record, so nobody learns who is paid. Two statements: the payee, then the items.
/// </summary>
public sealed class GetStatementHandler(ICompensationDbContext db, ICurrentUser currentUser, IPermissionChecker permissions, ReportCalendar calendar)
    : IQueryHandler<GetStatementQuery, StatementDto>
{
    public async ValueTask<StatementDto> Handle(GetStatementQuery query, CancellationToken cancellationToken)
    {
        var own = query.UserId is { } userId && currentUser.Id == userId;
        if (!own && !await permissions.IsGrantedAsync(CompensationPermissions.Items, cancellationToken))
        {
            throw new NotFoundException(CompensationErrorCodes.StatementNotFound);
        }

        var payees = db.Payees.AsNoTracking();
        payees = query.UserId is { } user
            ? payees.Where(p => p.UserId == user && p.Kind == PayeeKind.Person)
            : payees.Where(p => p.Id == query.PayeeId && p.Kind == PayeeKind.Organization);
        var payee = await payees.Select(p => new ItemPayeeDto(p.Id, p.Kind, p.UserId, p.Name)).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException(CompensationErrorCodes.StatementNotFound);

        var firstDay = new DateOnly(query.Year, 1, 1);
        var lastDay = new DateOnly(query.Year, 12, 31);
        var (from, to) = await calendar.YearBoundsAsync(query.Year, cancellationToken);
        var rows = await db.PayableItems.AsNoTracking()
            .Where(i => i.PayeeId == payee.Id
                        && ((i.Status == PayableItemStatus.Paid && i.PaidOn >= firstDay && i.PaidOn <= lastDay)
                            || ((i.Status == PayableItemStatus.Submitted || i.Status == PayableItemStatus.Approved) && i.CreationTime >= from && i.CreationTime < to)))
            .OrderBy(i => i.Status == PayableItemStatus.Paid ? 0 : 1).ThenBy(i => i.PaidOn).ThenBy(i => i.CreationTime).ThenBy(i => i.Id)
            .Select(i => new StatementItemDto(i.Id, i.Description, new ItemSourceDto(i.SourceKind, i.SourceId, i.SourceLabel), i.CouncilId, i.Amount, i.Currency,
                i.Status, i.PaidOn, i.PaidMethod, i.PaidReference, i.CreationTime, i.AdjustsItemId))
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => r with { Amount = Currencies.Display(r.Amount, r.Currency) }).ToList();
        var totals = items.GroupBy(i => i.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyTotalsDto(
                g.Key,
                Currencies.Display(Money.Total(g.Where(i => i.Status == PayableItemStatus.Paid).Select(i => new Money(i.Amount, i.Currency)), g.Key).Amount, g.Key),
                Currencies.Display(Money.Total(g.Where(i => i.Status != PayableItemStatus.Paid).Select(i => new Money(i.Amount, i.Currency)), g.Key).Amount, g.Key)))
            .ToList();
        return new StatementDto(payee, query.Year, items, totals);
    }
}
