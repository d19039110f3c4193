using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.SaaS.Application.Tenants;

public sealed record CreateTenantCommand(
    string Name,
    string? DisplayName,
    string AdminEmailAddress,
    string AdminPassword,
    Guid? EditionId,
    string? DefaultLanguage = null) : ICommand<CreatedId>;

public sealed class CreateTenantValidator : AbstractValidator<CreateTenantCommand>
{
    public CreateTenantValidator()
    {
        RuleFor(c => c.Name).NotEmpty().Must(Tenant.IsValidName)
            .WithMessage(SaasTexts.TenantName);
        RuleFor(c => c.DisplayName).MaximumLength(256);
        RuleFor(c => c.AdminEmailAddress).NotEmpty().MaximumLength(256).DeliverableEmail();
        RuleFor(c => c.AdminPassword).NotEmpty().MaximumLength(128);
        RuleFor(c => c.DefaultLanguage).ValidLanguage();
    }
}

public sealed class CreateTenantHandler(ISaasDbContext db, IDataSeeder seeder, TenantCache cache, IUnitOfWork unitOfWork)
    : ICommandHandler<CreateTenantCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateTenantCommand command, CancellationToken cancellationToken)
    {
        var tenant = new Tenant(Guid.CreateVersion7(), command.Name, command.DisplayName?.Trim());
        await TenantRules.EnsureNameIsFreeAsync(db, tenant.Name, null, cancellationToken);
        tenant.EditionId = await TenantRules.CheckEditionAsync(db, command.EditionId, cancellationToken);
        tenant.DefaultLanguage = command.DefaultLanguage ?? tenant.DefaultLanguage;
        db.Tenants.Add(tenant);

        // A lookup of this name before it existed left "no such tenant" in the cache: drop it once the partnership
        // is committed, so it answers at once on this node.
        await unitOfWork.OnCommittedAsync(() =>
        {
            cache.Evict(tenant.Id, tenant.Name);
            return Task.CompletedTask;
        });

        // Roles, grants and the first admin are written in this same transaction: a tenant never exists half-made.
        await seeder.SeedAsync(
            new DataSeedContext(tenant.Id)
                .With(DataSeedContext.AdminEmail, command.AdminEmailAddress.Trim())
                .With(DataSeedContext.AdminPassword, command.AdminPassword),
            cancellationToken);
        return new CreatedId(tenant.Id);
    }
}
