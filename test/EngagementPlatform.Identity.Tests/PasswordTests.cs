namespace EngagementPlatform.Identity.Tests;

/// <summary>Changing one's own password, an admin's reset to a temporary one, and choosing a new one at sign-in.</summary>
public sealed class PasswordTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private const string NewPassword = "N3w-pass!word";

    [Fact]
    public async Task A_user_changes_their_password_with_the_current_one_and_only_the_new_one_works_after()
    {
        await app.CreateUserAsync("alpha", "changer");
        using var me = await app.ClientAsync("alpha", "changer");

        var wrong = await me.PostAsJsonAsync("/api/identity/my-profile/change-password", new { currentPassword = "Not-it-1", newPassword = NewPassword });
        (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrorCodes.WrongCurrentPassword))
            .GetProperty("errors").TryGetProperty("currentPassword", out _).ShouldBeTrue();
        var weak = await me.PostAsJsonAsync("/api/identity/my-profile/change-password", new { currentPassword = ApiFixture.Password, newPassword = "abc" });
        (await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrorCodes.InvalidPassword))
            .GetProperty("errors").TryGetProperty("newPassword", out _).ShouldBeTrue();
        await (await me.PostAsJsonAsync("/api/identity/my-profile/change-password", new { currentPassword = ApiFixture.Password, newPassword = ApiFixture.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrorCodes.SamePassword);
        (await app.RequestTokenAsync("alpha", "changer", ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "refused changes leave the password alone");

        var changed = await me.PostAsJsonAsync("/api/identity/my-profile/change-password", new { currentPassword = ApiFixture.Password, newPassword = NewPassword });
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.RequestTokenAsync("alpha", "changer", ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.RequestTokenAsync("alpha", "changer", NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_host_admin_can_change_the_seeded_password()
    {
        // Its own host: the other tests of this class sign in as this admin with the seeded password.
        var fixture = new ApiFixture();
        await fixture.InitializeAsync();
        try
        {
            using var host = await fixture.HostAdminAsync();
            (await host.PostAsJsonAsync("/api/identity/my-profile/change-password", new { currentPassword = ApiFixture.Password, newPassword = NewPassword }))
                .StatusCode.ShouldBe(HttpStatusCode.NoContent);
            (await fixture.RequestTokenAsync(null, "admin", ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await fixture.RequestTokenAsync(null, "admin", NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_reset_password_is_temporary_the_token_endpoint_says_so_and_the_sign_in_page_asks_for_a_new_one()
    {
        var id = await app.CreateUserAsync("alpha", "resettee");
        using var admin = await app.ClientAsync("alpha", "admin");
        (await admin.PostAsJsonAsync($"/api/identity/users/{id}/reset-password", new { newPassword = "Temp-0rary!" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await app.RequestTokenAsync("alpha", "resettee", ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the old password is gone");
        var temporary = await app.RequestTokenAsync("alpha", "resettee", "Temp-0rary!");
        temporary.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await temporary.Content.ReadFromJsonAsync<JsonElement>();
        error.GetProperty("error").GetString().ShouldBe("invalid_grant");
        error.GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.PasswordChangeRequired);

        using var pages = new SignInPages(app);
        var step = await pages.SignInAsync("alpha", "resettee", "Temp-0rary!", "/connect/authorize?x=1");
        step.StatusCode.ShouldBe(HttpStatusCode.OK);
        pages.HasSignInCookie.ShouldBeFalse("no session before the password is replaced");
        var page = await step.Content.ReadAsStringAsync();
        page.ShouldContain("name=\"newPassword\"");

        var mismatch = await pages.ChooseAsync(page, NewPassword, "Other-pass!1");
        mismatch.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mismatch.Content.ReadAsStringAsync()).ShouldContain("role=\"alert\"");
        var same = await pages.ChooseAsync(page, "Temp-0rary!");
        same.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var weak = await pages.ChooseAsync(page, "abc");
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        pages.HasSignInCookie.ShouldBeFalse();

        var chosen = await pages.ChooseAsync(page, NewPassword);
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        chosen.Headers.Location!.ToString().ShouldBe("/connect/authorize?x=1");
        pages.HasSignInCookie.ShouldBeTrue();
        (await app.RequestTokenAsync("alpha", "resettee", NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.RequestTokenAsync("alpha", "resettee", "Temp-0rary!")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The ticket was for one change: replaying the form does not set another password.
        var replay = await pages.ChooseAsync(page, "Third-pass!1");
        replay.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replay.Headers.Location!.ToString().ShouldStartWith("/account/login");
        (await app.RequestTokenAsync("alpha", "resettee", NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_resets_only_users_of_their_own_side_and_not_their_own_password()
    {
        using var alphaAdmin = await app.ClientAsync("alpha", "admin");
        using var host = await app.HostAdminAsync();
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var reset = new { newPassword = "Temp-0rary!" };
        var hostAdminId = (await (await host.GetAsync("/api/identity/my-profile")).ReadJsonAsync()).GetProperty("id").GetGuid();
        var alphaAdminId = (await (await alphaAdmin.GetAsync("/api/identity/my-profile")).ReadJsonAsync()).GetProperty("id").GetGuid();

        await (await alphaAdmin.PostAsJsonAsync($"/api/identity/users/{app.BetaMemberId}/reset-password", reset)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await alphaAdmin.PostAsJsonAsync($"/api/identity/users/{hostAdminId}/reset-password", reset)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await host.PostAsJsonAsync($"/api/identity/users/{app.AlphaMemberId}/reset-password", reset)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.PostAsJsonAsync($"/api/identity/users/{app.AlphaMemberId}/reset-password", reset)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await alphaAdmin.PostAsJsonAsync($"/api/identity/users/{alphaAdminId}/reset-password", reset))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, IdentityErrorCodes.CannotResetOwnPassword);
        await (await alphaAdmin.PostAsJsonAsync($"/api/identity/users/{app.AlphaMemberId}/reset-password", new { newPassword = "abc" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, IdentityErrorCodes.InvalidPassword);

        foreach (var (tenant, user) in new[] { ("beta", "beta-member"), ((string?)null, "admin"), ("alpha", "alpha-member") })
        {
            (await app.RequestTokenAsync(tenant, user, ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{user}@{tenant} keeps their password");
        }
    }

    [Fact]
    public async Task A_reset_lifts_a_lockout()
    {
        var id = await app.CreateUserAsync("alpha", "locked-out");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await app.RequestTokenAsync("alpha", "locked-out", "Wrong-123");
        }

        (await app.RequestTokenAsync("alpha", "locked-out", ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var admin = await app.ClientAsync("alpha", "admin");
        (await admin.PostAsJsonAsync($"/api/identity/users/{id}/reset-password", new { newPassword = "Temp-0rary!" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var user = await (await admin.GetAsync($"/api/identity/users/{id}")).ReadJsonAsync();
        user.GetProperty("isLockedOut").GetBoolean().ShouldBeFalse();
        var answer = await (await app.RequestTokenAsync("alpha", "locked-out", "Temp-0rary!")).Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.PasswordChangeRequired);
    }
}
