namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// Every Governance list that takes <c>sorting</c>: a documented field orders the items (each list is checked with
/// two orders that differ, so a list ignoring the parameter fails), and an unknown field or direction is a 400
/// <c>Framework:UnknownSortField</c> instead of a silently unsorted page.
/// </summary>
public sealed class SortingTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private const string Api = "/api/governance";

    private static async Task<string[]> OrderAsync(HttpClient client, string url, string sorting, string field)
    {
        var separator = url.Contains('?') ? '&' : '?';
        var items = await (await client.GetAsync($"{url}{separator}sorting={Uri.EscapeDataString(sorting)}")).ReadItemsAsync();
        return items.EnumerateArray().Select(i => i.GetProperty(field).GetString()!).ToArray();
    }

    private static async Task UnknownFieldsAreRefusedAsync(HttpClient client, string url)
    {
        var separator = url.Contains('?') ? '&' : '?';
        foreach (var sorting in new[] { "nonsense", "name; DROP TABLE x", "id desc", "title sideways" })
        {
            var response = await client.GetAsync($"{url}{separator}sorting={Uri.EscapeDataString(sorting)}");
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");
            problem.GetProperty("sorting").GetString().ShouldBe(sorting);
        }
    }

    [Fact]
    public async Task Each_list_sorts_by_its_documented_fields_and_refuses_an_unknown_one()
    {
        var scenario = new GovernanceScenario(app);
        var council = await scenario.CouncilAsync("srt", ("CommunityMember", true), ("Provider", true));
        using var admin = await scenario.AdminAsync();
        using var first = await app.ClientAsync("alpha", "srt-1");
        using var second = await app.ClientAsync("alpha", "srt-2");
        await (await admin.PostAsJsonAsync($"{Api}/councils", new { name = "Beta board" })).ShouldBeSuccessAsync();
        await (await admin.PostAsJsonAsync($"{Api}/councils", new { name = "Alpha board" })).ShouldBeSuccessAsync();

        // Councils.
        var councils = $"{Api}/councils";
        (await OrderAsync(admin, councils, "name", "name")).ShouldBe(["Alpha board", "Beta board", "srt council"]);
        (await OrderAsync(admin, councils, "creationTime", "name")).ShouldBe(["srt council", "Beta board", "Alpha board"]);
        await UnknownFieldsAreRefusedAsync(admin, councils);

        // A seat's history: hist-b held it first, hist-a after.
        var seat = (await (await admin.PostAsJsonAsync($"{councils}/{council.Id}/seats", new { title = "Rotating", category = "Other", isVoting = false })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        var histB = await app.CreateUserAsync("alpha", "hist-b");
        var histA = await app.CreateUserAsync("alpha", "hist-a");
        var assignments = $"{councils}/{council.Id}/seats/{seat}/assignments";
        await (await admin.PostAsJsonAsync(assignments, new { userId = histB, termStart = "2025-01-01", termEnd = "2025-06-01" })).ShouldBeSuccessAsync();
        await (await admin.PostAsJsonAsync(assignments, new { userId = histA, termStart = "2025-06-01", termEnd = "2025-12-01" })).ShouldBeSuccessAsync();
        (await OrderAsync(admin, assignments, "termStart", "name")).ShouldBe(["hist-b", "hist-a"]);
        (await OrderAsync(admin, assignments, "name", "name")).ShouldBe(["hist-a", "hist-b"]);
        (await OrderAsync(admin, assignments, "termEnd desc", "name")).ShouldBe(["hist-a", "hist-b"]);
        await UnknownFieldsAreRefusedAsync(admin, assignments);

        // Meetings: the B meeting comes first in time.
        var meetings = $"{councils}/{council.Id}/meetings";
        await (await admin.PostAsJsonAsync(meetings, new { title = "B meeting", startsAt = "2026-12-01T18:00:00Z", durationMinutes = 60 })).ShouldBeSuccessAsync();
        await (await admin.PostAsJsonAsync(meetings, new { title = "A meeting", startsAt = "2026-12-02T18:00:00Z", durationMinutes = 60 })).ShouldBeSuccessAsync();
        (await OrderAsync(admin, meetings, "startsAt", "title")).ShouldBe(["B meeting", "A meeting"]);
        (await OrderAsync(admin, meetings, "title", "title")).ShouldBe(["A meeting", "B meeting"]);
        await UnknownFieldsAreRefusedAsync(admin, meetings);

        // Decisions: Zeta, then Alpha; srt-1 gives input to both, srt-2 to Zeta; Zeta goes to an open vote.
        var zeta = await CreateDecisionAsync(admin, council.Id, "Zeta");
        var alpha = await CreateDecisionAsync(admin, council.Id, "Alpha");
        await AddInputAsync(first, zeta, "From the first");
        await AddInputAsync(second, zeta, "From the second");
        await AddInputAsync(first, alpha, "Also from the first");
        var decisions = $"{Api}/decisions?councilId={council.Id}";
        (await OrderAsync(admin, decisions, "title", "title")).ShouldBe(["Alpha", "Zeta"]);
        (await OrderAsync(admin, decisions, "creationTime", "title")).ShouldBe(["Zeta", "Alpha"]);
        await UnknownFieldsAreRefusedAsync(admin, decisions);

        var inputs = $"{Api}/decisions/{zeta}/inputs";
        (await OrderAsync(admin, inputs, "authorName", "authorName")).ShouldBe(["srt-1", "srt-2"]);
        (await OrderAsync(admin, inputs, "authorName desc", "authorName")).ShouldBe(["srt-2", "srt-1"]);
        await UnknownFieldsAreRefusedAsync(admin, inputs);

        (await admin.PostAsync($"{Api}/decisions/{zeta}/open-voting", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await first.PutAsJsonAsync($"{Api}/decisions/{zeta}/my-vote", new { choice = "Yes" })).ShouldBeSuccessAsync();
        await (await second.PutAsJsonAsync($"{Api}/decisions/{zeta}/my-vote", new { choice = "No" })).ShouldBeSuccessAsync();
        var votes = $"{Api}/decisions/{zeta}/votes";
        (await OrderAsync(admin, votes, "name", "name")).ShouldBe(["srt-1", "srt-2"]);
        (await OrderAsync(admin, votes, "choice", "name")).ShouldBe(["srt-2", "srt-1"]);
        await UnknownFieldsAreRefusedAsync(admin, votes);

        // The decisions srt-1 gave input to.
        var mine = $"{Api}/my-influence";
        (await OrderAsync(first, mine, "title", "title")).ShouldBe(["Alpha", "Zeta"]);
        (await OrderAsync(first, mine, "creationTime", "title")).ShouldBe(["Zeta", "Alpha"]);
        await UnknownFieldsAreRefusedAsync(first, mine);
    }

    private static async Task<Guid> CreateDecisionAsync(HttpClient admin, Guid councilId, string title)
    {
        var created = await admin.PostAsJsonAsync($"{Api}/decisions", new { councilId, title, method = "YesNo", quorum = 0.25, threshold = "SimpleMajority", secretBallot = false });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsync($"{Api}/decisions/{id}/open-input", null)).ShouldBeSuccessAsync();
        return id;
    }

    private static async Task AddInputAsync(HttpClient author, Guid decisionId, string text)
        => (await author.PostAsJsonAsync($"{Api}/decisions/{decisionId}/inputs", new { text })).StatusCode.ShouldBe(HttpStatusCode.Created);
}
