using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Application.Editions;

public sealed record GetEditionsQuery(PageRequest Page) : IQuery<PagedResult<EditionDto>>;

public sealed class GetEditionsHandler(ISaasDbContext db) : IQueryHandler<GetEditionsQuery, PagedResult<EditionDto>>
{
    /// <summary>The fields a client may sort plans by.</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<Edition, object?>>> SortKeys =
        new Dictionary<string, Expression<Func<Edition, object?>>>(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = e => e.Name,
        };

    public async ValueTask<PagedResult<EditionDto>> Handle(GetEditionsQuery query, CancellationToken cancellationToken)
    {
        var editions = db.Editions.AsNoTracking();
        var total = await editions.LongCountAsync(cancellationToken);
        var page = await editions.OrderBySorting(query.Page.Sorting, SortKeys, "name")
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .ToListAsync(cancellationToken);
        return new PagedResult<EditionDto>(total, page.Select(EditionDto.From).ToList());
    }
}
