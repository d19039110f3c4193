using System.Text.Json;
using EngagementPlatform.Identity;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Domain.Voting;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record CastVoteCommand(Guid DecisionId, string? Choice, IReadOnlyList<string>? Choices, IReadOnlyList<string>? Ranking) : ICommand<MyVoteDto>;

public sealed record GetMyVoteQuery(Guid DecisionId) : IQuery<MyVoteDto>;

public sealed record RemindNonVotersCommand(Guid DecisionId) : ICommand;

/// <summary>Closes voting and freezes the tally. Returns null when an automatic close finds nothing to close.</summary>
public sealed record CloseVotingCommand(Guid DecisionId, bool Automatic = false) : ICommand<Tally?>;

public sealed record GetTallyQuery(Guid DecisionId, bool Recount) : IQuery<Tally>;

public sealed record GetVotesQuery(Guid DecisionId) : IQuery<IReadOnlyList<OpenVoteDto>>;

public sealed record InputUseRequest(Guid InputId, InputUse Use, string Explanation);

public sealed record RecordRequest(string Outcome, string Rationale, IReadOnlyList<InputUseRequest>? InputUses);

public sealed record RecordDecisionCommand(Guid DecisionId, string Outcome, string Rationale, IReadOnlyList<InputUseRequest>? InputUses) : ICommand<DecisionDto>;

public sealed class CastVoteValidator : AbstractValidator<CastVoteCommand>
{
    public CastVoteValidator()
    {
        RuleFor(c => c.Choice).MaximumLength(300);
        RuleFor(c => c.Choices).Must(c => c is null || c.Count <= 50).WithMessage(GovernanceTexts.ChoiceCount);
        RuleFor(c => c.Ranking).Must(c => c is null || c.Count <= 50).WithMessage(GovernanceTexts.RankingCount);
        RuleForEach(c => c.Choices).NotEmpty().MaximumLength(300);
        RuleForEach(c => c.Ranking).NotEmpty().MaximumLength(300);
    }
}

public sealed class RecordDecisionValidator : AbstractValidator<RecordDecisionCommand>
{
    public RecordDecisionValidator()
    {
        RuleFor(c => c.Outcome).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Rationale).NotEmpty().MaximumLength(20000);
        RuleFor(c => c.InputUses).Must(u => u is null || u.Select(x => x.InputId).Distinct().Count() == u.Count)
            .WithMessage(GovernanceTexts.InputAnsweredOnce);
        RuleForEach(c => c.InputUses).ChildRules(use =>
        {
            use.RuleFor(u => u.Use).IsInEnum();
            use.RuleFor(u => u.Explanation).NotEmpty().MaximumLength(4000);
        });
    }
}

public sealed class VotingHandlers(IGovernanceDbContext db, IClock clock, ICurrentUser currentUser, IUserDirectory users)
    : ICommandHandler<CastVoteCommand, MyVoteDto>,
      IQueryHandler<GetMyVoteQuery, MyVoteDto>,
      ICommandHandler<CloseVotingCommand, Tally?>,
      IQueryHandler<GetTallyQuery, Tally>,
      IQueryHandler<GetVotesQuery, IReadOnlyList<OpenVoteDto>>,
      ICommandHandler<RecordDecisionCommand, DecisionDto>,
      ICommandHandler<RemindNonVotersCommand>
{
    public async ValueTask<Unit> Handle(RemindNonVotersCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.Include(d => d.Voters).FirstOrDefaultAsync(d => d.Id == command.DecisionId, cancellationToken);
        if (decision is null)
        {
            return Unit.Value; // withdrawn and gone: nothing to remind
        }

        var voted = await db.BallotParticipations.Where(p => p.DecisionId == decision.Id).Select(p => p.UserId).ToListAsync(cancellationToken);
        decision.RemindNonVoters(voted.ToHashSet(), clock.Now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public async ValueTask<MyVoteDto> Handle(CastVoteCommand command, CancellationToken cancellationToken)
    {
        await db.LockDecisionAsync(command.DecisionId, cancellationToken);
        var decision = await db.LoadDecisionAsync(command.DecisionId, cancellationToken);
        var userId = currentUser.Id!.Value;
        var voter = decision.EnsureCanVote(userId, clock.Now);
        var content = Parse(decision, command);

        var ballot = await FindBallotAsync(decision, userId, cancellationToken);
        var json = JsonSerializer.Serialize(content, Json);
        if (ballot is null)
        {
            var keepCategory = !decision.SecretBallot || decision.ConcurrentMajority || decision.CommunityQuorum is not null;
            db.Ballots.Add(new Ballot(
                decision.Id,
                decision.SecretBallot ? null : userId,
                decision.SecretBallot ? decision.BallotKeyFor(userId) : null,
                keepCategory && voter.IsCommunity,
                json));
            db.BallotParticipations.Add(new BallotParticipation(decision.Id, userId));
        }
        else
        {
            ballot.ContentJson = json;
        }

        await db.SaveChangesAsync(cancellationToken);
        return MyVote(decision, true, content);
    }

    public async ValueTask<MyVoteDto> Handle(GetMyVoteQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(query.DecisionId, cancellationToken, tracking: false);
        var userId = currentUser.Id!.Value;
        var hasVoted = await db.BallotParticipations.AnyAsync(p => p.DecisionId == decision.Id && p.UserId == userId, cancellationToken);
        BallotContent? content = null;
        if (hasVoted && !decision.SecretBallot)
        {
            var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.DecisionId == decision.Id && b.VoterUserId == userId, cancellationToken);
            content = ballot is null ? null : JsonSerializer.Deserialize<BallotContent>(ballot.ContentJson, Json);
        }

        return MyVote(decision, hasVoted, content);
    }

    public async ValueTask<Tally?> Handle(CloseVotingCommand command, CancellationToken cancellationToken)
    {
        await db.LockDecisionAsync(command.DecisionId, cancellationToken);
        var decision = await db.Decisions.Include(d => d.Voters).FirstOrDefaultAsync(d => d.Id == command.DecisionId, cancellationToken);
        if (command.Automatic && (decision is null || decision.State != DecisionState.Voting || decision.VotingClosedAt is not null))
        {
            return null;
        }

        if (decision is null)
        {
            throw new EntityNotFoundException(nameof(Decision), command.DecisionId);
        }

        if (decision.State != DecisionState.Voting || decision.VotingClosedAt is not null)
        {
            throw decision.Illegal(GovernanceTexts.Actions.CloseVoting);
        }

        if (decision.SecretBallot)
        {
            // From here on nothing in the database pairs a ballot with its voter: keys gone, rows re-written at random.
            await db.SealAsync(decision.Id, cancellationToken);
        }

        var tally = await CountAsync(decision, cancellationToken);
        decision.CloseVoting(clock.Now, JsonSerializer.Serialize(tally, Json), await db.CloseTheLoopDaysAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return tally;
    }

    public async ValueTask<Tally> Handle(GetTallyQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().Include(d => d.Voters).FirstOrDefaultAsync(d => d.Id == query.DecisionId, cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), query.DecisionId);
        if (decision.VotingClosedAt is null || decision.TallyJson is null)
        {
            throw new StateConflictException(GovernanceErrorCodes.TallyNotAvailable);
        }

        return query.Recount ? await CountAsync(decision, cancellationToken) : JsonSerializer.Deserialize<Tally>(decision.TallyJson, Json)!;
    }

    public async ValueTask<IReadOnlyList<OpenVoteDto>> Handle(GetVotesQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(query.DecisionId, cancellationToken, tracking: false);
        if (decision.SecretBallot)
        {
            throw new StateConflictException(GovernanceErrorCodes.SecretBallot);
        }

        var ballots = await db.Ballots.AsNoTracking().Where(b => b.DecisionId == decision.Id && b.VoterUserId != null).ToListAsync(cancellationToken);
        var names = await users.FindAsync(ballots.Select(b => b.VoterUserId!.Value).ToList(), cancellationToken);
        var titles = decision.Options.ToDictionary(o => o.Id, o => o.Title);
        return ballots.Select(b =>
        {
            var content = JsonSerializer.Deserialize<BallotContent>(b.ContentJson, Json)!;
            return new OpenVoteDto(b.VoterUserId!.Value, names.GetValueOrDefault(b.VoterUserId.Value)?.Name ?? string.Empty,
                content.Choice?.ToString(), content.Options.Select(o => titles.GetValueOrDefault(o, o.ToString())).ToList());
        }).OrderBy(v => v.Name, StringComparer.CurrentCulture).ToList();
    }

    public async ValueTask<DecisionDto> Handle(RecordDecisionCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.DecisionId, cancellationToken);
        var uses = command.InputUses ?? [];
        var foreign = uses.Where(u => decision.Inputs.All(i => i.Id != u.InputId)).Select(u => u.InputId.ToString()).ToArray();
        if (foreign.Length > 0)
        {
            throw new FieldValidationException(FrameworkErrorCodes.Validation, new Dictionary<string, string[]>
            {
                ["inputUses"] = foreign.Select(id => $"Input {id} does not belong to this decision.").ToArray(),
            });
        }

        var voters = await db.BallotParticipations.Where(p => p.DecisionId == decision.Id).Select(p => p.UserId).ToListAsync(cancellationToken);
        var tally = decision.TallyJson is null ? null : JsonSerializer.Deserialize<Tally>(decision.TallyJson, Json);
        decision.Record(
            clock.Now,
            command.Outcome.Trim(),
            command.Rationale.Trim(),
            uses.ToDictionary(u => u.InputId, u => (u.Use, u.Explanation.Trim())),
            voters.Order().ToList(),
            tally?.Passed,
            tally?.Winner);
        await db.SaveChangesAsync(cancellationToken);
        return DecisionDto.From(decision, voters.Count, clock.Now);
    }

    private async Task<Tally> CountAsync(Decision decision, CancellationToken cancellationToken)
    {
        var stored = await db.Ballots.AsNoTracking().Where(b => b.DecisionId == decision.Id).Select(b => new { b.ContentJson, b.IsCommunity }).ToListAsync(cancellationToken);
        var ballots = stored.Select(b => new CountedBallot(JsonSerializer.Deserialize<BallotContent>(b.ContentJson, Json)!, b.IsCommunity)).ToList();
        var rules = new TallyRules(decision.Method, decision.Quorum, decision.Threshold, decision.ConcurrentMajority, decision.CommunityQuorum,
            decision.Options.Select(o => (o.Id, o.Title)).ToList());
        return TallyCalculator.Compute(rules, ballots, decision.Voters.Count, decision.Voters.Count(v => v.IsCommunity));
    }

    private async Task<Ballot?> FindBallotAsync(Decision decision, Guid userId, CancellationToken cancellationToken)
    {
        if (!decision.SecretBallot)
        {
            return await db.Ballots.FirstOrDefaultAsync(b => b.DecisionId == decision.Id && b.VoterUserId == userId, cancellationToken);
        }

        var key = decision.BallotKeyFor(userId);
        return await db.Ballots.FirstOrDefaultAsync(b => b.DecisionId == decision.Id && b.BallotKey == key, cancellationToken);
    }

    private MyVoteDto MyVote(Decision decision, bool hasVoted, BallotContent? content)
    {
        var eligible = decision.Voters.Any(v => v.UserId == currentUser.Id);
        if (decision.SecretBallot || content is null)
        {
            return new MyVoteDto(eligible, hasVoted, decision.IsVotingOpen(clock.Now), null, null);
        }

        var titles = decision.Options.ToDictionary(o => o.Id, o => o.Title);
        return new MyVoteDto(eligible, hasVoted, decision.IsVotingOpen(clock.Now), content.Choice?.ToString(), content.Options.Select(o => titles[o]).ToList());
    }

    /// <summary>Reads the request as a ballot for the decision's method; anything that does not fit is refused.</summary>
    private static BallotContent Parse(Decision decision, CastVoteCommand command)
    {
        switch (decision.Method)
        {
            case VotingMethod.YesNo:
                if (command.Choice is null || !Enum.TryParse<YesNoChoice>(command.Choice, ignoreCase: true, out var choice) || !Enum.IsDefined(choice))
                {
                    throw Invalid("choice", "Choose Yes, No or Abstain.");
                }

                return BallotContent.YesNo(choice);
            case VotingMethod.Approval:
                var approved = command.Choices ?? (command.Choice is null ? null : new[] { command.Choice })
                               ?? throw Invalid("choices", "List the options you approve (an empty list abstains).");
                return new BallotContent(null, Resolve(decision, approved, "choices").Distinct().ToList());
            default:
                var ranking = command.Ranking ?? throw Invalid("ranking", "Rank the options, most preferred first (an empty list abstains).");
                var resolved = Resolve(decision, ranking, "ranking");
                if (resolved.Distinct().Count() != resolved.Count)
                {
                    throw Invalid("ranking", "Rank each option at most once.");
                }

                return new BallotContent(null, resolved);
        }
    }

    private static List<Guid> Resolve(Decision decision, IReadOnlyList<string> names, string field)
        => names.Select(name => decision.Options.FirstOrDefault(o =>
                   (Guid.TryParse(name, out var id) && o.Id == id) || string.Equals(o.Title, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Id
               ?? throw Invalid(field, $"'{name}' is not an option of this decision.")).ToList();

    private static FieldValidationException Invalid(string field, string message)
        => new(GovernanceErrorCodes.InvalidBallot, new Dictionary<string, string[]> { [field] = [message] });
}
