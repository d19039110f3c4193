namespace EngagementPlatform.Identity.Tests;

/// <summary>
/// The plan's ActiveMembers limit: every way a user becomes an active member (created with the role, given the role,
/// reactivated) is refused at the limit with 422 <c>Saas:LimitReached</c>, its limit and count, and no change.
/// </summary>
public sealed class ActiveMemberLimitTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private static object NewUser(string tenant, string userName, string[]? roles = null) => new
    {
        userName,
        email = $"{userName}@{tenant}.test",
        password = ApiFixture.Password,
        roleNames = roles,
    };

    /// <summary>A new tenant on an edition that allows <paramref name="activeMembers"/> members (null: no limit).</summary>
    private async Task<HttpClient> TenantWithLimitAsync(string tenant, int? activeMembers)
    {
        using var host = await app.HostAdminAsync();
        var edition = await (await host.PostAsJsonAsync("/api/saas/editions", new { name = $"{tenant} plan", limits = new { activeMembers, councils = 1 } })).ReadJsonAsync();
        var tenantId = await app.CreateTenantAsync(tenant);
        await (await host.PutAsJsonAsync($"/api/saas/tenants/{tenantId}", new { name = tenant, editionId = edition.GetProperty("id").GetGuid() })).ShouldBeSuccessAsync();
        return await app.ClientAsync(tenant, "admin");
    }

    private static async Task<Guid> CreateAsync(HttpClient admin, string tenant, string userName, params string[] roles)
    {
        var response = await admin.PostAsJsonAsync("/api/identity/users", NewUser(tenant, userName, roles));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task ShouldBeLimitAsync(HttpResponseMessage response, int limit, int count)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Saas:LimitReached");
        problem.GetProperty("limit").GetInt32().ShouldBe(limit);
        problem.GetProperty("count").GetInt64().ShouldBe(count);
        problem.GetProperty("title").GetString()!.ShouldContain($"at most {limit}");
    }

    private static async Task<JsonElement> UserAsync(HttpClient admin, Guid id) => await (await admin.GetAsync($"/api/identity/users/{id}")).ReadJsonAsync();

    private static async Task<long> UserCountAsync(HttpClient admin)
        => (await (await admin.GetAsync("/api/identity/users?maxResultCount=1")).ReadJsonAsync()).GetProperty("totalCount").GetInt64();

    private static string[] Roles(JsonElement user) => user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();

    [Fact]
    public async Task At_the_limit_creating_granting_and_reactivating_a_member_are_refused_and_change_nothing()
    {
        const string tenant = "capped";
        using var admin = await TenantWithLimitAsync(tenant, 2);

        // Under the limit: members are created; other roles never count.
        await CreateAsync(admin, tenant, "first", "member");
        var second = await CreateAsync(admin, tenant, "second", "member");
        var staff = await CreateAsync(admin, tenant, "helper", "staff");
        var users = await UserCountAsync(admin);

        // Creating a member, whether the role is named or left to the default, is refused.
        await ShouldBeLimitAsync(await admin.PostAsJsonAsync("/api/identity/users", NewUser(tenant, "third", ["member"])), 2, 2);
        await ShouldBeLimitAsync(await admin.PostAsJsonAsync("/api/identity/users", NewUser(tenant, "default-role")), 2, 2);
        await ShouldBeLimitAsync(await admin.PostAsJsonAsync("/api/identity/users", NewUser(tenant, "both", ["staff", "Member"])), 2, 2);
        (await UserCountAsync(admin)).ShouldBe(users);

        // Giving an active user the member role is refused, and the user keeps their roles and details.
        await ShouldBeLimitAsync(await admin.PutAsJsonAsync($"/api/identity/users/{staff}", new { email = "new@capped.test", name = "Renamed", roleNames = new[] { "staff", "member" } }), 2, 2);
        var unchanged = await UserAsync(admin, staff);
        Roles(unchanged).ShouldBe(["staff"]);
        unchanged.GetProperty("email").GetString().ShouldBe("helper@capped.test");
        unchanged.GetProperty("name").GetString().ShouldBe("helper");

        // A member already counted may still be edited.
        (await admin.PutAsJsonAsync($"/api/identity/users/{second}", new { email = "second@capped.test", name = "Second person" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A deactivated member does not count: their place goes to someone new.
        var deactivated = await (await admin.PutAsJsonAsync($"/api/identity/users/{second}", new { email = "second@capped.test", isActive = false })).ReadJsonAsync();
        deactivated.GetProperty("isActive").GetBoolean().ShouldBeFalse();
        var third = await CreateAsync(admin, tenant, "third", "member");

        // Reactivating the deactivated member would be a third: refused, and they stay deactivated.
        await ShouldBeLimitAsync(await admin.PutAsJsonAsync($"/api/identity/users/{second}", new { email = "second@capped.test", isActive = true }), 2, 2);
        (await UserAsync(admin, second)).GetProperty("isActive").GetBoolean().ShouldBeFalse();

        // A deactivated user may be given the member role (they take no place) but not reactivated with it.
        var idle = await CreateAsync(admin, tenant, "idle", "staff");
        (await admin.PutAsJsonAsync($"/api/identity/users/{idle}", new { email = "idle@capped.test", isActive = false, roleNames = new[] { "member" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeLimitAsync(await admin.PutAsJsonAsync($"/api/identity/users/{idle}", new { email = "idle@capped.test", isActive = true }), 2, 2);

        // A deleted member frees the place too: now the reactivation goes through.
        (await admin.DeleteAsync($"/api/identity/users/{third}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var back = await (await admin.PutAsJsonAsync($"/api/identity/users/{second}", new { email = "second@capped.test", isActive = true })).ReadJsonAsync();
        back.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        Roles(back).ShouldBe(["member"]);
    }

    [Fact]
    public async Task Members_added_at_the_same_moment_never_exceed_the_limit()
    {
        const string tenant = "rush";
        using var admin = await TenantWithLimitAsync(tenant, 3);
        await CreateAsync(admin, tenant, "one", "member");
        await CreateAsync(admin, tenant, "two", "member");

        // Eight admins' requests for the last place at once: one gets it, the others are told the plan is full.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => admin.PostAsJsonAsync("/api/identity/users", NewUser(tenant, $"racer{i}", ["member"]))));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await ShouldBeLimitAsync(refused, 3, 3);
        }

        var members = await (await admin.GetAsync("/api/identity/users?maxResultCount=100")).ReadJsonAsync();
        members.GetProperty("items").EnumerateArray().Count(u => Roles(u).Contains("member")).ShouldBe(3);
    }

    [Fact]
    public async Task A_plan_without_a_member_limit_and_a_tenant_without_a_plan_are_unlimited()
    {
        const string tenant = "open-plan";
        using var admin = await TenantWithLimitAsync(tenant, null);
        for (var i = 0; i < 4; i++)
        {
            await CreateAsync(admin, tenant, $"member{i}", "member");
        }

        // alpha has no edition at all.
        using var alpha = await app.ClientAsync("alpha", "admin");
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(alpha, "alpha", $"unlimited{i}", "member");
        }
    }
}
