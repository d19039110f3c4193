namespace EngagementPlatform.Identity.Tests;

public sealed class TenantIsolationTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task Each_tenant_lists_only_its_own_users()
    {
        using var alpha = await app.ClientAsync("alpha", "admin");
        using var beta = await app.ClientAsync("beta", "admin");

        var alphaUsers = (await (await alpha.GetAsync("/api/identity/users?maxResultCount=1000")).ReadJsonAsync()).GetProperty("items")
            .EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        var betaUsers = (await (await beta.GetAsync("/api/identity/users?maxResultCount=1000")).ReadJsonAsync()).GetProperty("items")
            .EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();

        alphaUsers.ShouldContain("alpha-member");
        alphaUsers.ShouldNotContain(n => n!.StartsWith("beta", StringComparison.Ordinal));
        betaUsers.ShouldContain("beta-member");
        betaUsers.ShouldNotContain(n => n!.StartsWith("alpha", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_of_another_tenant_is_not_found_and_cannot_be_changed()
    {
        using var alpha = await app.ClientAsync("alpha", "admin");
        var path = $"/api/identity/users/{app.BetaMemberId}";

        await (await alpha.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await alpha.PutAsJsonAsync(path, new { email = "taken@alpha.test", name = "Hijacked", roleNames = new[] { "admin" } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await alpha.DeleteAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");

        using var beta = await app.ClientAsync("beta", "admin");
        var member = await (await beta.GetAsync(path)).ReadJsonAsync();
        member.GetProperty("name").GetString().ShouldBe("beta-member");
        member.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["member"]);
    }

    [Theory]
    [InlineData("__tenant")]
    [InlineData("X-Tenant")]
    public async Task A_token_of_one_tenant_sent_with_another_tenant_header_is_forbidden(string header)
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("alpha", "admin"));
        client.DefaultRequestHeaders.Add(header, "beta");

        await (await client.GetAsync("/api/identity/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Saas:TenantMismatch");
    }

    [Fact]
    public async Task A_host_token_cannot_be_pointed_at_a_tenant()
    {
        using var client = app.Anonymous("alpha");
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(null, "admin"));

        await (await client.GetAsync("/api/identity/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Saas:TenantMismatch");
    }

    [Fact]
    public async Task The_same_user_name_can_exist_in_two_tenants_without_crossing_over()
    {
        await app.CreateUserAsync("alpha", "sam");
        await app.CreateUserAsync("beta", "sam");

        using var alphaSam = await app.ClientAsync("alpha", "sam");
        using var betaSam = await app.ClientAsync("beta", "sam");
        var alphaProfile = await (await alphaSam.GetAsync("/api/identity/my-profile")).ReadJsonAsync();
        var betaProfile = await (await betaSam.GetAsync("/api/identity/my-profile")).ReadJsonAsync();

        alphaProfile.GetProperty("tenantName").GetString().ShouldBe("alpha");
        betaProfile.GetProperty("tenantName").GetString().ShouldBe("beta");
        alphaProfile.GetProperty("id").GetGuid().ShouldNotBe(betaProfile.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_unknown_tenant_header_is_a_clear_404()
    {
        using var client = app.Anonymous("no-such-partnership");
        var problem = await (await client.GetAsync("/api/identity/users")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Saas:TenantNotFound");
        problem.GetProperty("title").GetString()!.ShouldContain("no-such-partnership");
    }
}
