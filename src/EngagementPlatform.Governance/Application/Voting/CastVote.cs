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
/// Casts or changes the signed-in member's vote in two statements and without queueing behind other voters: one
/// read of the few columns the checks need (no lock), then <see cref="BallotBox.CastAsync"/>, which writes the
/// ballot only if the decision is still open when it takes the decision's shared row lock. A vote racing the close
/// is therefore either counted by it or refused with <see cref="GovernanceErrorCodes.VotingClosed"/>, never stored
/// after it (docs/adr/0012-votes-without-a-row-lock.md).
/// </summary>
public sealed class CastVoteHandler(IGovernanceDbContext db, IClock clock, ICurrentUser currentUser) : ICommandHandler<CastVoteCommand, MyVoteDto>
{
    public async ValueTask<MyVoteDto> Handle(CastVoteCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id!.Value;
        var now = clock.Now;
        var decision = await ReadFacts((DbContext)db, command.DecisionId, userId, cancellationToken)
                       ?? throw new EntityNotFoundException(nameof(Decision), command.DecisionId);

        // The checks read values that may change before the write (a close may come in between); the write repeats
        // the open-for-voting condition under its lock, so they only choose the answer a refused vote gets.
        var category = Decision.EnsureCanVote(decision.State, decision.VotingClosedAt, decision.VotingClosesAt, decision.VoterCategory, now);
        var content = Parse(decision.Method, decision.Options, command);
        var keepCategory = !decision.SecretBallot || decision.ConcurrentMajority || decision.CommunityQuorum is not null;
        var written = await db.CastAsync(
            command.DecisionId,
            userId,
            decision.SecretBallot ? Decision.BallotKey(decision.BallotSecret, userId) : null,
            keepCategory && category.IsCommunity(),
            JsonSerializer.Serialize(content, Ballots.Json),
            now,
            cancellationToken);
        if (!written)
        {
            // Open when read, not when locked: a close or withdrawal committed in between (the electorate is frozen,
            // so eligibility cannot have changed, and a deadline only passes).
            throw new StateConflictException(GovernanceErrorCodes.VotingClosed);
        }

        if (decision.SecretBallot)
        {
            return new MyVoteDto(true, true, true, null, null);
        }

        var titles = decision.Options.ToDictionary(o => o.Id, o => o.Title);
        return new MyVoteDto(true, true, true, content.Choice?.ToString(), content.Options.Select(o => titles[o]).ToList());
    }

    /// <summary>
    /// The one read a vote makes, compiled once: a vote is the hottest write, and building this expression tree and
    /// looking it up in EF Core's query cache on every vote cost more than the SQL it stands for. The query filters
    /// (tenant, soft delete) apply as to any query of the context.
    /// </summary>
    private static readonly Func<DbContext, Guid, Guid, CancellationToken, Task<VotingFacts?>> ReadFacts = EF.CompileAsyncQuery(
        (DbContext context, Guid decisionId, Guid userId, CancellationToken cancellationToken) => context.Set<Decision>().AsNoTracking()
            .Where(d => d.Id == decisionId)
            .Select(d => new VotingFacts(
                d.State, d.VotingClosedAt, d.VotingClosesAt, d.Method, d.Options, d.SecretBallot, d.ConcurrentMajority, d.CommunityQuorum, d.BallotSecret,
                d.Voters.Where(v => v.UserId == userId).Select(v => (SeatCategory?)v.Category).FirstOrDefault()))
            .FirstOrDefault());

    /// <summary>What casting a vote reads of its decision: the state, the ballot's form and the voter's seat category (null when not eligible).</summary>
    private sealed record VotingFacts(
        DecisionState State,
        DateTimeOffset? VotingClosedAt,
        DateTimeOffset? VotingClosesAt,
        VotingMethod Method,
        List<DecisionOption> Options,
        bool SecretBallot,
        bool ConcurrentMajority,
        int? CommunityQuorum,
        byte[]? BallotSecret,
        SeatCategory? VoterCategory);

    /// <summary>Reads the request as a ballot for the decision's method; anything that does not fit is refused.</summary>
    private static BallotContent Parse(VotingMethod method, IReadOnlyList<DecisionOption> options, CastVoteCommand command)
    {
        switch (method)
        {
            case VotingMethod.YesNo:
                if (command.Choice is null || !Enum.TryParse<YesNoChoice>(command.Choice, ignoreCase: true, out var choice) || !Enum.IsDefined(choice))
                {
                    throw Invalid("choice", GovernanceTexts.BallotYesNo);
                }

                return BallotContent.YesNo(choice);
            case VotingMethod.Approval:
                var approved = command.Choices ?? (command.Choice is null ? null : new[] { command.Choice })
                               ?? throw Invalid("choices", GovernanceTexts.BallotApprovalRequired);
                return new BallotContent(null, Resolve(options, approved, "choices").Distinct().ToList());
            default:
                var ranking = command.Ranking ?? throw Invalid("ranking", GovernanceTexts.BallotRankingRequired);
                var resolved = Resolve(options, ranking, "ranking");
                if (resolved.Distinct().Count() != resolved.Count)
                {
                    throw Invalid("ranking", GovernanceTexts.BallotRankOnce);
                }

                return new BallotContent(null, resolved);
        }
    }

    private static List<Guid> Resolve(IReadOnlyList<DecisionOption> options, IReadOnlyList<string> names, string field)
        => names.Select(name => options.FirstOrDefault(o =>
                   (Guid.TryParse(name, out var id) && o.Id == id) || string.Equals(o.Title, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Id
               ?? throw Invalid(field, GovernanceTexts.BallotUnknownOption).WithData("option", name)).ToList();

    private static FieldValidationException Invalid(string field, string message)
        => new(GovernanceErrorCodes.InvalidBallot, new Dictionary<string, string[]> { [field] = [message] });
}
