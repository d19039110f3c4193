namespace EngagementPlatform.Web.Tests;

public sealed class ShellTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_start_page_is_accessible_and_signing_in_with_code_and_PKCE_shows_the_permitted_navigation()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        await page.CheckPageAsync("start");

        await page.SignInAsync("alpha", "admin");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Councils" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToBeVisibleAsync();
        // Host-only pages are not offered to a partnership.
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Partnerships" })).ToHaveCountAsync(0);
        await page.CheckPageAsync("home-tenant-admin");
    }

    [Fact]
    public async Task A_member_sees_only_member_pages_and_the_host_admin_sees_the_host_pages()
    {
        await app.CreateUserAsync("alpha", "shell-member", "member");
        var member = await app.NewPageAsync(360, 740);
        await member.SignInAsync("alpha", "shell-member");
        await member.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        var nav = member.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Decisions" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await member.CheckPageAsync("home-member-phone");

        var host = await app.NewPageAsync();
        await host.SignInAsync(null, "admin");
        var hostNav = host.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Assertions.Expect(hostNav.GetByRole(AriaRole.Link, new() { Name = "Partnerships" })).ToBeVisibleAsync();
        await Assertions.Expect(hostNav.GetByRole(AriaRole.Link, new() { Name = "Councils" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Switching_to_Spanish_translates_the_shell_with_no_missing_key_and_is_kept_in_the_profile()
    {
        await app.CreateUserAsync("alpha", "shell-es", "member");
        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", "shell-es");
        // The switch saves the choice to the profile in the background: wait for that save before leaving the page.
        await page.RunAndWaitForResponseAsync(
            () => page.UseLanguageAsync("es"),
            r => r.Url.Contains("/api/identity/my-profile", StringComparison.Ordinal) && r.Request.Method == "PUT");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" })).ToBeVisibleAsync();
        await page.GotoAsync("/profile");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mi perfil" })).ToBeVisibleAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("profile-es");

        using var client = await app.ClientAsync("alpha", "shell-es");
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/identity/my-profile");
        profile.GetProperty("preferredLanguage").GetString().ShouldBe("es");
    }

    [Fact]
    public async Task The_browser_tab_names_the_page_in_the_language_shown_and_follows_a_switch()
    {
        await app.CreateUserAsync("alpha", "shell-title", "admin");
        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", "shell-title");
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page).ToHaveTitleAsync("Users · EngagementPlatform");
        await page.GotoAsync("/governance/councils");
        await Assertions.Expect(page).ToHaveTitleAsync("Councils · EngagementPlatform");

        // No navigation: the title changes with the language.
        await page.UseLanguageAsync("es");
        await Assertions.Expect(page).ToHaveTitleAsync("Consejos · EngagementPlatform");
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page).ToHaveTitleAsync("Usuarios · EngagementPlatform");
    }

    [Fact]
    public async Task The_sign_in_page_speaks_the_language_the_app_shows_and_is_accessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.UseLanguageAsync("es");
        await page.GetByRole(AriaRole.Button, new() { Name = "Iniciar sesión" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByLabel("Alianza")).ToBeVisibleAsync();
        await page.CheckPageAsync("sign-in-es");

        await page.Locator("#tenant").FillAsync("alpha");
        await page.Locator("#userName").FillAsync("admin");
        await page.Locator("#password").FillAsync("wrong-password");
        await page.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("no son correctos");
        await page.CheckPageAsync("sign-in-error-es");
    }

    [Fact]
    public async Task Client_side_routes_load_from_index_html_and_unknown_API_paths_stay_404()
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync("/profile");
        response!.Status.ShouldBe(200);
        using var client = app.Anonymous();
        (await client.GetAsync("/api/nothing-here")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
