using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Identity.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity.Application.Roles;

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

public sealed class UpdateRolePermissionsHandler(IIdentityDbContext db, PermissionDefinitionManager definitions, ICurrentTenant currentTenant)
    : ICommandHandler<UpdateRolePermissionsCommand, RoleDto>
{
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
}
