namespace EngagementPlatform.Identity.Tests;

public sealed class AuthorizationTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task A_request_without_a_token_is_401_problem_details()
    {
        using var client = app.Anonymous("alpha");
        await (await client.GetAsync("/api/identity/users")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Framework:Unauthorized");
        await (await client.GetAsync("/api/identity/my-profile")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Framework:Unauthorized");
    }

    [Fact]
    public async Task A_member_calling_an_admin_endpoint_is_403_and_nothing_is_created()
    {
        using var member = await app.ClientAsync("alpha", "alpha-member");
        var response = await member.PostAsJsonAsync("/api/identity/users", new
        {
            userName = "sneaky", email = "sneaky@alpha.test", password = ApiFixture.Password, roleNames = new[] { "admin" },
        });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        await (await member.GetAsync("/api/identity/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");

        using var admin = await app.ClientAsync("alpha", "admin");
        var users = await (await admin.GetAsync("/api/identity/users?filter=sneaky")).ReadJsonAsync();
        users.GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Staff_can_see_users_but_not_add_them()
    {
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        (await staff.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await staff.PostAsJsonAsync("/api/identity/users", new { userName = "x", email = "x@alpha.test", password = ApiFixture.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
    }

    [Fact]
    public async Task A_tenant_admin_cannot_reach_host_endpoints()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        await (await admin.GetAsync("/api/saas/tenants")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        await (await admin.PostAsJsonAsync("/api/saas/tenants", new { name = "rogue", adminEmailAddress = "r@r.test", adminPassword = ApiFixture.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
    }

    [Fact]
    public async Task Revoking_a_permission_from_a_role_takes_effect_for_its_users()
    {
        await app.CreateUserAsync("beta", "beta-staff-2", "staff");
        using var admin = await app.ClientAsync("beta", "admin");
        var roles = await (await admin.GetAsync("/api/identity/roles")).ReadJsonAsync();
        var staffRole = roles.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "staff");
        staffRole.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldContain("Identity.Users");

        var updated = await (await admin.PutAsJsonAsync($"/api/identity/roles/{staffRole.GetProperty("id").GetGuid()}/permissions", new { permissions = Array.Empty<string>() }))
            .ReadJsonAsync();
        updated.GetProperty("permissions").GetArrayLength().ShouldBe(0);

        using var staff = await app.ClientAsync("beta", "beta-staff-2");
        await (await staff.GetAsync("/api/identity/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");

        // Alpha's staff role is a different row: untouched.
        using var alphaStaff = await app.ClientAsync("alpha", "alpha-staff");
        (await alphaStaff.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Granting_an_unknown_or_host_only_permission_is_refused()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var roles = await (await admin.GetAsync("/api/identity/roles")).ReadJsonAsync();
        var memberRole = roles.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "member").GetProperty("id").GetGuid();

        foreach (var permission in new[] { "Nope.Nothing", "Saas.Tenants.Create" })
        {
            var problem = await (await admin.PutAsJsonAsync($"/api/identity/roles/{memberRole}/permissions", new { permissions = new[] { permission } }))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Identity:UnknownPermission");
            problem.GetProperty("errors").GetProperty("permissions").GetArrayLength().ShouldBe(1);
        }
    }
}
