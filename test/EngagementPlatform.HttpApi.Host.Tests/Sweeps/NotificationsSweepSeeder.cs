namespace EngagementPlatform.HttpApi.Host.Tests.Sweeps;

/// <summary>An outbox message (voting opened on the sweep council) and a template override, in tenant alpha.</summary>
internal sealed class NotificationsSweepSeeder : ISweepSeeder
{
    public async Task SeedAsync(SweepContext context)
    {
        using var alpha = await context.App.ClientAsync("alpha", "admin");
        var council = context.Ids["/api/governance/councils"].Value;
        var decision = (await (await alpha.PostAsJsonAsync("/api/governance/decisions", new
        {
            councilId = council, title = "Sweep vote", method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false,
        })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await alpha.PostAsync($"/api/governance/decisions/{decision}/open-voting", null)).ShouldBeSuccessAsync();
        var outbox = await (await alpha.GetAsync("/api/notifications/outbox")).ReadJsonAsync();
        context.AddTenantId("/api/notifications/outbox", outbox.GetProperty("items")[0].GetProperty("id").GetGuid());

        var custom = await (await alpha.PostAsJsonAsync("/api/notifications/templates/overrides", new
        {
            name = "voting-opened", culture = "en", subject = "Vote: {{ decision.title }}", text = "Please vote.", html = "<p>Please vote.</p>",
        })).ReadJsonAsync();
        context.AddTenantId("/api/notifications/templates/overrides", custom.GetProperty("id").GetGuid());
    }
}
