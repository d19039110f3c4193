namespace EngagementPlatform.HttpApi.Host.Tests.Sweeps;

/// <summary>
/// Alpha and beta on a plan with the compensation and Stripe payout features (so beta's calls reach the handlers and
/// meet a 404, not the plan's 403), their admins also holding <c>Compensation.Items.Approve</c> (finance's by default) so approve and pay
/// reach the handlers too, and in alpha a rate, a submitted payable item, its payee, a partner organization and a program.
/// </summary>
internal sealed class CompensationSweepSeeder : ISweepSeeder
{
    public async Task SeedAsync(SweepContext context)
    {
        var app = context.App;
        using (var host = await app.HostAdminAsync())
        {
            var edition = (await (await host.PostAsJsonAsync("/api/saas/editions", new
            {
                name = "Sweep plan with compensation",
                features = new { compensation = true, dataSharing = false, assessments = false, stripePayouts = true },
            })).ReadJsonAsync()).GetProperty("id").GetGuid();
            foreach (var (id, name) in new[] { (app.AlphaId, "alpha"), (app.BetaId, "beta") })
            {
                await (await host.PutAsJsonAsync($"/api/saas/tenants/{id}", new { name, editionId = edition })).ShouldBeSuccessAsync();
            }
        }

        foreach (var tenant in new[] { "alpha", "beta" })
        {
            using var admin = await app.ClientAsync(tenant, "admin");
            var role = (await (await admin.GetAsync("/api/identity/roles?maxResultCount=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
                .Single(r => r.GetProperty("name").GetString() == "admin");
            var permissions = role.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).Append("Compensation.Items.Approve").Distinct().ToList();
            await (await admin.PutAsJsonAsync($"/api/identity/roles/{role.GetProperty("id").GetGuid()}/permissions", new { permissions })).ShouldBeSuccessAsync();
        }

        using var alpha = await app.ClientAsync("alpha", "admin");
        var rate = (await (await alpha.PostAsJsonAsync("/api/compensation/rates", new { name = "Sweep deliverable", unit = "Deliverable", amount = 100m, currency = "USD" }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        var item = (await (await alpha.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = app.AlphaMemberId, description = "Sweep item", quantity = 1, rateId = rate }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();

        context.AddTenantId("/api/compensation/rates", rate);
        context.AddTenantId("/api/compensation/payable-items", item);
        context.AddBody("POST", "/api/compensation/rates/{id}/versions", new { amount = 120m, effectiveFrom = "2030-01-01" });
        context.AddBody("POST", "/api/compensation/payable-items/{id}/pay", new { method = "Check", reference = "Sweep", paidOn = "2030-01-01" });
        context.AddBody("POST", "/api/compensation/payable-items/{id}/void", new { reason = "Voided by another tenant" });

        // The payee side: a person payee (made by the item above), its preference and tax form.
        var payee = (await (await alpha.GetAsync($"/api/compensation/payable-items/{item}")).ReadJsonAsync()).GetProperty("payee").GetProperty("id").GetGuid();
        context.AddTenantId("/api/compensation/payees", payee);
        context.AddBody("PUT", "/api/compensation/payees/{payeeId}/payment-preference", new { method = "Cash" });
        context.AddBody("PUT", "/api/compensation/payees/{payeeId}/tax-form", new { w9OnFile = true, receivedOn = "2030-01-01", tinLast4 = "1234" });
        // Full payment details: every read is an audit entry, so the before/after snapshots leave it out.
        context.AddAuditedRead("/api/compensation/payees/{payeeId}/payment-details");

        // Reports: a partner organization's statement, a program's budget per year, the thresholds per year (values, not alpha's entities).
        var organization = (await (await alpha.PostAsJsonAsync("/api/compensation/payees", new { name = "Sweep Community Partners", contactEmail = "pay@sweep.example.org" }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        context.AddTenantId("/api/compensation/organizations", organization);
        var program = (await (await alpha.PostAsJsonAsync("/api/compensation/programs", new { name = "Sweep program", councilIds = Array.Empty<Guid>() }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        context.AddTenantId("/api/compensation/programs", program);
        context.AddValue("/api/compensation/programs/{}/budgets", 2031);
        context.AddBody("PUT", "/api/compensation/programs/{id}/budgets/{year}", new { amount = 500m, currency = "USD" });
        context.AddValue("/api/compensation/reporting-thresholds", 2031);
        context.AddBody("PUT", "/api/compensation/reporting-thresholds/{year}", new { amount = 2000m, currency = "USD" });
    }
}
