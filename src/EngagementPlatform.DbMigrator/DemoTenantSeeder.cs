using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity.Application.Users;
using EngagementPlatform.SaaS.Application.Tenants;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.DbMigrator;

/// <summary>
/// A demo partnership, <c>demo</c>, with one user per role, created through the same commands the API uses.
/// Every password is the configured admin password.
/// </summary>
internal static class DemoTenantSeeder
{
    public const string TenantName = "demo";

    private static readonly (string UserName, string Name, string Role, string Language)[] Users =
    [
        ("staff", "Sam Rivera (program staff)", "staff", "en"),
        ("finance", "Fran Okafor (finance)", "finance", "en"),
        ("member", "María López (council member)", "member", "es"),
    ];

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var password = configuration["App:AdminPassword"] ?? "1q2w3E*";
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var tenants = scope.ServiceProvider.GetRequiredService<ITenantStore>();
        var tenant = await tenants.FindAsync(TenantName);
        if (tenant is null)
        {
            var created = await mediator.Send(new CreateTenantCommand(
                TenantName, "Demo County Health Department + Eastside Community Coalition", "admin@demo.localhost", password, null));
            tenant = new TenantInfo(created.Id, created.Name, true);
            logger.LogInformation("Created tenant {Tenant} with its admin user", TenantName);
        }
        else
        {
            logger.LogInformation("Tenant {Tenant} exists already", TenantName);
        }

        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenant.Id, tenant.Name))
        {
            var existing = await mediator.Send(new GetUsersQuery(new(0, 1000, null), null));
            foreach (var (userName, name, role, language) in Users)
            {
                if (existing.Items.Any(u => u.UserName == userName))
                {
                    continue;
                }

                await mediator.Send(new CreateUserCommand(userName, $"{userName}@demo.localhost", password, name, [role], language));
                logger.LogInformation("Created demo user {User} ({Role})", userName, role);
            }
        }
    }
}
