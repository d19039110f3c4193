namespace EngagementPlatform.Identity.Tests;

public sealed class UserManagementTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task Missing_fields_are_400_with_an_error_per_field_and_nothing_is_created()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var before = await CountAsync(admin);

        var problem = await (await admin.PostAsJsonAsync("/api/identity/users", new { name = "No user name" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("userName", out _).ShouldBeTrue();
        errors.TryGetProperty("email", out _).ShouldBeTrue();
        errors.TryGetProperty("password", out _).ShouldBeTrue();

        (await CountAsync(admin)).ShouldBe(before);
    }

    [Fact]
    public async Task A_weak_password_a_duplicate_user_name_and_an_unknown_role_are_refused_with_codes()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var before = await CountAsync(admin);

        var weak = await (await admin.PostAsJsonAsync("/api/identity/users", new { userName = "weak", email = "weak@alpha.test", password = "abc" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Identity:InvalidPassword");
        weak.GetProperty("errors").GetProperty("password").GetArrayLength().ShouldBeGreaterThan(0);

        await (await admin.PostAsJsonAsync("/api/identity/users", new { userName = "alpha-member", email = "other@alpha.test", password = ApiFixture.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Identity:DuplicateUserName");

        await (await admin.PostAsJsonAsync("/api/identity/users", new { userName = "roleless", email = "roleless@alpha.test", password = ApiFixture.Password, roleNames = new[] { "emperor" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Identity:UnknownRole");

        (await CountAsync(admin)).ShouldBe(before);
    }

    [Fact]
    public async Task Promoting_a_member_to_staff_lets_them_see_users()
    {
        var id = await app.CreateUserAsync("alpha", "rising");
        using var admin = await app.ClientAsync("alpha", "admin");
        var updated = await (await admin.PutAsJsonAsync($"/api/identity/users/{id}", new { email = "rising@alpha.test", roleNames = new[] { "staff" }, preferredLanguage = "es" }))
            .ReadJsonAsync();
        updated.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["staff"]);
        updated.GetProperty("preferredLanguage").GetString().ShouldBe("es");

        using var rising = await app.ClientAsync("alpha", "rising");
        (await rising.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deleted_user_disappears_and_cannot_sign_in()
    {
        var id = await app.CreateUserAsync("alpha", "leaving");
        using var admin = await app.ClientAsync("alpha", "admin");
        (await admin.DeleteAsync($"/api/identity/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync($"/api/identity/users/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await app.RequestTokenAsync("alpha", "leaving", ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The name is free again for someone new.
        await app.CreateUserAsync("alpha", "leaving");
    }

    [Fact]
    public async Task Admins_cannot_delete_themselves()
    {
        using var admin = await app.ClientAsync("beta", "admin");
        var me = await (await admin.GetAsync("/api/identity/my-profile")).ReadJsonAsync();
        await (await admin.DeleteAsync($"/api/identity/users/{me.GetProperty("id").GetGuid()}"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Identity:CannotDeleteSelf");
    }

    [Fact]
    public async Task A_member_updates_their_own_language_and_errors_follow_the_request_language()
    {
        using var member = await app.ClientAsync("beta", "beta-member");
        var profile = await (await member.PutAsJsonAsync("/api/identity/my-profile", new { preferredLanguage = "es" })).ReadJsonAsync();
        profile.GetProperty("preferredLanguage").GetString().ShouldBe("es");

        member.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var problem = await (await member.GetAsync("/api/identity/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        problem.GetProperty("title").GetString().ShouldBe("No tiene permiso para hacer esto. Consulte a un administrador de su alianza.");
    }

    [Fact]
    public async Task Lists_page_and_sort()
    {
        using var admin = await app.ClientAsync("beta", "admin");
        var page = await (await admin.GetAsync("/api/identity/users?skipCount=1&maxResultCount=2&sorting=userName desc")).ReadJsonAsync();
        var all = await (await admin.GetAsync("/api/identity/users?maxResultCount=1000&sorting=userName desc")).ReadJsonAsync();

        page.GetProperty("totalCount").GetInt32().ShouldBe(all.GetProperty("totalCount").GetInt32());
        page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString())
            .ShouldBe(all.GetProperty("items").EnumerateArray().Skip(1).Take(2).Select(u => u.GetProperty("userName").GetString()));
    }

    private static async Task<int> CountAsync(HttpClient admin)
        => (await (await admin.GetAsync("/api/identity/users")).ReadJsonAsync()).GetProperty("totalCount").GetInt32();
}
