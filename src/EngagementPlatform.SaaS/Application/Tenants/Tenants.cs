using EngagementPlatform.Framework.Localization;
using System.Linq.Expressions;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EngagementPlatform.SaaS.Application.Tenants;

public sealed record TenantDto(Guid Id, string Name, string? DisplayName, Guid? EditionId, bool IsActive, string DefaultLanguage, DateTimeOffset CreationTime);

public sealed record TenantCreated(Guid Id, string Name);

public sealed record CreateTenantCommand(
    string Name,
    string? DisplayName,
    string AdminEmailAddress,
    string AdminPassword,
    Guid? EditionId,
    string? DefaultLanguage = null) : ICommand<TenantCreated>;

public sealed record UpdateTenantRequest(string Name, Guid? EditionId, string? DisplayName, bool? IsActive, string? DefaultLanguage);

public sealed record UpdateTenantCommand(Guid Id, string Name, Guid? EditionId, string? DisplayName, bool? IsActive, string? DefaultLanguage = null) : ICommand<TenantDto>;

/// <summary>What a partnership's own admin may change about it.</summary>
public sealed record MyTenantDto(string Name, string? DisplayName, string DefaultLanguage, string TimeZone);

public sealed record GetMyTenantQuery : IQuery<MyTenantDto>;

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

public sealed record DeleteTenantCommand(Guid Id) : ICommand;

public sealed record GetTenantsQuery(PageRequest Page, string? Filter) : IQuery<PagedResult<TenantDto>>;

public sealed record GetTenantQuery(Guid Id) : IQuery<TenantDto>;

public sealed class CreateTenantValidator : AbstractValidator<CreateTenantCommand>
{
    public CreateTenantValidator()
    {
        RuleFor(c => c.Name).NotEmpty().Must(Tenant.IsValidName)
            .WithMessage(SaasTexts.TenantName);
        RuleFor(c => c.DisplayName).MaximumLength(256);
        RuleFor(c => c.AdminEmailAddress).NotEmpty().MaximumLength(256).DeliverableEmail();
        RuleFor(c => c.AdminPassword).NotEmpty().MaximumLength(128);
        RuleFor(c => c.DefaultLanguage).Must(l => l is null || Tenant.Languages.Contains(l)).WithMessage(FrameworkTexts.Language);
    }
}

public sealed class UpdateTenantValidator : AbstractValidator<UpdateTenantCommand>
{
    public UpdateTenantValidator()
    {
        RuleFor(c => c.Name).NotEmpty().Must(Tenant.IsValidName)
            .WithMessage(SaasTexts.TenantName);
        RuleFor(c => c.DisplayName).MaximumLength(256);
        RuleFor(c => c.DefaultLanguage).Must(l => l is null || Tenant.Languages.Contains(l)).WithMessage(FrameworkTexts.Language);
    }
}

public sealed class TenantHandlers(ISaasDbContext db, IDataSeeder seeder, TenantCache cache, ICurrentTenant currentTenant)
    : ICommandHandler<CreateTenantCommand, TenantCreated>,
      ICommandHandler<UpdateTenantCommand, TenantDto>,
      ICommandHandler<DeleteTenantCommand>,
      IQueryHandler<GetTenantsQuery, PagedResult<TenantDto>>,
      IQueryHandler<GetTenantQuery, TenantDto>,
      IQueryHandler<GetMyTenantQuery, MyTenantDto>,
      ICommandHandler<UpdateMyTenantCommand, MyTenantDto>
{
    private static readonly Dictionary<string, Expression<Func<Tenant, object?>>> SortKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = t => t.Name,
        ["creationTime"] = t => t.CreationTime,
    };

    private static readonly Expression<Func<Tenant, TenantDto>> ToDto =
        t => new TenantDto(t.Id, t.Name, t.DisplayName, t.EditionId, t.IsActive, t.DefaultLanguage, t.CreationTime);

    public async ValueTask<TenantCreated> Handle(CreateTenantCommand command, CancellationToken cancellationToken)
    {
        var tenant = new Tenant(Guid.CreateVersion7(), command.Name, command.DisplayName?.Trim());
        await EnsureNameIsFreeAsync(tenant.Name, null, cancellationToken);
        tenant.EditionId = await CheckEditionAsync(command.EditionId, cancellationToken);
        tenant.DefaultLanguage = command.DefaultLanguage ?? tenant.DefaultLanguage;
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        // A lookup of this name before it existed left "no such tenant" in the cache: drop it, so the new
        // partnership answers at once on this node.
        cache.Evict(tenant.Id, tenant.Name);

        // Roles, grants and the first admin are written in this same transaction: a tenant never exists half-made.
        await seeder.SeedAsync(
            new DataSeedContext(tenant.Id)
                .With(DataSeedContext.AdminEmail, command.AdminEmailAddress.Trim())
                .With(DataSeedContext.AdminPassword, command.AdminPassword),
            cancellationToken);
        return new TenantCreated(tenant.Id, tenant.Name);
    }

    public async ValueTask<TenantDto> Handle(UpdateTenantCommand command, CancellationToken cancellationToken)
    {
        var tenant = await FindAsync(command.Id, cancellationToken);
        var oldName = tenant.Name;
        var newName = Tenant.NormalizeName(command.Name);
        if (newName != oldName)
        {
            await EnsureNameIsFreeAsync(newName, tenant.Id, cancellationToken);
            tenant.Rename(newName);
        }

        tenant.EditionId = await CheckEditionAsync(command.EditionId, cancellationToken);
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

        await db.SaveChangesAsync(cancellationToken);
        cache.Evict(tenant.Id, oldName, newName);
        return ToDto.Compile()(tenant);
    }

    public async ValueTask<Unit> Handle(DeleteTenantCommand command, CancellationToken cancellationToken)
    {
        var tenant = await FindAsync(command.Id, cancellationToken);
        db.Tenants.Remove(tenant);
        await db.SaveChangesAsync(cancellationToken);
        cache.Evict(tenant.Id, tenant.Name);
        return Unit.Value;
    }

    public async ValueTask<PagedResult<TenantDto>> Handle(GetTenantsQuery query, CancellationToken cancellationToken)
    {
        var tenants = db.Tenants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            var filter = $"%{query.Filter.Trim()}%";
            tenants = tenants.Where(t => EF.Functions.ILike(t.Name, filter) || EF.Functions.ILike(t.DisplayName ?? string.Empty, filter));
        }

        var total = await tenants.LongCountAsync(cancellationToken);
        var items = await tenants.OrderBySorting(query.Page.Sorting, SortKeys, "name")
            .Skip(query.Page.Skip).Take(query.Page.Take)
            .Select(ToDto)
            .ToListAsync(cancellationToken);
        return new PagedResult<TenantDto>(total, items);
    }

    public async ValueTask<TenantDto> Handle(GetTenantQuery query, CancellationToken cancellationToken)
        => await db.Tenants.AsNoTracking().Where(t => t.Id == query.Id).Select(ToDto).FirstOrDefaultAsync(cancellationToken)
           ?? throw new EntityNotFoundException(nameof(Tenant), query.Id);

    public async ValueTask<MyTenantDto> Handle(GetMyTenantQuery query, CancellationToken cancellationToken)
    {
        var tenant = await FindAsync(currentTenant.Id ?? Guid.Empty, cancellationToken);
        return new MyTenantDto(tenant.Name, tenant.DisplayName, tenant.DefaultLanguage, tenant.TimeZone);
    }

    public async ValueTask<MyTenantDto> Handle(UpdateMyTenantCommand command, CancellationToken cancellationToken)
    {
        var tenant = await FindAsync(currentTenant.Id ?? Guid.Empty, cancellationToken);
        tenant.DisplayName = command.DisplayName?.Trim() ?? tenant.DisplayName;
        tenant.DefaultLanguage = command.DefaultLanguage;
        tenant.TimeZone = command.TimeZone ?? tenant.TimeZone;
        await db.SaveChangesAsync(cancellationToken);
        cache.Evict(tenant.Id, tenant.Name);
        return new MyTenantDto(tenant.Name, tenant.DisplayName, tenant.DefaultLanguage, tenant.TimeZone);
    }

    private async Task<Tenant> FindAsync(Guid id, CancellationToken cancellationToken)
        => await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
           ?? throw new EntityNotFoundException(nameof(Tenant), id);

    private async Task EnsureNameIsFreeAsync(string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Tenants.AnyAsync(t => t.Name == name && t.Id != exceptId, cancellationToken))
        {
            throw new FieldValidationException(
                SaasErrorCodes.DuplicateTenantName,
                new Dictionary<string, string[]> { ["name"] = [$"A partnership named '{name}' already exists."] }, RefusalKind.StateConflict).WithData("name", name);
        }
    }

    private async Task<Guid?> CheckEditionAsync(Guid? editionId, CancellationToken cancellationToken)
    {
        if (editionId is { } id && !await db.Editions.AnyAsync(e => e.Id == id, cancellationToken))
        {
            throw new FieldValidationException(
                SaasErrorCodes.EditionNotFound,
                new Dictionary<string, string[]> { ["editionId"] = ["There is no plan with that id."] });
        }

        return editionId;
    }
}
