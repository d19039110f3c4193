using EngagementPlatform.Framework.Users;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Governance.Domain.Diversity;
using EngagementPlatform.Governance.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Demographics;

/// <summary>The signed-in person's own, optional answers; they are only ever shown in aggregate.</summary>
public sealed record SaveMyDemographicsCommand(string? Language, string? AgeBand, IReadOnlyList<string>? RaceEthnicity, string? Neighborhood) : ICommand<DemographicsDto>;

public sealed class SaveMyDemographicsValidator : AbstractValidator<SaveMyDemographicsCommand>
{
    public SaveMyDemographicsValidator()
    {
        RuleFor(c => c.Language).MaximumLength(64);
        RuleFor(c => c.Neighborhood).MaximumLength(100);
        RuleFor(c => c.AgeBand).OneOf(MemberDemographics.AgeBands, allowNull: true);
        RuleFor(c => c.RaceEthnicity).Must((_, r, context) =>
            {
                context.MessageFormatter.AppendArgument("choices", string.Join(", ", MemberDemographics.RaceEthnicityOptions));
                return r is null || (r.Count <= 8 && r.All(MemberDemographics.RaceEthnicityOptions.Contains));
            })
            .WithMessage(GovernanceTexts.RaceEthnicityChoices);
    }
}

public sealed class SaveMyDemographicsHandler(IGovernanceDbContext db, ICurrentUser currentUser) : ICommandHandler<SaveMyDemographicsCommand, DemographicsDto>
{
    public async ValueTask<DemographicsDto> Handle(SaveMyDemographicsCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var answers = await db.MemberDemographics.FirstOrDefaultAsync(d => d.UserId == me, cancellationToken);
        if (answers is null)
        {
            answers = new MemberDemographics(me);
            db.MemberDemographics.Add(answers);
        }

        answers.Language = Blank(command.Language);
        answers.AgeBand = Blank(command.AgeBand);
        answers.RaceEthnicity = (command.RaceEthnicity ?? []).Distinct().ToList();
        answers.Neighborhood = Blank(command.Neighborhood);
        return DemographicsDto.From(answers);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
