using EngagementPlatform.DbMigrator.Demo;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity.Application.Users;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.SaaS.Application.Editions;
using EngagementPlatform.SaaS.Application.Tenants;
using EngagementPlatform.SaaS.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.DbMigrator;

/// <summary>
/// A demo partnership, <c>demo</c>: one user per role, a handful of council members, and then whatever each module's
/// <see cref="IDemoDataContributor"/> adds (a council with meetings and decisions, ...), all created through the same
/// commands the API uses. Every password is the configured admin password. Running it again adds nothing.
/// </summary>
internal static class DemoTenantSeeder
{
    public const string TenantName = "demo";

    /// <summary>The people of the demo; <c>admin</c> comes with the tenant.</summary>
    internal static readonly DemoUser[] Users =
    [
        new("staff", "Sam Rivera (program staff)", "staff", "en"),
        new("finance", "Fran Okafor (finance)", "finance", "en"),
        new("member", "María López (council member)", "member", "es"),
        new("aisha", "Aisha Bello", "member", "en"),
        new("jorge", "Jorge Hernández", "member", "es"),
        new("linh", "Linh Tran", "member", "en"),
        new("rosa", "Rosa Delgado", "member", "es"),
        new("priya", "Dr. Priya Patel", "member", "en"),
        // Signatories of the data-sharing agreements: a partner organization's contact and a university's.
        new("tomas", "Tomás Reyes (Eastside Community Coalition)", "member", "es"),
        new("grace", "Dr. Grace Mensah (Riverside State University)", "member", "en"),
    ];

    /// <summary>
    /// What each module adds to the demo, in order: a later contributor may rely on an earlier one's data (a payment
    /// for attendance needs the meeting). Each one checks what is there already, so a second run adds nothing.
    /// </summary>
    internal static readonly IDemoDataContributor[] Contributors =
    [
        new CompensationRatesDemoData(), // before the council's past meeting, so its attendance is paid
        new GovernanceDemoData(),
        new CompensationDemoData(),
        new CompensationReportsDemoData(),
        new DataSharingDemoData(),
    ];

    /// <summary>The demo's plan: the optional modules built so far (compensation, data sharing) are on, so a newcomer sees them working.</summary>
    public const string EditionName = "Demo partnership plan";

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        var password = configuration["App:AdminPassword"] ?? "1q2w3E*";
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var tenants = scope.ServiceProvider.GetRequiredService<ITenantStore>();

        // Read from the table, not the tenant store: the store caches "no such tenant" for a while, which would hide
        // a demo tenant created earlier in this process and make a second run try to create it again.
        var tenant = await scope.ServiceProvider.GetRequiredService<ISaasDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Name == TenantName)
            .Select(t => new TenantInfo(t.Id, t.Name, t.IsActive, t.DefaultLanguage, t.TimeZone))
            .FirstOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            var created = await mediator.Send(new CreateTenantCommand(
                TenantName, "Demo County Health Department + Eastside Community Coalition", "admin@demo.localhost", password, null), cancellationToken);
            tenant = await tenants.FindAsync(created.Id, cancellationToken) ?? new TenantInfo(created.Id, TenantName, true);
            logger.LogInformation("Created tenant {Tenant} with its admin user", TenantName);
        }
        else
        {
            logger.LogInformation("Tenant {Tenant} exists already", TenantName);
        }

        await EnsurePlanAsync(mediator, tenant.Id, logger, cancellationToken);

        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenant.Id, tenant.Name))
        {
            var existing = await mediator.Send(new GetUsersQuery(new(0, 1000, null), null), cancellationToken);
            foreach (var user in Users)
            {
                if (existing.Items.Any(u => u.UserName == user.UserName))
                {
                    continue;
                }

                await mediator.Send(new CreateUserCommand(user.UserName, $"{user.UserName}@demo.localhost", password, user.Name, [user.Role], user.Language), cancellationToken);
                logger.LogInformation("Created demo user {User} ({Role})", user.UserName, user.Role);
            }

            var people = (await mediator.Send(new GetUsersQuery(new(0, 1000, null), null), cancellationToken)).Items
                .ToDictionary(u => u.UserName, u => new DemoPerson(u.Id, u.UserName, u.Name, u.Roles), StringComparer.Ordinal);
            var context = new DemoContext(scope.ServiceProvider, tenant, people, logger);
            foreach (var contributor in Contributors)
            {
                logger.LogInformation("Demo data: {Contributor}", contributor.Name);
                await contributor.SeedAsync(context, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Puts the demo on a plan with the optional modules built so far on (the plan is made once, and a plan made by an
    /// older seeder gets the features added since); a demo tenant already on another plan keeps it.
    /// </summary>
    private static async Task EnsurePlanAsync(IMediator mediator, Guid tenantId, ILogger logger, CancellationToken cancellationToken)
    {
        var editions = await mediator.Send(new GetEditionsQuery(new(0, PageRequest.MaxMaxResultCount, null)), cancellationToken);
        var demoPlan = editions.Items.FirstOrDefault(e => e.Name == EditionName);
        if (demoPlan is not null && !(demoPlan.Features.Compensation && demoPlan.Features.DataSharing))
        {
            await mediator.Send(new UpdateEditionCommand(demoPlan.Id, new EditionRequest(
                demoPlan.Name, demoPlan.StripePriceId, demoPlan.Features with { Compensation = true, DataSharing = true }, demoPlan.Limits)), cancellationToken);
            logger.LogInformation("Turned on the demo features of the plan {Edition}", EditionName);
        }

        var current = await mediator.Send(new GetTenantQuery(tenantId), cancellationToken);
        if (current.EditionId is not null)
        {
            return;
        }

        var editionId = demoPlan?.Id
                        ?? (await mediator.Send(new CreateEditionCommand(new EditionRequest(
                            EditionName, null, new EditionFeaturesDto(Compensation: true, DataSharing: true, Assessments: false, StripePayouts: false), null)), cancellationToken)).Id;
        await mediator.Send(new UpdateTenantCommand(tenantId, current.Name, editionId, null, null), cancellationToken);
        logger.LogInformation("Put tenant {Tenant} on the plan {Edition}", TenantName, EditionName);
    }
}
