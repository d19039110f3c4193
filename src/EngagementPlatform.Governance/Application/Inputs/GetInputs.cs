using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Inputs;

public sealed record GetInputsQuery(Guid DecisionId, PageRequest Page) : IQuery<PagedResult<InputDto>>;

/// <summary>
/// A decision's inputs as every list is built (docs/adding-a-module.md, "Lists"), in a fixed number of statements
/// whatever the page size: the count (which also proves the decision exists), the page's columns, and the authors'
/// names from the user directory; never the decision aggregate, its voters, or an input's e-mail address or
/// confirmation hash. The default order (oldest first, then id) walks the index
/// <c>(tenant_id, decision_id, created_at, id)</c>. Sorting by <c>authorName</c> needs the names, which live in
/// another module: it reads every input's id, author and date, then the names, and then the page (four statements).
/// </summary>
public sealed class GetInputsHandler(IGovernanceDbContext db, IUserDirectory users) : IQueryHandler<GetInputsQuery, PagedResult<InputDto>>
{
    /// <summary>The fields a client may sort inputs by; the default is <c>createdAt</c> (oldest first).</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<InputDto, object?>>> Sorting = new Dictionary<string, Expression<Func<InputDto, object?>>>
    {
        ["createdAt"] = i => i.CreatedAt,
        ["authorName"] = i => i.AuthorName,
        ["use"] = i => i.Use,
    };

    /// <summary>The keys of <see cref="Sorting"/> SQL can order by (the author's name comes from the user directory).</summary>
    private static readonly IReadOnlyDictionary<string, Expression<Func<DecisionInput, object?>>> SqlSorting = new Dictionary<string, Expression<Func<DecisionInput, object?>>>
    {
        ["createdAt"] = i => i.CreatedAt,
        ["use"] = i => i.Use,
    };

    public async ValueTask<PagedResult<InputDto>> Handle(GetInputsQuery query, CancellationToken cancellationToken)
    {
        // Refuses a sort key that is not on the list before anything is read.
        _ = Array.Empty<InputDto>().AsQueryable().OrderBySorting(query.Page.Sorting, Sorting, "createdAt");
        var total = await db.Decisions.Where(d => d.Id == query.DecisionId)
                        .Select(d => (long?)db.DecisionInputs.LongCount(i => i.DecisionId == d.Id))
                        .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new EntityNotFoundException(nameof(Decision), query.DecisionId);
        var inputs = db.DecisionInputs.AsNoTracking().Where(i => i.DecisionId == query.DecisionId);
        var byName = !string.IsNullOrWhiteSpace(query.Page.Sorting) && query.Page.Sorting.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] == "authorName";
        List<Row> page;
        IReadOnlyDictionary<Guid, UserInfo> names;
        if (!byName)
        {
            page = await Page(inputs.OrderBySorting(query.Page.Sorting, SqlSorting, "createdAt").ThenBy(i => i.CreatedAt).ThenBy(i => i.Id)
                .Skip(query.Page.Skip).Take(query.Page.Take)).ToListAsync(cancellationToken);
            names = await users.FindAsync(page.Where(i => i.AuthorUserId is not null).Select(i => i.AuthorUserId!.Value).Distinct().ToList(), cancellationToken);
        }
        else
        {
            var heads = await inputs.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
                .Select(i => new InputDto(i.Id, i.AuthorUserId, i.PublicName ?? string.Empty, i.AuthorUserId == null, string.Empty, i.CreatedAt, i.Use, null, i.IsSpam))
                .ToListAsync(cancellationToken);
            names = await users.FindAsync(heads.Where(i => i.AuthorUserId is not null).Select(i => i.AuthorUserId!.Value).Distinct().ToList(), cancellationToken);
            var ids = heads.Select(h => h with { AuthorName = AuthorName(h.AuthorUserId, h.AuthorName, names) })
                .AsQueryable().OrderBySorting(query.Page.Sorting, Sorting, "createdAt")
                .Skip(query.Page.Skip).Take(query.Page.Take).Select(h => h.Id).ToList();
            var rows = await Page(inputs.Where(i => ids.Contains(i.Id))).ToDictionaryAsync(r => r.Id, cancellationToken);
            page = ids.Select(id => rows[id]).ToList();
        }

        return new PagedResult<InputDto>(total, page.Select(i => new InputDto(
            i.Id, i.AuthorUserId, AuthorName(i.AuthorUserId, i.PublicName, names), i.AuthorUserId is null, i.Text, i.CreatedAt, i.Use, i.UseExplanation, i.IsSpam)).ToList());
    }

    private static string AuthorName(Guid? author, string? publicName, IReadOnlyDictionary<Guid, UserInfo> names)
        => author is { } id ? names.GetValueOrDefault(id)?.Name ?? string.Empty : publicName ?? string.Empty;

    private static IQueryable<Row> Page(IQueryable<DecisionInput> inputs)
        => inputs.Select(i => new Row(i.Id, i.AuthorUserId, i.PublicName, i.Text, i.CreatedAt, i.Use, i.UseExplanation, i.IsSpam));

    private sealed record Row(Guid Id, Guid? AuthorUserId, string? PublicName, string Text, DateTimeOffset CreatedAt, InputUse? Use, string? UseExplanation, bool IsSpam);
}
