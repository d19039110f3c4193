namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>Builds councils with seated members and decisions through the API, as staff would.</summary>
internal sealed class GovernanceScenario(ApiFixture app, string tenant = "alpha")
{
    public static readonly string TermStart = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("yyyy-MM-dd");

    public string Tenant { get; } = tenant;

    public Task<HttpClient> AdminAsync() => app.ClientAsync(Tenant, "admin");

    /// <summary>A council whose seats are each held by a new member named <c>{prefix}-{n}</c>.</summary>
    public async Task<Council> CouncilAsync(string prefix, params (string Category, bool Voting)[] seats)
    {
        using var admin = await AdminAsync();
        var councilId = (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name = $"{prefix} council" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var seated = new List<SeatedMember>();
        for (var i = 0; i < seats.Length; i++)
        {
            var (category, voting) = seats[i];
            var userName = $"{prefix}-{i + 1}";
            var userId = await app.CreateUserAsync(Tenant, userName, "member");
            var seatId = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = $"Seat {i + 1}", category, isVoting = voting }))
                .ReadJsonAsync()).GetProperty("id").GetGuid();
            await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats/{seatId}/assignments", new { userId, termStart = TermStart })).ShouldBeSuccessAsync();
            seated.Add(new SeatedMember(seatId, userId, userName, category));
        }

        return new Council(councilId, seated);
    }

    public async Task<JsonElement> DecisionAsync(Guid councilId, object settings, bool openVoting = true)
    {
        using var admin = await AdminAsync();
        var body = JsonSerializer.SerializeToNode(settings, JsonSerializerOptions.Web)!.AsObject();
        body["councilId"] = councilId;
        body["title"] ??= "Extend clinic hours";
        var id = (await (await admin.PostAsJsonAsync("/api/governance/decisions", body)).ReadJsonAsync()).GetProperty("id").GetGuid();
        return openVoting
            ? await (await admin.PostAsync($"/api/governance/decisions/{id}/open-voting", null)).ReadJsonAsync()
            : await (await admin.GetAsync($"/api/governance/decisions/{id}")).ReadJsonAsync();
    }

    public async Task<HttpResponseMessage> VoteAsync(string userName, Guid decisionId, object ballot)
    {
        using var voter = await app.ClientAsync(Tenant, userName);
        return await voter.PutAsJsonAsync($"/api/governance/decisions/{decisionId}/my-vote", ballot);
    }

    public async Task<JsonElement> CloseAsync(Guid decisionId)
    {
        using var admin = await AdminAsync();
        return await (await admin.PostAsync($"/api/governance/decisions/{decisionId}/close-voting", null)).ReadJsonAsync();
    }

    public async Task<JsonElement> TallyAsync(Guid decisionId, bool recount = false)
    {
        using var admin = await AdminAsync();
        return await (await admin.GetAsync($"/api/governance/decisions/{decisionId}/tally{(recount ? "?recount=true" : string.Empty)}")).ReadJsonAsync();
    }

    public async Task<JsonElement> GetDecisionAsync(Guid decisionId)
    {
        using var admin = await AdminAsync();
        return await (await admin.GetAsync($"/api/governance/decisions/{decisionId}")).ReadJsonAsync();
    }

    internal sealed record SeatedMember(Guid SeatId, Guid UserId, string UserName, string Category);

    internal sealed record Council(Guid Id, IReadOnlyList<SeatedMember> Members);
}
