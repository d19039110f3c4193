using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using Mediator;

namespace EngagementPlatform.Governance.Application.CompositionRules;

public sealed record DeleteCompositionRuleCommand(Guid CouncilId, Guid RuleId) : ICommand;

public sealed class DeleteCompositionRuleHandler(IGovernanceDbContext db) : ICommandHandler<DeleteCompositionRuleCommand>
{
    public async ValueTask<Unit> Handle(DeleteCompositionRuleCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        var rule = council.Rules.FirstOrDefault(r => r.Id == command.RuleId) ?? throw new EntityNotFoundException(nameof(CompositionRule), command.RuleId);
        db.CompositionRules.Remove(rule);
        return Unit.Value;
    }
}
