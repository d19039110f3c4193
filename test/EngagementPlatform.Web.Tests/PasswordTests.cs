namespace EngagementPlatform.Web.Tests;

/// <summary>
/// Passwords in the web app: a person changes their own on the profile page; an admin resets someone else's to a
/// temporary one, which the server's sign-in page then makes them replace.
/// </summary>
public sealed class PasswordBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string NewPassword = "N3w-Secret!";
    private const string TemporaryPassword = "Temp-0rary!";

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_user_changes_their_password_on_the_profile_page_and_signs_in_with_the_new_one()
    {
        var user = Unique("pw");
        await app.CreateUserAsync("alpha", user);
        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", user);
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/profile");
        var form = page.Locator("form.card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Change password", Level = 2 }) });
        await Assertions.Expect(form).ToBeVisibleAsync();

        // A wrong current password is said under its field, and nothing changes.
        await form.GetByLabel("Current password").FillAsync("Wr0ng-Guess!");
        await form.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await form.GetByLabel("Repeat the new password").FillAsync(NewPassword);
        await form.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-current-errors .field-error")).ToContainTextAsync("current password is not correct");
        await page.CheckPageAsync("profile-password-wrong-current");
        (await app.RequestTokenAsync("alpha", user, ApiFixture.Password)).IsSuccessStatusCode.ShouldBeTrue();

        // Two different new passwords never reach the API.
        await form.GetByLabel("Current password").FillAsync(ApiFixture.Password);
        await form.GetByLabel("Repeat the new password").FillAsync(NewPassword + "x");
        await form.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-repeat-errors .field-error")).ToHaveTextAsync("The two new passwords are not the same.");
        (await app.RequestTokenAsync("alpha", user, ApiFixture.Password)).IsSuccessStatusCode.ShouldBeTrue();

        await form.GetByLabel("Repeat the new password").FillAsync(NewPassword);
        await form.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your password is changed." })).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("Current password")).ToHaveValueAsync(string.Empty);
        await page.CheckPageAsync("profile-password-changed");
        (await app.RequestTokenAsync("alpha", user, ApiFixture.Password)).IsSuccessStatusCode.ShouldBeFalse();

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cambiar la contraseña", Level = 2 })).ToBeVisibleAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.UseLanguageAsync("en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        await page.SignInAsync("alpha", user, NewPassword);
        await Assertions.Expect(page.Locator("a.account")).ToHaveTextAsync(user);
    }

    [Fact]
    public async Task An_admin_resets_a_users_password_and_the_user_must_choose_a_new_one_at_sign_in()
    {
        var user = Unique("rs");
        await app.CreateUserAsync("alpha", user);
        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", "admin");
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();

        // The admin's own row offers no reset (their own password is changed on the profile page).
        var ownRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "admin", Exact = true }) });
        await Assertions.Expect(ownRow.GetByRole(AriaRole.Button, new() { Name = "Edit admin" })).ToBeVisibleAsync();
        await Assertions.Expect(ownRow.GetByRole(AriaRole.Button, new() { Name = "Reset password for admin" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search users" }).FillAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = user });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Reset password for {user}" }).ClickAsync();

        var form = page.Locator("form.card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"Reset the password of {user}" }) });
        var temporary = form.GetByLabel("Temporary password");
        await Assertions.Expect(temporary).ToBeFocusedAsync();
        await Assertions.Expect(form).ToContainTextAsync("must choose a new one");
        await page.CheckPageAsync("admin-users-reset-password");

        // A password the rules refuse is said under the field and changes nothing.
        await temporary.FillAsync("short");
        await form.GetByRole(AriaRole.Button, new() { Name = "Reset the password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reset-password-errors .field-error").First).ToBeVisibleAsync();
        (await app.RequestTokenAsync("alpha", user, ApiFixture.Password)).IsSuccessStatusCode.ShouldBeTrue();

        await temporary.FillAsync(TemporaryPassword);
        await form.GetByRole(AriaRole.Button, new() { Name = "Reset the password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"The password of {user} is reset. They must choose a new one at their next sign-in." })).ToBeVisibleAsync();
        await Assertions.Expect(form).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).First).ToBeVisibleAsync();

        // The user signs in with the temporary password and is asked for a new one before the app opens.
        var userPage = await app.NewPageAsync();
        await userPage.GotoAsync("/");
        await userPage.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).First.ClickAsync();
        await userPage.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await userPage.Locator("#tenant").FillAsync("alpha");
        await userPage.Locator("#userName").FillAsync(user);
        await userPage.Locator("#password").FillAsync(TemporaryPassword);
        await userPage.Locator("form button[type=submit]").ClickAsync();
        // The sign-in page answers with the change-password form (it posts to /account/change-password with a ticket).
        await Assertions.Expect(userPage.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(userPage.Locator("form[action='/account/change-password']")).ToBeVisibleAsync();
        await userPage.CheckPageAsync("account-change-password-after-reset");
        (await app.RequestTokenAsync("alpha", user, TemporaryPassword)).IsSuccessStatusCode.ShouldBeFalse();

        await userPage.Locator("#newPassword").FillAsync(NewPassword);
        await userPage.Locator("#confirmPassword").FillAsync(NewPassword);
        await userPage.Locator("form button[type=submit]").ClickAsync();
        await userPage.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal) && !url.Contains("/auth/callback", StringComparison.Ordinal));
        await Assertions.Expect(userPage.Locator("a.account")).ToHaveTextAsync(user);
        (await app.RequestTokenAsync("alpha", user, NewPassword)).IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task Staff_who_may_see_users_but_not_update_them_get_no_reset_button()
    {
        var staff = Unique("st");
        var other = Unique("ot");
        await app.CreateUserAsync("alpha", staff, "staff");
        await app.CreateUserAsync("alpha", other);
        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", staff);
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/admin/users");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search users" }).FillAsync(other);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = other });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reset password for" })).ToHaveCountAsync(0);
    }
}
