using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Application.Editions;

public sealed record EditionFeaturesDto(bool Compensation, bool DataSharing, bool Assessments, bool StripePayouts);

public sealed record EditionLimitsDto(int? Councils, int? ActiveMembers, int? AssessmentSchedules);

public sealed record EditionDto(Guid Id, string Name, string? StripePriceId, EditionFeaturesDto Features, EditionLimitsDto Limits);

public sealed record EditionRequest(string Name, string? StripePriceId, EditionFeaturesDto? Features, EditionLimitsDto? Limits);

public sealed record SaveEditionCommand(Guid? Id, string Name, string? StripePriceId, EditionFeaturesDto? Features, EditionLimitsDto? Limits)
    : ICommand<EditionDto>
{
    public static SaveEditionCommand From(Guid? id, EditionRequest r) => new(id, r.Name, r.StripePriceId, r.Features, r.Limits);
}

public sealed record DeleteEditionCommand(Guid Id) : ICommand;

public sealed record GetEditionsQuery : IQuery<IReadOnlyList<EditionDto>>;

public sealed record GetEditionQuery(Guid Id) : IQuery<EditionDto>;

public sealed class SaveEditionValidator : AbstractValidator<SaveEditionCommand>
{
    public SaveEditionValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(64);
        RuleFor(c => c.StripePriceId).MaximumLength(128);
        RuleFor(c => c.Limits!.Councils).GreaterThanOrEqualTo(0).When(c => c.Limits is not null).OverridePropertyName("limits.councils");
        RuleFor(c => c.Limits!.ActiveMembers).GreaterThanOrEqualTo(0).When(c => c.Limits is not null).OverridePropertyName("limits.activeMembers");
        RuleFor(c => c.Limits!.AssessmentSchedules).GreaterThanOrEqualTo(0).When(c => c.Limits is not null).OverridePropertyName("limits.assessmentSchedules");
    }
}

public sealed class EditionHandlers(ISaasDbContext db)
    : ICommandHandler<SaveEditionCommand, EditionDto>,
      ICommandHandler<DeleteEditionCommand>,
      IQueryHandler<GetEditionsQuery, IReadOnlyList<EditionDto>>,
      IQueryHandler<GetEditionQuery, EditionDto>
{
    public async ValueTask<EditionDto> Handle(SaveEditionCommand command, CancellationToken cancellationToken)
    {
        var name = command.Name.Trim();
        Edition edition;
        if (command.Id is { } id)
        {
            edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new EntityNotFoundException(nameof(Edition), id);
        }
        else
        {
            edition = new Edition(Guid.CreateVersion7(), name);
            db.Editions.Add(edition);
        }

        if (await db.Editions.AnyAsync(e => e.Name == name && e.Id != edition.Id, cancellationToken))
        {
            throw new FieldValidationException(
                SaasErrorCodes.DuplicateEditionName,
                new Dictionary<string, string[]> { ["name"] = [$"A plan named '{name}' already exists."] }, RefusalKind.StateConflict).WithData("name", name);
        }

        edition.Name = name;
        edition.StripePriceId = command.StripePriceId?.Trim();
        var f = command.Features ?? new EditionFeaturesDto(false, false, false, false);
        edition.Features = new EditionFeatures { Compensation = f.Compensation, DataSharing = f.DataSharing, Assessments = f.Assessments, StripePayouts = f.StripePayouts };
        var l = command.Limits ?? new EditionLimitsDto(null, null, null);
        edition.Limits = new EditionLimits { Councils = l.Councils, ActiveMembers = l.ActiveMembers, AssessmentSchedules = l.AssessmentSchedules };
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(edition);
    }

    public async ValueTask<Unit> Handle(DeleteEditionCommand command, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
                      ?? throw new EntityNotFoundException(nameof(Edition), command.Id);
        if (await db.Tenants.AnyAsync(t => t.EditionId == edition.Id, cancellationToken))
        {
            throw new StateConflictException(SaasErrorCodes.EditionInUse);
        }

        db.Editions.Remove(edition);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<IReadOnlyList<EditionDto>> Handle(GetEditionsQuery query, CancellationToken cancellationToken)
        => (await db.Editions.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    public async ValueTask<EditionDto> Handle(GetEditionQuery query, CancellationToken cancellationToken)
        => ToDto(await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == query.Id, cancellationToken)
                 ?? throw new EntityNotFoundException(nameof(Edition), query.Id));

    private static EditionDto ToDto(Edition e) => new(
        e.Id,
        e.Name,
        e.StripePriceId,
        new EditionFeaturesDto(e.Features.Compensation, e.Features.DataSharing, e.Features.Assessments, e.Features.StripePayouts),
        new EditionLimitsDto(e.Limits.Councils, e.Limits.ActiveMembers, e.Limits.AssessmentSchedules));
}
