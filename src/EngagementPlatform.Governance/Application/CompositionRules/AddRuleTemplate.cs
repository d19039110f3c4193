using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.CompositionRules;

/// <summary>Adds a ready-made rule, e.g. the Medicaid Advisory Committee's make-up.</summary>
public sealed record AddRuleTemplateCommand(Guid CouncilId, string Template) : ICommand<CreatedId>;

public sealed class AddRuleTemplateValidator : AbstractValidator<AddRuleTemplateCommand>
{
    public AddRuleTemplateValidator()
        => RuleFor(c => c.Template).OneOf([CompositionRuleTemplates.MedicaidAdvisoryCommittee]);
}

public sealed class AddRuleTemplateHandler(IGovernanceDbContext db) : ICommandHandler<AddRuleTemplateCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(AddRuleTemplateCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        var rule = council.AddRule(CompositionRuleTemplates.MedicaidAdvisoryCommitteeRule(council.Id));
        return new CreatedId(rule.Id);
    }
}
