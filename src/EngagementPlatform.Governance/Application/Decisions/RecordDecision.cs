using System.Text.Json;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Application.Voting;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Voting;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record InputUseRequest(Guid InputId, InputUse Use, string Explanation);

public sealed record RecordRequest(string Outcome, string Rationale, IReadOnlyList<InputUseRequest>? InputUses);

/// <summary>Records what was decided and why, and what became of each input; everyone who took part hears of it.</summary>
public sealed record RecordDecisionCommand(Guid DecisionId, string Outcome, string Rationale, IReadOnlyList<InputUseRequest>? InputUses) : ICommand<DecisionDto>;

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

public sealed class RecordDecisionHandler(IGovernanceDbContext db, IClock clock) : ICommandHandler<RecordDecisionCommand, DecisionDto>
{
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
        var tally = decision.TallyJson is null ? null : JsonSerializer.Deserialize<Tally>(decision.TallyJson, Ballots.Json);
        decision.Record(
            clock.Now,
            command.Outcome.Trim(),
            command.Rationale.Trim(),
            uses.ToDictionary(u => u.InputId, u => (u.Use, u.Explanation.Trim())),
            voters.Order().ToList(),
            tally?.Passed,
            tally?.Winner);
        return DecisionDto.From(decision, voters.Count, clock.Now);
    }
}
