using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Application.Editions;

public sealed record GetEditionsQuery(PageRequest Page) : IQuery<PagedResult<EditionDto>>;

/// <summary>
/// The plans list as every list is built (docs/adding-a-module.md, "Lists"): the count and the page, the page a
/// projection of the columns the list shows (the features and limits read out of their JSON columns in SQL). The
/// host's plans are few, so the table has no index beyond its unique name.
/// </summary>
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
        var page = await editions.OrderBySorting(query.Page.Sorting, SortKeys, "name").ThenBy(e => e.Id)
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(e => new EditionDto(
                e.Id,
                e.Name,
                e.StripePriceId,
                new EditionFeaturesDto(e.Features.Compensation, e.Features.DataSharing, e.Features.Assessments, e.Features.StripePayouts),
                new EditionLimitsDto(e.Limits.Councils, e.Limits.ActiveMembers, e.Limits.AssessmentSchedules)))
            .ToListAsync(cancellationToken);
        return new PagedResult<EditionDto>(total, page);
    }
}
