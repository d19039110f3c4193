using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Persistence;
using Mediator;

namespace EngagementPlatform.Governance.Application.Inputs;

public sealed record SpamRequest(bool Spam);

/// <summary>Marks a public input as spam (or not); spam is left out of the record and the influence measure.</summary>
public sealed record MarkInputSpamCommand(Guid DecisionId, Guid InputId, bool Spam) : ICommand<InputDto>;

public sealed class MarkInputSpamHandler(IGovernanceDbContext db, IClock clock) : ICommandHandler<MarkInputSpamCommand, InputDto>
{
    public async ValueTask<InputDto> Handle(MarkInputSpamCommand command, CancellationToken cancellationToken)
    {
        var decision = await db.LoadDecisionAsync(command.DecisionId, cancellationToken);
        var input = decision.MarkSpam(command.InputId, command.Spam, clock.Now);
        return new InputDto(input.Id, null, input.PublicName ?? string.Empty, true, input.Text, input.CreatedAt, input.Use, input.UseExplanation, input.IsSpam);
    }
}
