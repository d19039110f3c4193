using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.SaaS.Application.Tenants;

public sealed record UpdateMyTenantCommand(string? DisplayName, string DefaultLanguage, string? TimeZone = null) : ICommand<MyTenantDto>;

public sealed class UpdateMyTenantValidator : AbstractValidator<UpdateMyTenantCommand>
{
    public UpdateMyTenantValidator()
    {
        RuleFor(c => c.DisplayName).MaximumLength(256);
        RuleFor(c => c.DefaultLanguage).Must(l => Tenant.Languages.Contains(l)).WithMessage(FrameworkTexts.Language);
        RuleFor(c => c.TimeZone).Must(Tenant.IsKnownTimeZone!).When(c => c.TimeZone is not null)
            .WithMessage(SaasTexts.TimeZone);
    }
}

public sealed class UpdateMyTenantHandler(ISaasDbContext db, TenantCache cache, ICurrentTenant currentTenant, IUnitOfWork unitOfWork)
    : ICommandHandler<UpdateMyTenantCommand, MyTenantDto>
{
    public async ValueTask<MyTenantDto> Handle(UpdateMyTenantCommand command, CancellationToken cancellationToken)
    {
        var tenant = await TenantRules.FindAsync(db, currentTenant.Id ?? Guid.Empty, cancellationToken);
        tenant.DisplayName = command.DisplayName?.Trim() ?? tenant.DisplayName;
        tenant.DefaultLanguage = command.DefaultLanguage;
        tenant.TimeZone = command.TimeZone ?? tenant.TimeZone;
        await unitOfWork.OnCommittedAsync(() =>
        {
            cache.Evict(tenant.Id, tenant.Name);
            return Task.CompletedTask;
        });
        return new MyTenantDto(tenant.Name, tenant.DisplayName, tenant.DefaultLanguage, tenant.TimeZone);
    }
}
