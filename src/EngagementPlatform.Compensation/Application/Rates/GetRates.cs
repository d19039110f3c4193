using System.Linq.Expressions;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Rates;

public sealed record GetRatesQuery(PageRequest Page, Guid? CouncilId, RateUnit? Unit, DateOnly? EffectiveOn) : IQuery<PagedResult<RateDto>>;

/// <summary>
/// The rates list (docs/adding-a-module.md, "Lists"): two statements whatever the page size, the count and the page
/// projected straight from SQL. The default order (name, then id) walks the index <c>(tenant_id, name, id)</c>.
/// <c>effectiveOn</c> keeps the versions in effect that day.
/// </summary>
public sealed class GetRatesHandler(ICompensationDbContext db) : IQueryHandler<GetRatesQuery, PagedResult<RateDto>>
{
    public static readonly IReadOnlyDictionary<string, Expression<Func<Rate, object?>>> Sorting = new Dictionary<string, Expression<Func<Rate, object?>>>
    {
        ["name"] = r => r.Name,
        ["unit"] = r => r.Unit,
        ["amount"] = r => r.Amount,
        ["effectiveFrom"] = r => r.EffectiveFrom,
        ["creationTime"] = r => r.CreationTime,
    };

    public async ValueTask<PagedResult<RateDto>> Handle(GetRatesQuery query, CancellationToken cancellationToken)
    {
        var rates = db.Rates.AsNoTracking();
        if (query.CouncilId is { } councilId)
        {
            rates = rates.Where(r => r.CouncilId == councilId);
        }

        if (query.Unit is { } unit)
        {
            rates = rates.Where(r => r.Unit == unit);
        }

        if (query.EffectiveOn is { } date)
        {
            rates = rates.Where(r => r.EffectiveFrom <= date && (r.EffectiveTo == null || r.EffectiveTo >= date));
        }

        // Checked before anything is read (an unknown key is a 400 whatever the data).
        var ordered = rates.OrderBySorting(query.Page.Sorting, Sorting, "name").ThenBy(r => r.Id);
        var total = await rates.LongCountAsync(cancellationToken);
        var items = await ordered
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(r => new RateDto(r.Id, r.Name, r.Unit, r.Amount, r.Currency, r.CouncilId, r.EffectiveFrom, r.EffectiveTo, r.PreviousVersionId, r.CreationTime))
            .ToListAsync(cancellationToken);
        return new PagedResult<RateDto>(total, items.Select(r => r with { Amount = Currencies.Display(r.Amount, r.Currency) }).ToList());
    }
}
