using System.Text.Json;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Domain.Voting;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Voting;

public sealed record CastVoteCommand(Guid DecisionId, string? Choice, IReadOnlyList<string>? Choices, IReadOnlyList<string>? Ranking) : ICommand<MyVoteDto>;

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

/// <summary>
/// Casts or changes the signed-in member's vote. The decision's row lock is held until the request's transaction
/// commits, so a vote racing the close is either counted before it or refused after it.
/// </summary>
public sealed class CastVoteHandler(IGovernanceDbContext db, IClock clock, ICurrentUser currentUser) : ICommandHandler<CastVoteCommand, MyVoteDto>
{
    public async ValueTask<MyVoteDto> Handle(CastVoteCommand command, CancellationToken cancellationToken)
    {
        await db.LockDecisionAsync(command.DecisionId, cancellationToken);
        var decision = await db.LoadDecisionAsync(command.DecisionId, cancellationToken);
        var userId = currentUser.Id!.Value;
        var voter = decision.EnsureCanVote(userId, clock.Now);
        var content = Parse(decision, command);

        var ballot = await FindBallotAsync(decision, userId, cancellationToken);
        var json = JsonSerializer.Serialize(content, Ballots.Json);
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

        return Ballots.MyVote(decision, currentUser.Id, clock.Now, true, content);
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
