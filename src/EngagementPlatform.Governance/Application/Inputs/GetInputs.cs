using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using Mediator;

namespace EngagementPlatform.Governance.Application.Inputs;

public sealed record GetInputsQuery(Guid DecisionId, PageRequest Page) : IQuery<PagedResult<InputDto>>;

public sealed class GetInputsHandler(IGovernanceDbContext db, IUserDirectory users) : IQueryHandler<GetInputsQuery, PagedResult<InputDto>>
{
    /// <summary>The fields a client may sort inputs by; the default is <c>createdAt</c> (oldest first).</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<InputDto, object?>>> Sorting = new Dictionary<string, Expression<Func<InputDto, object?>>>
    {
        ["createdAt"] = i => i.CreatedAt,
        ["authorName"] = i => i.AuthorName,
        ["use"] = i => i.Use,
    };

    public async ValueTask<PagedResult<InputDto>> Handle(GetInputsQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(query.DecisionId, cancellationToken, tracking: false);
        var names = await users.FindAsync(decision.Inputs.Where(i => i.AuthorUserId is not null).Select(i => i.AuthorUserId!.Value).ToList(), cancellationToken);
        var all = decision.Inputs.OrderBy(i => i.CreatedAt).Select(i => new InputDto(
                i.Id,
                i.AuthorUserId,
                i.AuthorUserId is { } author ? names.GetValueOrDefault(author)?.Name ?? string.Empty : i.PublicName ?? string.Empty,
                i.AuthorUserId is null,
                i.Text,
                i.CreatedAt,
                i.Use,
                i.UseExplanation,
                i.IsSpam))
            .AsQueryable()
            .OrderBySorting(query.Page.Sorting, Sorting, "createdAt")
            .ToList();
        return new PagedResult<InputDto>(all.Count, all.Skip(query.Page.Skip).Take(query.Page.Take).ToList());
    }
}
