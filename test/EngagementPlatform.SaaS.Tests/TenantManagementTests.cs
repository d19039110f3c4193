namespace EngagementPlatform.SaaS.Tests;

public sealed class TenantManagementTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Creating_a_tenant_seeds_its_roles_and_an_admin_who_can_sign_in()
    {
        using var host = await app.HostAdminAsync();
        var response = await host.PostAsJsonAsync("/api/saas/tenants", new { name = "Eastside", adminEmailAddress = "lead@eastside.test", adminPassword = ApiFixture.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.Location!.ToString().ShouldBe($"/api/saas/tenants/{created.GetProperty("id").GetGuid()}");
        (await (await host.GetAsync(response.Headers.Location.ToString())).ReadJsonAsync()).GetProperty("name").GetString().ShouldBe("eastside");

        using var admin = await app.ClientAsync("eastside", "admin");
        var roles = await (await admin.GetAsync("/api/identity/roles")).ReadJsonAsync();
        roles.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["admin", "finance", "member", "staff"]);
        var me = await (await admin.GetAsync("/api/identity/my-profile")).ReadJsonAsync();
        me.GetProperty("email").GetString().ShouldBe("lead@eastside.test");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["admin"]);
    }

    [Fact]
    public async Task A_duplicate_name_is_409_with_a_field_error_whatever_its_case()
    {
        await app.CreateTenantAsync("northside");
        using var host = await app.HostAdminAsync();

        var problem = await (await host.PostAsJsonAsync("/api/saas/tenants", new { name = "NorthSide", adminEmailAddress = "x@x.test", adminPassword = ApiFixture.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Saas:DuplicateTenantName");
        problem.GetProperty("errors").GetProperty("name").GetArrayLength().ShouldBe(1);
        problem.GetProperty("title").GetString().ShouldBe("A partnership named 'northside' already exists.");
    }

    [Fact]
    public async Task Invalid_input_is_400_per_field_and_creates_nothing()
    {
        using var host = await app.HostAdminAsync();
        var before = await CountAsync(host);

        var problem = await (await host.PostAsJsonAsync("/api/saas/tenants", new { name = "not url safe!", adminEmailAddress = "nope" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("adminEmailAddress", out _).ShouldBeTrue();
        errors.TryGetProperty("adminPassword", out _).ShouldBeTrue();

        var malformed = new StringContent("{\"name\": \"x\",", System.Text.Encoding.UTF8, "application/json");
        await (await host.PostAsync("/api/saas/tenants", malformed)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:BadRequest");

        (await CountAsync(host)).ShouldBe(before);
    }

    [Fact]
    public async Task A_tenant_whose_admin_cannot_be_created_is_not_created_at_all()
    {
        using var host = await app.HostAdminAsync();
        var before = await CountAsync(host);

        var problem = await (await host.PostAsJsonAsync("/api/saas/tenants", new { name = "halfmade", adminEmailAddress = "a@halfmade.test", adminPassword = "short" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Identity:InvalidPassword");
        problem.GetProperty("errors").GetProperty("adminPassword").GetArrayLength().ShouldBeGreaterThan(0);

        (await CountAsync(host)).ShouldBe(before);
        var list = await (await host.GetAsync("/api/saas/tenants?filter=halfmade")).ReadJsonAsync();
        list.GetProperty("totalCount").GetInt32().ShouldBe(0);
        // The name stays free: a second try with a good password works.
        await app.CreateTenantAsync("halfmade");
    }

    [Fact]
    public async Task A_suspended_tenant_can_neither_sign_in_nor_use_an_earlier_token()
    {
        var id = await app.CreateTenantAsync("paused");
        var token = await app.TokenAsync("paused", "admin");
        using var host = await app.HostAdminAsync();

        var updated = await (await host.PutAsJsonAsync($"/api/saas/tenants/{id}", new { name = "paused", isActive = false })).ReadJsonAsync();
        updated.GetProperty("isActive").GetBoolean().ShouldBeFalse();

        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await (await client.GetAsync("/api/identity/my-profile")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Saas:TenantInactive");
        await (await app.RequestTokenAsync("paused", "admin", ApiFixture.Password)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Saas:TenantInactive");

        await (await host.PutAsJsonAsync($"/api/saas/tenants/{id}", new { name = "paused", isActive = true })).ShouldBeSuccessAsync();
        (await client.GetAsync("/api/identity/my-profile")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Renaming_and_deleting_a_tenant()
    {
        var id = await app.CreateTenantAsync("oldname");
        using var host = await app.HostAdminAsync();

        await (await host.PutAsJsonAsync($"/api/saas/tenants/{id}", new { name = "newname", displayName = "New Name Coalition" })).ShouldBeSuccessAsync();
        var tenant = await (await host.GetAsync($"/api/saas/tenants/{id}")).ReadJsonAsync();
        tenant.GetProperty("name").GetString().ShouldBe("newname");
        tenant.GetProperty("displayName").GetString().ShouldBe("New Name Coalition");
        await app.TokenAsync("newname", "admin");

        (await host.DeleteAsync($"/api/saas/tenants/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await host.GetAsync($"/api/saas/tenants/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await app.RequestTokenAsync("newname", "admin", ApiFixture.Password)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Saas:TenantNotFound");
    }

    [Fact]
    public async Task Tenants_page_and_sort_by_name()
    {
        foreach (var name in new[] { "page-a", "page-b", "page-c" })
        {
            await app.CreateTenantAsync(name);
        }

        using var host = await app.HostAdminAsync();
        var page = await (await host.GetAsync("/api/saas/tenants?filter=page-&sorting=name desc&maxResultCount=2")).ReadJsonAsync();
        page.GetProperty("totalCount").GetInt32().ShouldBe(3);
        page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldBe(["page-c", "page-b"]);
    }

    private static async Task<int> CountAsync(HttpClient host)
        => (await (await host.GetAsync("/api/saas/tenants")).ReadJsonAsync()).GetProperty("totalCount").GetInt32();
}

public sealed class TenantSettingsTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_partnership_admin_sets_the_default_language_and_new_users_inherit_it()
    {
        await app.CreateTenantAsync("lengua");
        using var admin = await app.ClientAsync("lengua", "admin");
        (await (await admin.GetAsync("/api/saas/my-tenant")).ReadJsonAsync()).GetProperty("defaultLanguage").GetString().ShouldBe("en");

        await (await admin.PutAsJsonAsync("/api/saas/my-tenant", new { defaultLanguage = "fr" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        var saved = await (await admin.PutAsJsonAsync("/api/saas/my-tenant", new { displayName = "Alianza de Salud", defaultLanguage = "es" })).ReadJsonAsync();
        saved.GetProperty("defaultLanguage").GetString().ShouldBe("es");
        saved.GetProperty("displayName").GetString().ShouldBe("Alianza de Salud");

        var created = await (await admin.PostAsJsonAsync("/api/identity/users", new { userName = "nuevo", email = "nuevo@lengua.test", password = ApiFixture.Password }))
            .ReadJsonAsync();
        var user = await (await admin.GetAsync($"/api/identity/users/{created.GetProperty("id").GetGuid()}")).ReadJsonAsync();
        user.GetProperty("preferredLanguage").GetString().ShouldBe("es");

        using var member = await app.ClientAsync("lengua", "nuevo");
        await (await member.PutAsJsonAsync("/api/saas/my-tenant", new { defaultLanguage = "en" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        using var host = await app.HostAdminAsync();
        var list = await (await host.GetAsync("/api/saas/tenants?filter=lengua")).ReadJsonAsync();
        list.GetProperty("items")[0].GetProperty("defaultLanguage").GetString().ShouldBe("es");
    }
}

public sealed class TenantTimeZoneAndAppConfigurationTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_partnership_keeps_an_IANA_time_zone_and_an_unknown_one_is_refused_without_change()
    {
        await app.CreateTenantAsync("zona");
        using var admin = await app.ClientAsync("zona", "admin");
        (await (await admin.GetAsync("/api/saas/my-tenant")).ReadJsonAsync()).GetProperty("timeZone").GetString().ShouldBe("UTC");

        var problem = await (await admin.PutAsJsonAsync("/api/saas/my-tenant", new { defaultLanguage = "en", timeZone = "Mars/Olympus" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        problem.GetProperty("errors").TryGetProperty("timeZone", out _).ShouldBeTrue();
        (await (await admin.GetAsync("/api/saas/my-tenant")).ReadJsonAsync()).GetProperty("timeZone").GetString().ShouldBe("UTC");

        var saved = await (await admin.PutAsJsonAsync("/api/saas/my-tenant", new { defaultLanguage = "en", timeZone = "America/Chicago" })).ReadJsonAsync();
        saved.GetProperty("timeZone").GetString().ShouldBe("America/Chicago");
        // Leaving it out keeps it.
        saved = await (await admin.PutAsJsonAsync("/api/saas/my-tenant", new { defaultLanguage = "es" })).ReadJsonAsync();
        saved.GetProperty("timeZone").GetString().ShouldBe("America/Chicago");
    }

    [Fact]
    public async Task The_app_configuration_says_who_is_signed_in_what_they_may_do_and_the_plan_features()
    {
        await app.CreateTenantAsync("config");
        await app.CreateUserAsync("config", "cfg-member", "member");

        using var anonymous = app.Anonymous("config");
        var signedOut = await (await anonymous.GetAsync("/api/app/configuration")).ReadJsonAsync();
        signedOut.GetProperty("currentUser").GetProperty("isAuthenticated").GetBoolean().ShouldBeFalse();
        signedOut.GetProperty("grantedPermissions").GetArrayLength().ShouldBe(0);
        signedOut.GetProperty("currentTenant").GetProperty("name").GetString().ShouldBe("config");

        using var admin = await app.ClientAsync("config", "admin");
        var forAdmin = await (await admin.GetAsync("/api/app/configuration")).ReadJsonAsync();
        var adminPermissions = forAdmin.GetProperty("grantedPermissions").EnumerateArray().Select(p => p.GetString()).ToList();
        adminPermissions.ShouldContain("Identity.Users");
        adminPermissions.ShouldNotContain("Saas.Tenants"); // a host permission never shows in a partnership
        forAdmin.GetProperty("currentUser").GetProperty("userName").GetString().ShouldBe("admin");
        // No plan assigned: none of the paid modules.
        forAdmin.GetProperty("features").GetProperty("Compensation").GetBoolean().ShouldBeFalse();

        using var member = await app.ClientAsync("config", "cfg-member");
        var forMember = await (await member.GetAsync("/api/app/configuration")).ReadJsonAsync();
        var memberPermissions = forMember.GetProperty("grantedPermissions").EnumerateArray().Select(p => p.GetString()).ToList();
        memberPermissions.ShouldNotContain("Identity.Users");
        memberPermissions.ShouldContain("Governance.Decisions.Participate");

        using var host = await app.HostAdminAsync();
        var forHost = await (await host.GetAsync("/api/app/configuration")).ReadJsonAsync();
        forHost.GetProperty("currentTenant").ValueKind.ShouldBe(JsonValueKind.Null);
        forHost.GetProperty("grantedPermissions").EnumerateArray().Select(p => p.GetString()).ShouldContain("Saas.Tenants");
        forHost.GetProperty("features").GetProperty("Compensation").GetBoolean().ShouldBeTrue();
    }
}
