using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Application.Editions;

public sealed record EditionFeaturesDto(bool Compensation, bool DataSharing, bool Assessments, bool StripePayouts);

public sealed record EditionLimitsDto(int? Councils, int? ActiveMembers, int? AssessmentSchedules);

public sealed record EditionDto(Guid Id, string Name, string? StripePriceId, EditionFeaturesDto Features, EditionLimitsDto Limits)
{
    public static EditionDto From(Edition e) => new(
        e.Id,
        e.Name,
        e.StripePriceId,
        new EditionFeaturesDto(e.Features.Compensation, e.Features.DataSharing, e.Features.Assessments, e.Features.StripePayouts),
        new EditionLimitsDto(e.Limits.Councils, e.Limits.ActiveMembers, e.Limits.AssessmentSchedules));
}

/// <summary>The body of a create or an update of a plan.</summary>
public sealed record EditionRequest(string Name, string? StripePriceId, EditionFeaturesDto? Features, EditionLimitsDto? Limits);

/// <summary>What a create and an update of a plan share: the field rules and how the request lands on the entity.</summary>
internal static class EditionRules
{
    public static void ValidEdition<T>(this AbstractValidator<T> validator, Func<T, EditionRequest> request)
    {
        validator.RuleFor(c => request(c).Name).NotEmpty().MaximumLength(64).OverridePropertyName("name");
        validator.RuleFor(c => request(c).StripePriceId).MaximumLength(128).OverridePropertyName("stripePriceId");
        validator.RuleFor(c => request(c).Limits!.Councils).GreaterThanOrEqualTo(0).When(c => request(c).Limits is not null).OverridePropertyName("limits.councils");
        validator.RuleFor(c => request(c).Limits!.ActiveMembers).GreaterThanOrEqualTo(0).When(c => request(c).Limits is not null).OverridePropertyName("limits.activeMembers");
        validator.RuleFor(c => request(c).Limits!.AssessmentSchedules).GreaterThanOrEqualTo(0).When(c => request(c).Limits is not null).OverridePropertyName("limits.assessmentSchedules");
    }

    public static async Task ApplyAsync(ISaasDbContext db, Edition edition, EditionRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        if (await db.Editions.AnyAsync(e => e.Name == name && e.Id != edition.Id, cancellationToken))
        {
            throw new FieldValidationException(
                SaasErrorCodes.DuplicateEditionName,
                new Dictionary<string, string[]> { ["name"] = [$"A plan named '{name}' already exists."] }, RefusalKind.StateConflict).WithData("name", name);
        }

        edition.Name = name;
        edition.StripePriceId = request.StripePriceId?.Trim();
        var f = request.Features ?? new EditionFeaturesDto(false, false, false, false);
        edition.Features = new EditionFeatures { Compensation = f.Compensation, DataSharing = f.DataSharing, Assessments = f.Assessments, StripePayouts = f.StripePayouts };
        var l = request.Limits ?? new EditionLimitsDto(null, null, null);
        edition.Limits = new EditionLimits { Councils = l.Councils, ActiveMembers = l.ActiveMembers, AssessmentSchedules = l.AssessmentSchedules };
    }
}
