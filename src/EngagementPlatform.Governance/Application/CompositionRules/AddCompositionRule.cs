using EngagementPlatform.Framework.Application;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.Governance.Application.CompositionRules;

public sealed record AddCompositionRuleCommand(Guid CouncilId, CompositionRuleRequest Rule) : ICommand<CreatedId>;

public sealed class AddCompositionRuleValidator : AbstractValidator<AddCompositionRuleCommand>
{
    public AddCompositionRuleValidator()
    {
        RuleFor(c => c.Rule).NotNull();
        RuleFor(c => c.Rule.Name).MaximumLength(200).OverridePropertyName("name");
        RuleFor(c => c.Rule.Source).MaximumLength(500).OverridePropertyName("source");
        RuleFor(c => c.Rule.Categories).NotEmpty().OverridePropertyName("categories");
        RuleForEach(c => c.Rule.Categories).IsInEnum().OverridePropertyName("categories");
        RuleFor(c => c.Rule.MinimumShare).InclusiveBetween(0m, 1m).OverridePropertyName("minimumShare");
        RuleFor(c => c.Rule.MinimumSeats).InclusiveBetween(1, 1000).OverridePropertyName("minimumSeats");
        RuleFor(c => c.Rule).Must(r => KindOf(r) != CompositionRuleKind.MinimumShare || r.MinimumShare is not null || r.Phases is { Count: > 0 })
            .WithMessage(GovernanceTexts.ShareRuleNeedsShare).OverridePropertyName("minimumShare");
        RuleFor(c => c.Rule).Must(r => KindOf(r) != CompositionRuleKind.MinimumSeats || r.MinimumSeats is not null)
            .WithMessage(GovernanceTexts.SeatRuleNeedsSeats).OverridePropertyName("minimumSeats");
        RuleForEach(c => c.Rule.Phases).Must(p => p.MinimumShare is >= 0m and <= 1m)
            .WithMessage(GovernanceTexts.PhaseShare).OverridePropertyName("phases");
    }

    public static CompositionRuleKind KindOf(CompositionRuleRequest r)
        => r.Kind ?? (r.MinimumSeats is not null && r.MinimumShare is null && r.Phases is not { Count: > 0 } ? CompositionRuleKind.MinimumSeats : CompositionRuleKind.MinimumShare);
}

public sealed class AddCompositionRuleHandler(IGovernanceDbContext db) : ICommandHandler<AddCompositionRuleCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(AddCompositionRuleCommand command, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(command.CouncilId, cancellationToken);
        var request = command.Rule;
        var rule = new CompositionRule(Guid.CreateVersion7(), council.Id, AddCompositionRuleValidator.KindOf(request), request.Categories, request.Name?.Trim())
        {
            MinimumShare = request.MinimumShare,
            MinimumSeats = request.MinimumSeats,
            Source = request.Source?.Trim(),
            Phases = (request.Phases ?? []).OrderBy(p => p.EffectiveFrom).Select(p => new RulePhase(p.EffectiveFrom, p.MinimumShare)).ToList(),
        };
        council.AddRule(rule);
        return new CreatedId(rule.Id);
    }
}
