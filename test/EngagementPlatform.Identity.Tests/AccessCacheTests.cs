using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Identity.Tests;

/// <summary>
/// The per-node caches an authenticated request reads (<see cref="UserAccessCache"/> for the user's state and grants,
/// the tenant cache for the partnership): with both warm a request asks the database nothing about who the caller is,
/// and every change that takes power away still applies from the very next request, with the same, already cached
/// token (docs/adr/0007, docs/security.md "Access tokens and caches").
/// </summary>
public sealed class AccessCacheTests(QueryCountFixture app) : IClassFixture<QueryCountFixture>
{
    [Fact]
    public async Task A_warm_authenticated_request_sends_no_identity_or_tenant_statement()
    {
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        (await staff.GetAsync("/api/identity/users?maxResultCount=1")).StatusCode.ShouldBe(HttpStatusCode.OK); // warms both caches

        using var sql = app.Sql.Record();
        // Permission-protected, handled by another module: everything identity or saas sent would be the caches' misses.
        (await staff.GetAsync("/api/governance/councils?maxResultCount=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // No handler at all: authentication, the active-user check and tenant resolution only.
        await (await staff.GetAsync("/api/nothing/here")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:RouteNotFound");

        sql.For("/api/governance/councils").Where(s => s.Touches("identity") || s.Touches("saas")).Select(s => s.Sql).ShouldBeEmpty();
        sql.For("/api/governance/councils").ShouldNotBeEmpty(); // the counter sees the handler's own statements
        sql.For("/api/nothing/here").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cold_authenticated_request_reads_the_user_and_grants_once_and_the_next_one_nothing()
    {
        app.Factory.Services.GetRequiredService<UserAccessCache>().Invalidate();
        using var member = await app.ClientAsync("beta", "beta-member");

        using var sql = app.Sql.Record();
        (await member.GetAsync("/api/governance/councils?maxResultCount=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The active-user check and the permission check share one load, one statement: the user by key with the
        // grants of their roles joined to it.
        sql.For("/api/governance/councils").Count(s => s.Touches("identity")).ShouldBe(1);

        sql.Clear();
        (await member.GetAsync("/api/governance/councils?maxResultCount=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        sql.For("/api/governance/councils").ShouldNotContain(s => s.Touches("identity") || s.Touches("saas"));
    }

    [Fact]
    public async Task Removing_a_grant_from_a_role_applies_to_a_warm_token_at_once()
    {
        await app.CreateTenantAsync("grants");
        await app.CreateUserAsync("grants", "grants-staff", "staff");
        using var staff = await app.ClientAsync("grants", "grants-staff");
        using var admin = await app.ClientAsync("grants", "admin");
        (await staff.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK); // cached: may see users

        var roles = await (await admin.GetAsync("/api/identity/roles")).ReadJsonAsync();
        var staffRole = roles.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "staff");
        var kept = staffRole.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Where(p => p != "Identity.Users").ToArray();
        await (await admin.PutAsJsonAsync($"/api/identity/roles/{staffRole.GetProperty("id").GetGuid()}/permissions", new { permissions = kept }))
            .ShouldBeSuccessAsync();

        await (await staff.GetAsync("/api/identity/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        (await staff.GetAsync("/api/governance/councils")).StatusCode.ShouldBe(HttpStatusCode.OK); // the rest of the role stays
    }

    [Fact]
    public async Task Deleting_a_role_applies_to_its_holders_warm_tokens_at_once()
    {
        // No endpoint deletes a role today; whatever does so saves through EF, which is what the cache follows.
        var tenantId = await app.CreateTenantAsync("norole");
        await app.CreateUserAsync("norole", "norole-staff", "staff");
        using var staff = await app.ClientAsync("norole", "norole-staff");
        (await staff.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK); // cached: staff

        using (var scope = app.Factory.Services.CreateScope())
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId, "norole"))
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<Role>>();
            var role = (await roles.FindByNameAsync("staff")).ShouldNotBeNull();
            (await roles.DeleteAsync(role)).Succeeded.ShouldBeTrue();
        }

        await (await staff.GetAsync("/api/identity/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
    }
}
