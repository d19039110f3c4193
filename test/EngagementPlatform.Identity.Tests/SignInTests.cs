namespace EngagementPlatform.Identity.Tests;

public sealed class SignInTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await app.CreateUserAsync("alpha", "forgetful");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await app.RequestTokenAsync("alpha", "forgetful", "Wrong-123");
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_grant");
        }

        var right = await app.RequestTokenAsync("alpha", "forgetful", ApiFixture.Password);
        right.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // The same answer as a wrong password: saying "locked" would tell a stranger the account exists.
        (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.InvalidCredentials);

        using var admin = await app.ClientAsync("alpha", "admin");
        var users = await (await admin.GetAsync("/api/identity/users?filter=forgetful")).ReadJsonAsync();
        users.GetProperty("items")[0].GetProperty("isLockedOut").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_user_cannot_sign_in_to_another_tenant()
    {
        var response = await app.RequestTokenAsync("beta", "alpha-member", ApiFixture.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_in_the_same_tenant()
    {
        var response = await app.RequestTokenAsync("alpha", "alpha-staff", ApiFixture.Password);
        var refresh = (await response.ReadJsonAsync()).GetProperty("refresh_token").GetString()!;

        using var anonymous = app.Anonymous();
        var refreshed = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "EngagementPlatform_App",
            ["refresh_token"] = refresh,
        }));
        var token = (await refreshed.ReadJsonAsync()).GetProperty("access_token").GetString();

        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var profile = await (await client.GetAsync("/api/identity/my-profile")).ReadJsonAsync();
        profile.GetProperty("userName").GetString().ShouldBe("alpha-staff");
        profile.GetProperty("tenantName").GetString().ShouldBe("alpha");
    }

    [Fact]
    public async Task The_sign_in_page_signs_in_with_a_cookie_for_the_authorization_code_flow()
    {
        using var client = app.Anonymous();
        var page = await client.GetAsync("/account/login?returnUrl=%2Fconnect%2Fauthorize");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("name=\"tenant\"");
        html.ShouldContain("<label for=\"password\">");
    }
}
