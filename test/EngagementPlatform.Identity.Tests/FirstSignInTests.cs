namespace EngagementPlatform.Identity.Tests;

/// <summary>The production setting: passwords someone else chose are replaced by their owner at first sign-in.</summary>
public sealed class FirstSignInFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:Passwords:ChangeAssignedPasswordAtFirstSignIn"] = "true",
    };
}

public sealed class FirstSignInTests(FirstSignInFixture app) : IClassFixture<FirstSignInFixture>
{
    [Fact]
    public async Task A_new_tenants_admin_chooses_their_own_password_before_anything_else_so_the_operator_never_keeps_it()
    {
        await app.CreateTenantAsync("gamma");

        var refused = await app.RequestTokenAsync("gamma", "admin", ApiFixture.Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.PasswordChangeRequired);

        using var pages = new SignInPages(app);
        var page = await (await pages.SignInAsync("gamma", "admin", ApiFixture.Password)).Content.ReadAsStringAsync();
        (await pages.ChooseAsync(page, "Gamma-owner!1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.RequestTokenAsync("gamma", "admin", ApiFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the operator's password is gone");
        (await app.RequestTokenAsync("gamma", "admin", "Gamma-owner!1")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_user_an_admin_creates_changes_the_password_at_first_sign_in_and_a_wrong_one_still_gets_the_plain_answer()
    {
        await app.CreateTenantAsync("delta");
        using (var pages = new SignInPages(app))
        {
            var page = await (await pages.SignInAsync("delta", "admin", ApiFixture.Password)).Content.ReadAsStringAsync();
            (await pages.ChooseAsync(page, "Delta-owner!1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var admin = await app.ClientAsync("delta", "admin", "Delta-owner!1");
        await (await admin.PostAsJsonAsync("/api/identity/users", new { userName = "newbie", email = "newbie@delta.test", password = ApiFixture.Password }))
            .ShouldBeSuccessAsync();

        // Only the right password learns that a change is due; a wrong one gets the answer everyone gets.
        var wrong = await (await app.RequestTokenAsync("delta", "newbie", "Wrong-123")).Content.ReadFromJsonAsync<JsonElement>();
        wrong.GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.InvalidCredentials);
        var right = await (await app.RequestTokenAsync("delta", "newbie", ApiFixture.Password)).Content.ReadFromJsonAsync<JsonElement>();
        right.GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.PasswordChangeRequired);
    }
}
