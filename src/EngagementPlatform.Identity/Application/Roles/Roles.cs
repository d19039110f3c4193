using System.Globalization;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity.Application.Roles;

public sealed record RoleDto(Guid Id, string Name, bool IsStatic, IReadOnlyList<string> Permissions);

public sealed record PermissionDto(string Name, string DisplayName);

public sealed record GetRolesQuery : IQuery<IReadOnlyList<RoleDto>>;

public sealed record GetRoleQuery(Guid Id) : IQuery<RoleDto>;

public sealed record GetPermissionDefinitionsQuery(string Language) : IQuery<IReadOnlyList<PermissionDto>>;

public sealed record UpdateRolePermissionsRequest(IReadOnlyList<string> Permissions);

public sealed record UpdateRolePermissionsCommand(Guid RoleId, IReadOnlyList<string> Permissions) : ICommand<RoleDto>;

public sealed class UpdateRolePermissionsValidator : AbstractValidator<UpdateRolePermissionsCommand>
{
    public UpdateRolePermissionsValidator()
    {
        RuleFor(c => c.Permissions).NotNull().Must(p => p is null || p.Count <= 500);
        RuleForEach(c => c.Permissions).NotEmpty().MaximumLength(128);
    }
}

public sealed class RoleHandlers(IIdentityDbContext db, PermissionDefinitionManager definitions, ICurrentTenant currentTenant, ITextLocalizer texts)
    : IQueryHandler<GetRolesQuery, IReadOnlyList<RoleDto>>,
      IQueryHandler<GetRoleQuery, RoleDto>,
      IQueryHandler<GetPermissionDefinitionsQuery, IReadOnlyList<PermissionDto>>,
      ICommandHandler<UpdateRolePermissionsCommand, RoleDto>
{
    public async ValueTask<IReadOnlyList<RoleDto>> Handle(GetRolesQuery query, CancellationToken cancellationToken)
        => await Project(db.Roles.AsNoTracking().OrderBy(r => r.Name)).ToListAsync(cancellationToken);

    public async ValueTask<RoleDto> Handle(GetRoleQuery query, CancellationToken cancellationToken)
        => await Project(db.Roles.AsNoTracking().Where(r => r.Id == query.Id)).FirstOrDefaultAsync(cancellationToken)
           ?? throw new EntityNotFoundException(nameof(Role), query.Id);

    public ValueTask<IReadOnlyList<PermissionDto>> Handle(GetPermissionDefinitionsQuery query, CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyList<PermissionDto>>(definitions.ForSide(currentTenant.Id)
            .Select(d => new PermissionDto(d.Name, texts.Get(PermissionDefinitionManager.DisplayNameKey(d.Name), CultureInfo.GetCultureInfo(query.Language))))
            .ToList());

    public async ValueTask<RoleDto> Handle(UpdateRolePermissionsCommand command, CancellationToken cancellationToken)
    {
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == command.RoleId, cancellationToken)
                   ?? throw new EntityNotFoundException(nameof(Role), command.RoleId);
        var allowed = definitions.ForSide(currentTenant.Id).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = command.Permissions.FirstOrDefault(p => !allowed.Contains(p));
        if (unknown is not null)
        {
            throw new FieldValidationException(IdentityErrorCodes.UnknownPermission, new Dictionary<string, string[]>
            {
                ["permissions"] = [IdentityErrorCodes.UnknownPermission],
            }).WithData("permission", unknown);
        }

        var wanted = command.Permissions.ToHashSet(StringComparer.Ordinal);
        var grants = await db.PermissionGrants.Where(g => g.RoleId == role.Id).ToListAsync(cancellationToken);
        db.PermissionGrants.RemoveRange(grants.Where(g => !wanted.Contains(g.Name)));
        foreach (var name in wanted.Where(n => grants.All(g => g.Name != n)))
        {
            db.PermissionGrants.Add(new PermissionGrant { RoleId = role.Id, Name = name });
        }

        return new RoleDto(role.Id, role.Name!, role.IsStatic, wanted.Order(StringComparer.Ordinal).ToList());
    }

    private IQueryable<RoleDto> Project(IQueryable<Role> roles) => roles.Select(r => new RoleDto(
        r.Id,
        r.Name!,
        r.IsStatic,
        db.PermissionGrants.Where(g => g.RoleId == r.Id).OrderBy(g => g.Name).Select(g => g.Name).ToList()));
}
