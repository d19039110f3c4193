using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.SaaS.Application.Editions;
using EngagementPlatform.SaaS.Application.Tenants;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.SaaS.Http;

internal static class SaasEndpoints
{
    public static void MapSaasEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tenants = endpoints.MapGroup("/api/saas/tenants").WithTags("SaaS");
        tenants.MapPost("/", async (CreateTenantCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct);
                return Results.Created($"/api/saas/tenants/{created.Id}", created);
            })
            .RequirePermission(SaasPermissions.TenantsCreate).WithName("CreateTenant");
        tenants.MapGet("/", async ([AsParameters] PageRequest page, string? filter, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetTenantsQuery(page, filter), ct))
            .RequirePermission(SaasPermissions.Tenants).WithName("GetTenants");
        tenants.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => await mediator.Send(new GetTenantQuery(id), ct))
            .RequirePermission(SaasPermissions.Tenants).WithName("GetTenant");
        tenants.MapPut("/{id:guid}", async (Guid id, UpdateTenantRequest request, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new UpdateTenantCommand(id, request.Name, request.EditionId, request.DisplayName, request.IsActive, request.DefaultLanguage), ct))
            .RequirePermission(SaasPermissions.TenantsUpdate).WithName("UpdateTenant");
        tenants.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteTenantCommand(id), ct);
                return Results.NoContent();
            })
            .RequirePermission(SaasPermissions.TenantsDelete).WithName("DeleteTenant");

        // The partnership's own settings, for its admin (tenant side).
        endpoints.MapGet("/api/saas/my-tenant", async (IMediator mediator, CancellationToken ct) => await mediator.Send(new GetMyTenantQuery(), ct))
            .WithTags("SaaS").RequirePermission(SaasPermissions.TenantSettings).WithName("GetMyTenant");
        endpoints.MapPut("/api/saas/my-tenant", async (UpdateMyTenantCommand command, IMediator mediator, CancellationToken ct) => await mediator.Send(command, ct))
            .WithTags("SaaS").RequirePermission(SaasPermissions.TenantSettings).WithName("UpdateMyTenant");

        var editions = endpoints.MapGroup("/api/saas/editions").WithTags("SaaS");
        editions.MapGet("/", async (IMediator mediator, CancellationToken ct) => await mediator.Send(new GetEditionsQuery(), ct))
            .RequirePermission(SaasPermissions.Editions).WithName("GetEditions");
        editions.MapPost("/", async (EditionRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var edition = await mediator.Send(SaveEditionCommand.From(null, request), ct);
                return Results.Created($"/api/saas/editions/{edition.Id}", edition);
            })
            .RequirePermission(SaasPermissions.EditionsManage).WithName("CreateEdition");
        editions.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => await mediator.Send(new GetEditionQuery(id), ct))
            .RequirePermission(SaasPermissions.Editions).WithName("GetEdition");
        editions.MapPut("/{id:guid}", async (Guid id, EditionRequest request, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(SaveEditionCommand.From(id, request), ct))
            .RequirePermission(SaasPermissions.EditionsManage).WithName("UpdateEdition");
        editions.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteEditionCommand(id), ct);
                return Results.NoContent();
            })
            .RequirePermission(SaasPermissions.EditionsManage).WithName("DeleteEdition");
    }
}
