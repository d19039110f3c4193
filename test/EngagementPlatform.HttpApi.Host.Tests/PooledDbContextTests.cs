using EngagementPlatform.EntityFrameworkCore;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>
/// The DbContext is pooled: one instance serves many scopes in turn. Each lease must see only its own tenant's rows
/// and stamp with its own user, and nothing of a lease may stay on the instance once it is back in the pool.
/// </summary>
public sealed class PooledDbContextTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task One_pooled_instance_serves_two_tenants_in_turn_each_seeing_only_its_own_rows()
    {
        var currentTenant = app.Factory.Services.GetRequiredService<ICurrentTenant>();

        EngagementPlatformDbContext first;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        using (currentTenant.Change(app.AlphaId))
        {
            first = scope.ServiceProvider.GetRequiredService<EngagementPlatformDbContext>();
            var tenants = await first.Users.Select(u => u.TenantId).ToListAsync();
            tenants.ShouldNotBeEmpty();
            tenants.ShouldAllBe(t => t == app.AlphaId);
            first.CurrentUser.ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<ICurrentUser>());
        }

        // Back in the pool: no tenant, user or clock of the lease stays on it.
        first.IsBound.ShouldBeFalse();

        // The pool hands its idle instances out in turn; lease until the first one comes back, as beta.
        var served = false;
        for (var lease = 0; lease < 2_000 && !served; lease++)
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            using var _ = currentTenant.Change(app.BetaId);
            var db = scope.ServiceProvider.GetRequiredService<EngagementPlatformDbContext>();
            if (!ReferenceEquals(db, first))
            {
                continue;
            }

            served = true;
            var tenants = await db.Users.Select(u => u.TenantId).ToListAsync();
            tenants.ShouldNotBeEmpty();
            tenants.ShouldAllBe(t => t == app.BetaId);
            db.CurrentUser.ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<ICurrentUser>());
            db.Clock.ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<IClock>());
        }

        served.ShouldBeTrue("the pool never served the first instance again");
        first.IsBound.ShouldBeFalse();
    }

    [Fact]
    public void Every_module_interface_of_a_scope_resolves_to_the_scope_s_one_context()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementPlatformDbContext>();
        scope.ServiceProvider.GetRequiredService<DbContext>().ShouldBeSameAs(db);
        scope.ServiceProvider.GetRequiredService<IIdentityDbContext>().ShouldBeSameAs(db);
        scope.ServiceProvider.GetRequiredService<IGovernanceDbContext>().ShouldBeSameAs(db);

        using var other = app.Factory.Services.CreateScope();
        other.ServiceProvider.GetRequiredService<EngagementPlatformDbContext>().ShouldNotBeSameAs(db);
    }

    [Fact]
    public async Task A_context_taken_from_the_factory_without_a_scope_refuses_to_query()
    {
        await using var unbound = await app.Factory.Services.GetRequiredService<IDbContextFactory<EngagementPlatformDbContext>>().CreateDbContextAsync();
        unbound.IsBound.ShouldBeFalse();
        await Should.ThrowAsync<InvalidOperationException>(() => unbound.Users.ToListAsync());
    }
}
