namespace EngagementPlatform.Identity.Tests;

/// <summary>
/// An access token stays valid for an hour, but what it lets its holder do follows the user's current roles and
/// state from the very next request: the same token is used throughout each test, never a fresh one.
/// </summary>
public sealed class AccessChangeTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task A_demoted_staff_token_is_refused_at_once_and_works_again_when_the_role_is_given_back()
    {
        var userId = await app.CreateUserAsync("alpha", "demoted-staff", "staff");
        using var staff = await app.ClientAsync("alpha", "demoted-staff");
        using var admin = await app.ClientAsync("alpha", "admin");

        (await CreateCouncilAsync(staff, "Before the demotion")).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await admin.PutAsJsonAsync($"/api/identity/users/{userId}", Update("demoted-staff", ["member"], isActive: true))).ShouldBeSuccessAsync();
        await (await CreateCouncilAsync(staff, "After the demotion")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        (await staff.GetAsync("/api/governance/councils")).StatusCode.ShouldBe(HttpStatusCode.OK); // still a member: members may look

        await (await admin.PutAsJsonAsync($"/api/identity/users/{userId}", Update("demoted-staff", ["member", "staff"], isActive: true))).ShouldBeSuccessAsync();
        (await CreateCouncilAsync(staff, "Staff again")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var councils = await (await admin.GetAsync("/api/governance/councils?maxResultCount=100")).ReadJsonAsync();
        var names = councils.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        names.ShouldContain("Before the demotion");
        names.ShouldContain("Staff again");
        names.ShouldNotContain("After the demotion");
    }

    [Fact]
    public async Task A_deactivated_user_token_is_refused_at_once_and_works_again_when_reactivated()
    {
        var userId = await app.CreateUserAsync("alpha", "paused-staff", "staff");
        using var staff = await app.ClientAsync("alpha", "paused-staff");
        using var admin = await app.ClientAsync("alpha", "admin");
        (await staff.GetAsync("/api/identity/my-profile")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await admin.PutAsJsonAsync($"/api/identity/users/{userId}", Update("paused-staff", ["staff"], isActive: false))).ShouldBeSuccessAsync();
        await (await staff.GetAsync("/api/identity/my-profile")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Framework:Unauthorized");
        await (await CreateCouncilAsync(staff, "While deactivated")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Framework:Unauthorized");

        await (await admin.PutAsJsonAsync($"/api/identity/users/{userId}", Update("paused-staff", ["staff"], isActive: true))).ShouldBeSuccessAsync();
        (await staff.GetAsync("/api/identity/my-profile")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CreateCouncilAsync(staff, "Reactivated")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_deleted_user_token_is_refused_at_once()
    {
        var userId = await app.CreateUserAsync("beta", "leaving-staff", "staff");
        using var staff = await app.ClientAsync("beta", "leaving-staff");
        using var admin = await app.ClientAsync("beta", "admin");
        (await staff.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await admin.DeleteAsync($"/api/identity/users/{userId}")).ShouldBeSuccessAsync();
        await (await staff.GetAsync("/api/identity/users")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Framework:Unauthorized");
        await (await staff.GetAsync("/api/identity/my-profile")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Framework:Unauthorized");
    }

    private static Task<HttpResponseMessage> CreateCouncilAsync(HttpClient client, string name)
        => client.PostAsJsonAsync("/api/governance/councils", new { name });

    private static object Update(string userName, string[] roleNames, bool isActive)
        => new { email = $"{userName}@alpha.test", roleNames, isActive };
}
