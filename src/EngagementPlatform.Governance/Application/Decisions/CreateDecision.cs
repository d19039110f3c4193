using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Decisions;

public sealed record CreateDecisionCommand(
    Guid CouncilId,
    string Title,
    string? Description,
    VotingMethod Method,
    IReadOnlyList<string>? Options,
    decimal Quorum,
    Threshold Threshold,
    bool SecretBallot,
    DateTimeOffset? VotingClosesAt,
    bool? ConcurrentMajority,
    int? CommunityQuorum,
    bool? AllowPublicInput) : ICommand<CreatedId>;

public sealed class CreateDecisionValidator : AbstractValidator<CreateDecisionCommand>
{
    public CreateDecisionValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Description).MaximumLength(20000);
        RuleFor(c => c.Method).IsInEnum();
        RuleFor(c => c.Threshold).IsInEnum();
        RuleFor(c => c.Quorum).InclusiveBetween(0m, 1m);
        RuleFor(c => c.CommunityQuorum).InclusiveBetween(1, 10000);
        RuleFor(c => c.Options).Must(o => o is null || o.Count == 0)
            .When(c => c.Method == VotingMethod.YesNo)
            .WithMessage(GovernanceTexts.YesNoHasNoOptions);
        RuleFor(c => c.Options).NotNull().Must(o => o!.Count is >= 2 and <= 50)
            .When(c => c.Method != VotingMethod.YesNo)
            .WithMessage(GovernanceTexts.OptionCount);
        RuleFor(c => c.Options).Must(o => o is null || o.Select(x => x?.Trim().ToUpperInvariant()).Distinct().Count() == o.Count)
            .WithMessage(GovernanceTexts.OptionsUnique);
        RuleForEach(c => c.Options).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Threshold).Equal(Threshold.SimpleMajority).When(c => c.Method == VotingMethod.RankedChoice)
            .WithMessage(GovernanceTexts.RankedChoiceThreshold);
    }
}

public sealed class CreateDecisionHandler(IGovernanceDbContext db) : ICommandHandler<CreateDecisionCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateDecisionCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Councils.AnyAsync(c => c.Id == command.CouncilId, cancellationToken))
        {
            throw new FieldValidationException(FrameworkErrorCodes.EntityNotFound, new Dictionary<string, string[]>
            {
                ["councilId"] = ["There is no such council."],
            }, RefusalKind.NotFound);
        }

        var decision = new Decision(Guid.CreateVersion7(), command.CouncilId, command.Title.Trim(), command.Method, command.Options ?? [])
        {
            Description = command.Description,
            Quorum = command.Quorum,
            Threshold = command.Threshold,
            SecretBallot = command.SecretBallot,
            VotingClosesAt = command.VotingClosesAt?.ToUniversalTime(),
            ConcurrentMajority = command.ConcurrentMajority ?? false,
            CommunityQuorum = command.CommunityQuorum,
        };
        decision.AllowPublic(command.AllowPublicInput ?? false);
        db.Decisions.Add(decision);
        return new CreatedId(decision.Id);
    }
}
