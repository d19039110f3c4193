namespace EngagementPlatform.Web.Tests;

public sealed class AdminTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task The_host_creates_suspends_and_deletes_a_partnership()
    {
        var name = Unique("ui-");
        var page = await app.NewPageAsync();
        await page.SignInAsync(null, "admin");
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/admin/tenants");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partnerships", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "alpha", Exact = true })
            .Or(page.GetByRole(AriaRole.Rowheader, new() { Name = "alpha", Exact = true }))).ToBeVisibleAsync();
        await page.CheckPageAsync("admin-tenants");

        await page.GetByRole(AriaRole.Button, new() { Name = "New partnership" }).ClickAsync();
        var form = page.Locator("form.card");
        await Assertions.Expect(form.GetByLabel("Name", new() { Exact = true })).ToBeFocusedAsync();
        // A refused password is said under its field.
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await form.GetByLabel("Display name").FillAsync("UI Test Partnership");
        await form.GetByLabel("Administrator's email").FillAsync($"admin@{name}.test");
        await form.GetByLabel("Default language").SelectOptionAsync("es");
        await page.CheckPageAsync("admin-tenants-create");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create partnership" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tenant-password-errors .field-error").First).ToBeVisibleAsync();

        await form.GetByLabel("Administrator's password").FillAsync(ApiFixture.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create partnership" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Partnership {name} created." })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search partnerships" }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByText("Active", new() { Exact = true })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = $"Suspend {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Partnership {name} suspended" })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByText("Suspended", new() { Exact = true })).ToBeVisibleAsync();

        using var host = await app.HostAdminAsync();
        var found = (await host.GetFromJsonAsync<JsonElement>($"/api/saas/tenants?filter={name}")).GetProperty("items").EnumerateArray().Single();
        found.GetProperty("isActive").GetBoolean().ShouldBeFalse();
        found.GetProperty("displayName").GetString().ShouldBe("UI Test Partnership");
        found.GetProperty("defaultLanguage").GetString().ShouldBe("es");
        // A suspended partnership's admin can no longer sign in.
        (await app.RequestTokenAsync(name, "admin", ApiFixture.Password)).IsSuccessStatusCode.ShouldBeFalse();

        await row.GetByRole(AriaRole.Button, new() { Name = $"Activate {name}" }).ClickAsync();
        await Assertions.Expect(row.GetByText("Active", new() { Exact = true })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {name}" }).ClickAsync();
        await form.GetByLabel("Display name").FillAsync("Renamed Partnership");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(row.GetByText("Renamed Partnership")).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete the partnership" });
        await Assertions.Expect(confirm).ToBeFocusedAsync();
        await page.CheckPageAsync("admin-tenants-delete");
        await confirm.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Partnership {name} deleted." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No partnership matches your search.")).ToBeVisibleAsync();

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alianzas", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nueva alianza" }).ClickAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("admin-tenants-es");
        await page.UseLanguageAsync("en");
    }

    [Fact]
    public async Task A_partnership_admin_creates_a_user_with_a_role_then_deactivates_them()
    {
        var userName = Unique("ui-user-");
        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", "admin");
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "admin", Exact = true })).ToBeVisibleAsync();
        await page.CheckPageAsync("admin-users");

        await page.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        var form = page.Locator("form.card");
        await form.GetByLabel("User name").FillAsync(userName);
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Rosa Staff");
        await form.GetByLabel("Email").FillAsync($"{userName}@alpha.test");
        await form.GetByLabel("Password").FillAsync(ApiFixture.Password);
        await form.GetByLabel("Preferred language").SelectOptionAsync("es");
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Staff" }).CheckAsync();
        await page.CheckPageAsync("admin-users-create");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"User {userName} created." })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search users" }).FillAsync(userName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = userName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByText("Staff", new() { Exact = true })).ToBeVisibleAsync();

        using var admin = await app.ClientAsync("alpha", "admin");
        var user = (await admin.GetFromJsonAsync<JsonElement>($"/api/identity/users?filter={userName}")).GetProperty("items").EnumerateArray().Single();
        user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["staff"]);
        user.GetProperty("preferredLanguage").GetString().ShouldBe("es");
        user.GetProperty("name").GetString().ShouldBe("Rosa Staff");
        (await app.RequestTokenAsync("alpha", userName, ApiFixture.Password)).IsSuccessStatusCode.ShouldBeTrue();

        await row.GetByRole(AriaRole.Button, new() { Name = $"Deactivate {userName}" }).ClickAsync();
        await Assertions.Expect(row.GetByText("Inactive", new() { Exact = true })).ToBeVisibleAsync();
        (await app.RequestTokenAsync("alpha", userName, ApiFixture.Password)).IsSuccessStatusCode.ShouldBeFalse();

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Usuarios", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nuevo usuario" }).ClickAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("admin-users-es");
        await page.UseLanguageAsync("en");
    }

    [Fact]
    public async Task A_role_s_permissions_are_grouped_checkboxes_and_saving_changes_the_grants()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", "admin");
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/admin/roles");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Roles and permissions", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit permissions of Finance" }).ClickAsync();
        var form = page.Locator("form.card");
        await Assertions.Expect(form.GetByRole(AriaRole.Heading, new() { Name = "Permissions of Finance" })).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Group, new() { Name = "Governance" })).ToBeVisibleAsync();
        await page.CheckPageAsync("admin-roles");

        using var admin = await app.ClientAsync("alpha", "admin");
        async Task<string[]> Grants()
            => (await admin.GetFromJsonAsync<JsonElement>("/api/identity/roles")).GetProperty("items").EnumerateArray()
                .Single(r => r.GetProperty("name").GetString() == "finance").GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToArray();
        var before = await Grants();

        var first = form.GetByRole(AriaRole.Checkbox).First;
        var wasChecked = await first.IsCheckedAsync();
        await first.SetCheckedAsync(!wasChecked);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save permissions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Permissions of Finance saved." })).ToBeVisibleAsync();
        var after = await Grants();
        Math.Abs(after.Length - before.Length).ShouldBe(1);

        await first.SetCheckedAsync(wasChecked);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save permissions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Permissions of Finance saved." })).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Button, new() { Name = "Save permissions" })).ToBeEnabledAsync();
        (await Grants()).Order().ShouldBe(before.Order());

        // The permission names come from the server in the page's language.
        await page.UseLanguageAsync("es");
        await Assertions.Expect(form.GetByRole(AriaRole.Heading, new() { Name = "Permisos de Finanzas" })).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Group, new() { Name = "Gobernanza" })).ToBeVisibleAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("admin-roles-es");
        await page.UseLanguageAsync("en");
    }

    [Fact]
    public async Task Partnership_settings_save_the_time_zone_and_the_close_the_loop_days_and_say_what_is_wrong()
    {
        var page = await app.NewPageAsync(360, 740);
        await page.SignInAsync("alpha", "admin");
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/admin/settings");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partnership settings", Level = 1 })).ToBeVisibleAsync();
        var zone = page.GetByLabel("Time zone");
        await Assertions.Expect(zone).ToBeVisibleAsync();
        await page.CheckPageAsync("admin-settings-phone");

        await page.GetByLabel("Display name").FillAsync("Alpha Health Partnership");
        await zone.SelectOptionAsync("America/Chicago");
        var days = page.GetByLabel("Days to close the loop");
        await days.FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#settings-days-errors .field-error").First).ToBeVisibleAsync();

        await days.FillAsync("21");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Settings saved." })).ToBeVisibleAsync();

        using var admin = await app.ClientAsync("alpha", "admin");
        var tenant = await admin.GetFromJsonAsync<JsonElement>("/api/saas/my-tenant");
        tenant.GetProperty("timeZone").GetString().ShouldBe("America/Chicago");
        tenant.GetProperty("displayName").GetString().ShouldBe("Alpha Health Partnership");
        (await admin.GetFromJsonAsync<JsonElement>("/api/governance/settings")).GetProperty("closeTheLoopDays").GetInt32().ShouldBe(21);

        // After a reload the saved values are shown.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("America/Chicago");
        await Assertions.Expect(page.GetByLabel("Days to close the loop")).ToHaveValueAsync("21");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Configuración de la alianza", Level = 1 })).ToBeVisibleAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("admin-settings-es");
        await page.UseLanguageAsync("en");
    }
}
