using System.Linq.Expressions;
using System.Text.Json;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Domain.Voting;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Voting;

/// <summary>Who voted how, for an open (not secret) ballot.</summary>
public sealed record GetVotesQuery(Guid DecisionId, PageRequest Page) : IQuery<PagedResult<OpenVoteDto>>;

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
        var decision = await db.LoadDecisionAsync(query.DecisionId, cancellationToken, tracking: false);
        if (decision.SecretBallot)
        {
            throw new StateConflictException(GovernanceErrorCodes.SecretBallot);
        }

        var ballots = await db.Ballots.AsNoTracking().Where(b => b.DecisionId == decision.Id && b.VoterUserId != null).ToListAsync(cancellationToken);
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
