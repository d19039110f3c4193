using System.Linq.Expressions;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Application.Tenants;

public sealed record TenantDto(Guid Id, string Name, string? DisplayName, Guid? EditionId, bool IsActive, string DefaultLanguage, DateTimeOffset CreationTime)
{
    public static readonly Expression<Func<Tenant, TenantDto>> Projection =
        t => new TenantDto(t.Id, t.Name, t.DisplayName, t.EditionId, t.IsActive, t.DefaultLanguage, t.CreationTime);

    private static readonly Func<Tenant, TenantDto> Compiled = Projection.Compile();

    public static TenantDto From(Tenant tenant) => Compiled(tenant);
}

/// <summary>What the tenant use cases share: finding one, and the name and plan checks.</summary>
internal static class TenantRules
{
    public static IRuleBuilderOptions<T, string?> ValidLanguage<T>(this IRuleBuilder<T, string?> rule)
        => rule.Must(l => l is null || Tenant.Languages.Contains(l)).WithMessage(FrameworkTexts.Language);

    public static async Task<Tenant> FindAsync(ISaasDbContext db, Guid id, CancellationToken cancellationToken)
        => await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
           ?? throw new EntityNotFoundException(nameof(Tenant), id);

    public static async Task EnsureNameIsFreeAsync(ISaasDbContext db, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Tenants.AnyAsync(t => t.Name == name && t.Id != exceptId, cancellationToken))
        {
            throw new FieldValidationException(
                SaasErrorCodes.DuplicateTenantName,
                new Dictionary<string, string[]> { ["name"] = [$"A partnership named '{name}' already exists."] }, RefusalKind.StateConflict).WithData("name", name);
        }
    }

    public static async Task<Guid?> CheckEditionAsync(ISaasDbContext db, Guid? editionId, CancellationToken cancellationToken)
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
