using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Framework.Tests;

public sealed class DataSeederTests
{
    private static readonly Guid Alpha = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid Beta = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");

    private readonly CurrentTenant _currentTenant = new();

    private sealed class RecordingContributor(string name, ICurrentTenant currentTenant, List<string> log, bool fail = false) : IDataSeedContributor
    {
        public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
        {
            await Task.Yield();
            log.Add($"{name}: tenant {currentTenant.Id?.ToString() ?? "host"}, admin {context.Properties.GetValueOrDefault(DataSeedContext.AdminEmail)}");
            if (fail)
            {
                throw new InvalidOperationException("seeding failed");
            }
        }
    }

    [Fact]
    public async Task Every_contributor_runs_in_order_in_the_tenant_being_seeded()
    {
        var log = new List<string>();
        var seeder = new DataSeeder(
            [new RecordingContributor("roles", _currentTenant, log), new RecordingContributor("templates", _currentTenant, log)],
            _currentTenant);

        await seeder.SeedAsync(new DataSeedContext(Alpha).With(DataSeedContext.AdminEmail, "admin@alpha.org"));

        log.ShouldBe(
        [
            $"roles: tenant {Alpha}, admin admin@alpha.org",
            $"templates: tenant {Alpha}, admin admin@alpha.org",
        ]);
    }

    [Fact]
    public async Task Seeding_the_host_from_inside_a_tenant_runs_on_the_host_and_then_restores_the_tenant()
    {
        var log = new List<string>();
        var seeder = new DataSeeder([new RecordingContributor("roles", _currentTenant, log)], _currentTenant);

        using (_currentTenant.Change(Beta, "beta"))
        {
            await seeder.SeedAsync(new DataSeedContext(tenantId: null));

            log.ShouldBe(["roles: tenant host, admin "]);
            _currentTenant.Id.ShouldBe(Beta);
            _currentTenant.Name.ShouldBe("beta");
        }
    }

    [Fact]
    public async Task A_failing_contributor_stops_seeding_and_the_previous_tenant_is_restored()
    {
        var log = new List<string>();
        var seeder = new DataSeeder(
            [new RecordingContributor("roles", _currentTenant, log, fail: true), new RecordingContributor("templates", _currentTenant, log)],
            _currentTenant);

        using (_currentTenant.Change(Beta, "beta"))
        {
            await Should.ThrowAsync<InvalidOperationException>(() => seeder.SeedAsync(new DataSeedContext(Alpha)));

            log.ShouldBe([$"roles: tenant {Alpha}, admin "]);
            _currentTenant.Id.ShouldBe(Beta);
        }
    }
}
