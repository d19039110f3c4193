using EngagementPlatform.Framework.Http;
using EngagementPlatform.Framework.Application;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.SaaS.Application.Editions;
using EngagementPlatform.SaaS.Application.Tenants;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.SaaS.Http;

internal static class SaasEndpoints
{
    private static string SortableBy(IEnumerable<string> keys) => $"sorting: one of {string.Join(", ", keys)}, optionally followed by ' desc'.";

    public static void MapSaasEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Every SaaS operation needs a token; refusals are problem details with a Module:Reason code.
        var saas = endpoints.MapGroup("/api/saas").WithTags("SaaS")
            .ProducesRefusals();
        var tenants = saas.MapGroup("/tenants");
        tenants.MapPost("/", async Task<Created<CreatedId>> (CreateTenantCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/saas/tenants/{created.Id}", created);
            })
            .RequirePermission(SaasPermissions.TenantsCreate).WithName("CreateTenant");
        tenants.MapGet("/", async Task<Ok<PagedResult<TenantDto>>> ([AsParameters] PageRequest page, string? filter, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTenantsQuery(page, filter), ct)))
            .RequirePermission(SaasPermissions.Tenants).WithName("GetTenants")
            .WithDescription(SortableBy(GetTenantsHandler.SortKeys.Keys));
        tenants.MapGet("/{id:guid}", async Task<Ok<TenantDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTenantQuery(id), ct)))
            .RequirePermission(SaasPermissions.Tenants).WithName("GetTenant");
        tenants.MapPut("/{id:guid}", async Task<Ok<TenantDto>> (Guid id, UpdateTenantRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateTenantCommand(id, request.Name, request.EditionId, request.DisplayName, request.IsActive, request.DefaultLanguage), ct)))
            .RequirePermission(SaasPermissions.TenantsUpdate).WithName("UpdateTenant");
        tenants.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteTenantCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(SaasPermissions.TenantsDelete).WithName("DeleteTenant");

        // The partnership's own settings, for its admin (tenant side).
        saas.MapGet("/my-tenant", async Task<Ok<MyTenantDto>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetMyTenantQuery(), ct)))
            .RequirePermission(SaasPermissions.TenantSettings).WithName("GetMyTenant");
        saas.MapPut("/my-tenant", async Task<Ok<MyTenantDto>> (UpdateMyTenantCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .RequirePermission(SaasPermissions.TenantSettings).WithName("UpdateMyTenant");

        var editions = saas.MapGroup("/editions");
        editions.MapGet("/", async Task<Ok<PagedResult<EditionDto>>> ([AsParameters] PageRequest page, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetEditionsQuery(page), ct)))
            .RequirePermission(SaasPermissions.Editions).WithName("GetEditions")
            .WithDescription(SortableBy(GetEditionsHandler.SortKeys.Keys));
        editions.MapPost("/", async Task<Created<CreatedId>> (EditionRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateEditionCommand(request), ct);
                return TypedResults.Created($"/api/saas/editions/{created.Id}", created);
            })
            .RequirePermission(SaasPermissions.EditionsManage).WithName("CreateEdition");
        editions.MapGet("/{id:guid}", async Task<Ok<EditionDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetEditionQuery(id), ct)))
            .RequirePermission(SaasPermissions.Editions).WithName("GetEdition");
        editions.MapPut("/{id:guid}", async Task<Ok<EditionDto>> (Guid id, EditionRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateEditionCommand(id, request), ct)))
            .RequirePermission(SaasPermissions.EditionsManage).WithName("UpdateEdition");
        editions.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteEditionCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(SaasPermissions.EditionsManage).WithName("DeleteEdition");
    }
}
