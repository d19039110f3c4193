using System.Globalization;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity.Application.Profile;
using EngagementPlatform.Identity.Application.Roles;
using EngagementPlatform.Identity.Application.Users;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.Identity.Http;

internal static class IdentityEndpoints
{
    public static void MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/identity").WithTags("Identity");

        group.MapPost("/users", async (CreateUserCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct);
                return Results.Created($"/api/identity/users/{created.Id}", created);
            })
            .RequirePermission(IdentityPermissions.UsersCreate)
            .WithName("CreateUser");

        group.MapGet("/users", async ([AsParameters] PageRequest page, string? filter, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetUsersQuery(page, filter), ct))
            .RequirePermission(IdentityPermissions.Users)
            .WithName("GetUsers");

        group.MapGet("/users/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetUserQuery(id), ct))
            .RequirePermission(IdentityPermissions.Users)
            .WithName("GetUser");

        group.MapPut("/users/{id:guid}", async (Guid id, UpdateUserRequest request, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(UpdateUserCommand.From(id, request), ct))
            .RequirePermission(IdentityPermissions.UsersUpdate)
            .WithName("UpdateUser");

        group.MapDelete("/users/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteUserCommand(id), ct);
                return Results.NoContent();
            })
            .RequirePermission(IdentityPermissions.UsersDelete)
            .WithName("DeleteUser");

        group.MapPost("/users/{id:guid}/reset-password", async (Guid id, ResetUserPasswordRequest request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ResetUserPasswordCommand(id, request.NewPassword), ct);
                return Results.NoContent();
            })
            .RequirePermission(IdentityPermissions.UsersUpdate)
            .WithName("ResetUserPassword");

        group.MapGet("/my-profile", async (IMediator mediator, CancellationToken ct) => await mediator.Send(new GetMyProfileQuery(), ct))
            .RequireAuthorization()
            .WithName("GetMyProfile");

        group.MapPut("/my-profile", async (UpdateMyProfileCommand command, IMediator mediator, CancellationToken ct) => await mediator.Send(command, ct))
            .RequireAuthorization()
            .WithName("UpdateMyProfile");

        group.MapPost("/my-profile/change-password", async (ChangeMyPasswordCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return Results.NoContent();
            })
            .RequireAuthorization()
            .WithName("ChangeMyPassword");

        group.MapGet("/roles", async (IMediator mediator, CancellationToken ct) => await mediator.Send(new GetRolesQuery(), ct))
            .RequirePermission(IdentityPermissions.Roles)
            .WithName("GetRoles");

        group.MapGet("/roles/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => await mediator.Send(new GetRoleQuery(id), ct))
            .RequirePermission(IdentityPermissions.Roles)
            .WithName("GetRole");

        group.MapPut("/roles/{id:guid}/permissions", async (Guid id, UpdateRolePermissionsRequest request, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new UpdateRolePermissionsCommand(id, request.Permissions), ct))
            .RequirePermission(IdentityPermissions.RolesManagePermissions)
            .WithName("UpdateRolePermissions");

        group.MapGet("/permissions", async (IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetPermissionDefinitionsQuery(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), ct))
            .RequirePermission(IdentityPermissions.Roles)
            .WithName("GetPermissionDefinitions");
    }
}
