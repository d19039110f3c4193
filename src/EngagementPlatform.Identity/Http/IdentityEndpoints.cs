using EngagementPlatform.Framework.Http;
using System.Globalization;
using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Identity.Application.Profile;
using EngagementPlatform.Identity.Application.Roles;
using EngagementPlatform.Identity.Application.Users;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.Identity.Http;

internal static class IdentityEndpoints
{
    private static string SortableBy(IEnumerable<string> keys) => $"sorting: one of {string.Join(", ", keys)}, optionally followed by ' desc'.";

    public static void MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Every operation here needs a token; refusals are problem details with a Module:Reason code.
        var group = endpoints.MapGroup("/api/identity").WithTags("Identity")
            .ProducesRefusals();

        group.MapPost("/users", async Task<Created<CreatedId>> (CreateUserCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/identity/users/{created.Id}", created);
            })
            .RequirePermission(IdentityPermissions.UsersCreate)
            .WithName("CreateUser")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("Refused with 422 Saas:LimitReached (values limit, count) when the user would be an active member (the member role, "
                             + "which is the default) and the plan allows no more.");

        group.MapGet("/users", async Task<Ok<PagedResult<UserDto>>> ([AsParameters] PageRequest page, string? filter, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetUsersQuery(page, filter), ct)))
            .RequirePermission(IdentityPermissions.Users)
            .WithName("GetUsers")
            .WithDescription(SortableBy(GetUsersHandler.SortKeys.Keys));

        group.MapGet("/users/{id:guid}", async Task<Ok<UserDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetUserQuery(id), ct)))
            .RequirePermission(IdentityPermissions.Users)
            .WithName("GetUser");

        group.MapPut("/users/{id:guid}", async Task<Ok<UserDto>> (Guid id, UpdateUserRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(UpdateUserCommand.From(id, request), ct)))
            .RequirePermission(IdentityPermissions.UsersUpdate)
            .WithName("UpdateUser")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("Refused with 422 Saas:LimitReached (values limit, count) when giving an active user the member role, or "
                             + "reactivating a member, would pass the plan's limit of active members.");

        group.MapDelete("/users/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteUserCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(IdentityPermissions.UsersDelete)
            .WithName("DeleteUser");

        group.MapPost("/users/{id:guid}/reset-password", async Task<NoContent> (Guid id, ResetUserPasswordRequest request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ResetUserPasswordCommand(id, request.NewPassword), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(IdentityPermissions.UsersUpdate)
            .WithName("ResetUserPassword");

        group.MapGet("/my-profile", async Task<Ok<MyProfileDto>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMyProfileQuery(), ct)))
            .RequireAuthorization()
            .WithName("GetMyProfile");

        group.MapPut("/my-profile", async Task<Ok<MyProfileDto>> (UpdateMyProfileCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .RequireAuthorization()
            .WithName("UpdateMyProfile");

        group.MapPost("/my-profile/change-password", async Task<NoContent> (ChangeMyPasswordCommand command, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(command, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("ChangeMyPassword");

        group.MapGet("/roles", async Task<Ok<PagedResult<RoleDto>>> ([AsParameters] PageRequest page, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetRolesQuery(page), ct)))
            .RequirePermission(IdentityPermissions.Roles)
            .WithName("GetRoles")
            .WithDescription(SortableBy(GetRolesHandler.SortKeys.Keys));

        group.MapGet("/roles/{id:guid}", async Task<Ok<RoleDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetRoleQuery(id), ct)))
            .RequirePermission(IdentityPermissions.Roles)
            .WithName("GetRole");

        group.MapPut("/roles/{id:guid}/permissions", async Task<Ok<RoleDto>> (Guid id, UpdateRolePermissionsRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateRolePermissionsCommand(id, request.Permissions), ct)))
            .RequirePermission(IdentityPermissions.RolesManagePermissions)
            .WithName("UpdateRolePermissions");

        group.MapGet("/permissions", async Task<Ok<PagedResult<PermissionDto>>> ([AsParameters] PageRequest page, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPermissionDefinitionsQuery(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, page), ct)))
            .RequirePermission(IdentityPermissions.Roles)
            .WithName("GetPermissionDefinitions")
            .WithDescription(SortableBy(GetPermissionDefinitionsHandler.SortKeys) + " Without maxResultCount the whole catalogue comes back.");
    }
}
