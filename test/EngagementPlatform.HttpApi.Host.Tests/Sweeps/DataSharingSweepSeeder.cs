namespace EngagementPlatform.HttpApi.Host.Tests.Sweeps;

/// <summary>
/// Alpha and beta on a plan with data sharing besides compensation and Stripe payouts (the Compensation seeder's plan,
/// which runs first: both modules' calls by beta must reach their handlers and meet a 404, not the plan's 403), and in
/// each an agreement in review whose signatory is the tenant's member; alpha's is the one the sweeps address, with its
/// version 1 (a number, registered as a value under the agreement).
/// </summary>
internal sealed class DataSharingSweepSeeder : ISweepSeeder
{
    public async Task SeedAsync(SweepContext context)
    {
        var app = context.App;
        using (var host = await app.HostAdminAsync())
        {
            var edition = (await (await host.PostAsJsonAsync("/api/saas/editions", new
            {
                name = "Sweep plan with compensation and data sharing",
                features = new { compensation = true, dataSharing = true, assessments = false, stripePayouts = true },
            })).ReadJsonAsync()).GetProperty("id").GetGuid();
            foreach (var (id, name) in new[] { (app.AlphaId, "alpha"), (app.BetaId, "beta") })
            {
                await (await host.PutAsJsonAsync($"/api/saas/tenants/{id}", new { name, editionId = edition })).ShouldBeSuccessAsync();
            }
        }

        var agreements = new Dictionary<string, Guid>();
        foreach (var (tenant, member) in new[] { ("alpha", app.AlphaMemberId), ("beta", app.BetaMemberId) })
        {
            using var admin = await app.ClientAsync(tenant, "admin");
            var id = (await (await admin.PostAsJsonAsync("/api/data-sharing/agreements", Agreement($"Sweep agreement of {tenant}", member))).ReadJsonAsync())
                .GetProperty("id").GetGuid();
            await (await admin.PostAsync($"/api/data-sharing/agreements/{id}/submit", null)).ShouldBeSuccessAsync();
            agreements[tenant] = id;
        }

        context.AddTenantId("/api/data-sharing/agreements", agreements["alpha"]);
        context.AddValue("/api/data-sharing/agreements/{}/versions", 1);
        context.AddBody("PUT", "/api/data-sharing/agreements/{id}/draft", Agreement("Overwritten by another tenant", null));
        context.AddBody("POST", "/api/data-sharing/agreements/{id}/signatures", new { versionNumber = 1, partyId = Guid.NewGuid(), contentHash = new string('a', 64), typedName = "Sweep" });
        context.AddBody("POST", "/api/data-sharing/agreements/{id}/terminate", new { reason = "Terminated by another tenant" });
    }

    /// <summary>A two-party agreement with nothing sensitive; the community's signatory is <paramref name="signatory"/>.</summary>
    private static object Agreement(string title, Guid? signatory) => new
    {
        title,
        purpose = "Share attendance counts with the community board.",
        sensitivity = "Public",
        parties = new object[]
        {
            new { name = "Sweep County", kind = "Agency", role = "DataProvider", signatureRequired = false },
            new { name = "Sweep Neighbors", kind = "CommunityOrganization", role = "CommunityOwner", signatoryUserId = signatory, signatureRequired = signatory is not null },
        },
        dataElements = new[] { new { name = "Attendance count", sensitivity = "Public" } },
        governance = new { dataOwner = "Sweep Neighbors", whoMayPublish = "Sweep Neighbors", communityReviewBeforePublication = true },
        permittedUses = new[] { "Reporting" },
        effectiveFrom = "2030-01-01",
    };
}
