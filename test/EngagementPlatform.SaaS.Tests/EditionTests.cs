namespace EngagementPlatform.SaaS.Tests;

public sealed class EditionTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_edition_is_created_assigned_to_a_tenant_and_protected_while_in_use()
    {
        using var host = await app.HostAdminAsync();
        var created = await host.PostAsJsonAsync("/api/saas/editions", new
        {
            name = "Standard",
            stripePriceId = "price_standard",
            features = new { compensation = true, dataSharing = true, assessments = false, stripePayouts = false },
            limits = new { councils = 3, activeMembers = 100, assessmentSchedules = (int?)null },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var editionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/saas/editions/{editionId}");
        var edition = await (await host.GetAsync($"/api/saas/editions/{editionId}")).ReadJsonAsync();
        edition.GetProperty("features").GetProperty("compensation").GetBoolean().ShouldBeTrue();
        edition.GetProperty("limits").GetProperty("councils").GetInt32().ShouldBe(3);
        edition.GetProperty("limits").GetProperty("assessmentSchedules").ValueKind.ShouldBe(JsonValueKind.Null);

        var tenantId = await app.CreateTenantAsync("planned");
        var tenant = await (await host.PutAsJsonAsync($"/api/saas/tenants/{tenantId}", new { name = "planned", editionId })).ReadJsonAsync();
        tenant.GetProperty("editionId").GetGuid().ShouldBe(editionId);

        await (await host.DeleteAsync($"/api/saas/editions/{editionId}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Saas:EditionInUse");

        var renamed = await (await host.PutAsJsonAsync($"/api/saas/editions/{editionId}", new { name = "Standard 2027", features = new { assessments = true } })).ReadJsonAsync();
        renamed.GetProperty("name").GetString().ShouldBe("Standard 2027");
        renamed.GetProperty("features").GetProperty("assessments").GetBoolean().ShouldBeTrue();
        renamed.GetProperty("features").GetProperty("compensation").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_edition_and_a_duplicate_edition_name_are_refused()
    {
        using var host = await app.HostAdminAsync();
        var tenantId = await app.CreateTenantAsync("unplanned");
        await (await host.PutAsJsonAsync($"/api/saas/tenants/{tenantId}", new { name = "unplanned", editionId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Saas:EditionNotFound");

        await (await host.PostAsJsonAsync("/api/saas/editions", new { name = "Basic" })).ShouldBeSuccessAsync();
        await (await host.PostAsJsonAsync("/api/saas/editions", new { name = "Basic" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Saas:DuplicateEditionName");
        await (await host.PostAsJsonAsync("/api/saas/editions", new { name = "Negative", limits = new { councils = -1 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
    }
}
