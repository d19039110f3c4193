namespace EngagementPlatform.HttpApi.Host.Tests.Sweeps;

/// <summary>A council with a seat, holder, rule and meeting, and a decision open for input, all in tenant alpha.</summary>
internal sealed class GovernanceSweepSeeder : ISweepSeeder
{
    public async Task SeedAsync(SweepContext context)
    {
        var app = context.App;
        using var alpha = await app.ClientAsync("alpha", "admin");
        var council = (await (await alpha.PostAsJsonAsync("/api/governance/councils", new { name = "Sweep council", description = "For the sweeps" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var seat = (await (await alpha.PostAsJsonAsync($"/api/governance/councils/{council}/seats", new { title = "Community seat 1", category = "CommunityMember", isVoting = true })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await alpha.PostAsJsonAsync($"/api/governance/councils/{council}/seats/{seat}/assignments", new { userId = app.AlphaMemberId, termStart = "2026-01-01" })).ShouldBeSuccessAsync();
        var rule = (await (await alpha.PostAsJsonAsync($"/api/governance/councils/{council}/composition-rules", new { categories = new[] { "CommunityMember" }, minimumShare = 0.51 })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var meeting = (await (await alpha.PostAsJsonAsync($"/api/governance/councils/{council}/meetings", new { title = "Sweep meeting", startsAt = "2026-12-01T18:00:00Z", durationMinutes = 90 })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var support = (await (await alpha.PostAsJsonAsync($"/api/governance/councils/{council}/meetings/{meeting}/access-supports", new { kind = "Interpreter", language = "es" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var decision = await (await alpha.PostAsJsonAsync("/api/governance/decisions", new
        {
            councilId = council, title = "Sweep decision", method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false, allowPublicInput = true,
        })).ReadJsonAsync();
        var decisionId = decision.GetProperty("id").GetGuid();
        decision = await (await alpha.GetAsync($"/api/governance/decisions/{decisionId}")).ReadJsonAsync();
        await (await alpha.PostAsync($"/api/governance/decisions/{decisionId}/open-input", null)).ShouldBeSuccessAsync();
        var input = (await (await alpha.PostAsJsonAsync($"/api/governance/decisions/{decisionId}/inputs", new { text = "Hold meetings in the evening." })).ReadJsonAsync()).GetProperty("id").GetGuid();

        context.AddTenantId("/api/governance/councils", council);
        context.AddTenantId("/api/governance/councils/{}/seats", seat);
        context.AddTenantId("/api/governance/councils/{}/composition-rules", rule);
        context.AddTenantId("/api/governance/councils/{}/composition-rules/templates", "medicaid-advisory-committee");
        context.AddTenantId("/api/governance/councils/{}/meetings", meeting);
        context.AddTenantId("/api/governance/councils/{}/meetings/{}/access-supports", support);
        context.AddTenantId("/api/governance/decisions", decisionId);
        context.AddTenantId("/api/governance/decisions/{}/inputs", input);
        context.AddTenantId("/api/governance/public/decisions", decision.GetProperty("publicInputToken").GetString()!);
        context.AddBody("PUT", "/api/governance/councils/{id}", new { name = "Renamed by another tenant", minimumCellSize = 5 });
        context.AddBody("POST", "/api/governance/councils/{id}/composition-rules", new { categories = new[] { "MedicaidMember" }, minimumShare = 0.25 });
    }
}
