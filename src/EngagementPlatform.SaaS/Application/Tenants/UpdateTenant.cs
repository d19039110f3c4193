using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.SaaS.Application.Tenants;

public sealed record UpdateTenantRequest(string Name, Guid? EditionId, string? DisplayName, bool? IsActive, string? DefaultLanguage);

public sealed record UpdateTenantCommand(Guid Id, string Name, Guid? EditionId, string? DisplayName, bool? IsActive, string? DefaultLanguage = null) : ICommand<TenantDto>;

public sealed class UpdateTenantValidator : AbstractValidator<UpdateTenantCommand>
{
    public UpdateTenantValidator()
    {
        RuleFor(c => c.Name).NotEmpty().Must(Tenant.IsValidName)
            .WithMessage(SaasTexts.TenantName);
        RuleFor(c => c.DisplayName).MaximumLength(256);
        RuleFor(c => c.DefaultLanguage).ValidLanguage();
    }
}

public sealed class UpdateTenantHandler(ISaasDbContext db, TenantCache cache, IUnitOfWork unitOfWork) : ICommandHandler<UpdateTenantCommand, TenantDto>
{
    public async ValueTask<TenantDto> Handle(UpdateTenantCommand command, CancellationToken cancellationToken)
    {
        var tenant = await TenantRules.FindAsync(db, command.Id, cancellationToken);
        var oldName = tenant.Name;
        var newName = Tenant.NormalizeName(command.Name);
        if (newName != oldName)
        {
            await TenantRules.EnsureNameIsFreeAsync(db, newName, tenant.Id, cancellationToken);
            tenant.Rename(newName);
        }

        tenant.EditionId = await TenantRules.CheckEditionAsync(db, command.EditionId, cancellationToken);
        tenant.DisplayName = command.DisplayName?.Trim() ?? tenant.DisplayName;
        tenant.DefaultLanguage = command.DefaultLanguage ?? tenant.DefaultLanguage;
        if (command.IsActive == true)
        {
            tenant.Activate();
        }
        else if (command.IsActive == false)
        {
            tenant.Suspend();
        }

        await unitOfWork.OnCommittedAsync(() =>
        {
            cache.Evict(tenant.Id, oldName, newName);
            return Task.CompletedTask;
        });
        return TenantDto.From(tenant);
    }
}
