using System.Linq.Expressions;
using System.Text.Json;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Domain.Voting;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Voting;

/// <summary>Who voted how, for an open (not secret) ballot.</summary>
public sealed record GetVotesQuery(Guid DecisionId, PageRequest Page) : IQuery<PagedResult<OpenVoteDto>>;

/// <summary>
/// Who voted how on an open ballot, in three statements whatever the page size: the decision's ballot kind and
/// options, the open ballots' voters and choices, and the voters' names from the user directory. The default order is
/// the voter's name, which lives in another module, so the page is cut after the names are known; a decision's open
/// ballots are at most its council's voting seats. Neither the decision aggregate nor a ballot key is read.
/// </summary>
public sealed class GetVotesHandler(IGovernanceDbContext db, IUserDirectory users) : IQueryHandler<GetVotesQuery, PagedResult<OpenVoteDto>>
{
    /// <summary>The fields a client may sort votes by; the default is <c>name</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<OpenVoteDto, object?>>> Sorting = new Dictionary<string, Expression<Func<OpenVoteDto, object?>>>
    {
        ["name"] = v => v.Name,
        ["choice"] = v => v.Choice,
    };

    public async ValueTask<PagedResult<OpenVoteDto>> Handle(GetVotesQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().Where(d => d.Id == query.DecisionId).Select(d => new { d.SecretBallot, d.Options }).FirstOrDefaultAsync(cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), query.DecisionId);
        if (decision.SecretBallot)
        {
            throw new StateConflictException(GovernanceErrorCodes.SecretBallot);
        }

        var ballots = await db.Ballots.AsNoTracking().Where(b => b.DecisionId == query.DecisionId && b.VoterUserId != null)
            .Select(b => new { b.VoterUserId, b.ContentJson })
            .ToListAsync(cancellationToken);
        var names = await users.FindAsync(ballots.Select(b => b.VoterUserId!.Value).ToList(), cancellationToken);
        var titles = decision.Options.ToDictionary(o => o.Id, o => o.Title);
        var all = ballots.Select(b =>
            {
                var content = JsonSerializer.Deserialize<BallotContent>(b.ContentJson, Ballots.Json)!;
                return new OpenVoteDto(b.VoterUserId!.Value, names.GetValueOrDefault(b.VoterUserId.Value)?.Name ?? string.Empty,
                    content.Choice?.ToString(), content.Options.Select(o => titles.GetValueOrDefault(o, o.ToString())).ToList());
            })
            .OrderBy(v => v.Name, StringComparer.CurrentCulture)
            .AsQueryable()
            .OrderBySorting(query.Page.Sorting, Sorting, "name")
            .ToList();
        return new PagedResult<OpenVoteDto>(all.Count, all.Skip(query.Page.Skip).Take(query.Page.Take).ToList());
    }
}
