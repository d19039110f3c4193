namespace EngagementPlatform.Compensation.Tests.Api;

/// <summary>
/// Alpha and beta on a plan with the compensation feature, gamma on none; in alpha two finance people
/// (<c>finance-1</c>, <c>finance-2</c>) besides the staff member, in beta one. Counts SQL statements for the list tests.
/// </summary>
public sealed class CompensationFixture : QueryCountFixture
{
    public Guid Finance1Id { get; private set; }

    public Guid Finance2Id { get; private set; }

    public Guid AlphaStaffId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var edition = await CreateEditionAsync("Partnership with compensation", "compensation");
        await AssignEditionAsync("alpha", edition);
        await AssignEditionAsync("beta", edition);

        await CreateTenantAsync("gamma");
        Finance1Id = await CreateUserAsync("alpha", "finance-1", "finance");
        Finance2Id = await CreateUserAsync("alpha", "finance-2", "finance");
        await CreateUserAsync("beta", "beta-finance", "finance");
        using var alphaAdmin = await ClientAsync("alpha", "admin");
        var users = await (await alphaAdmin.GetAsync("/api/identity/users?maxResultCount=100")).ReadJsonAsync();
        AlphaStaffId = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "alpha-staff").GetProperty("id").GetGuid();
    }
}

/// <summary>Councils, members, meetings and attendance through Governance's API, and compensation calls, as staff would make them.</summary>
internal sealed class CompensationScenario(ApiFixture app, string tenant = "alpha")
{
    public async Task<Guid> CouncilAsync(string name)
    {
        using var admin = await app.ClientAsync(tenant, "admin");
        return (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name })).ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public async Task<List<Guid>> MembersAsync(string prefix, int count)
    {
        var ids = new List<Guid>();
        for (var i = 1; i <= count; i++)
        {
            ids.Add(await app.CreateUserAsync(tenant, $"{prefix}-{i}", "member"));
        }

        return ids;
    }

    public async Task<Guid> MeetingAsync(Guid councilId, string title, int durationMinutes, string startsAt = "2027-03-12T18:00:00Z")
    {
        using var admin = await app.ClientAsync(tenant, "admin");
        return (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/meetings", new { title, startsAt, durationMinutes })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
    }

    /// <summary>Records attendance as <paramref name="userName"/> (staff by default), who thereby submits the items it creates.</summary>
    public async Task<HttpResponseMessage> AttendanceAsync(Guid councilId, Guid meetingId, IEnumerable<(Guid UserId, bool Attended)> entries, string userName = "alpha-staff")
    {
        using var staff = await app.ClientAsync(tenant, userName);
        return await staff.PutAsJsonAsync($"/api/governance/councils/{councilId}/meetings/{meetingId}/attendance",
            entries.Select(e => new { userId = e.UserId, attended = e.Attended }).ToList());
    }

    public async Task<Guid> RateAsync(string name, string unit, decimal amount, Guid? councilId = null, string currency = "USD", string? effectiveFrom = "2027-01-01")
    {
        using var admin = await app.ClientAsync(tenant, "admin");
        return (await (await admin.PostAsJsonAsync("/api/compensation/rates", new { name, unit, amount, currency, councilId, effectiveFrom })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> ItemsAsync(string query)
    {
        using var admin = await app.ClientAsync(tenant, "admin");
        return await (await admin.GetAsync($"/api/compensation/payable-items?maxResultCount=1000&{query}")).ReadJsonAsync();
    }

    public async Task<JsonElement> ItemAsync(Guid id)
    {
        using var admin = await app.ClientAsync(tenant, "admin");
        return await (await admin.GetAsync($"/api/compensation/payable-items/{id}")).ReadJsonAsync();
    }

    /// <summary>An item entered by <paramref name="userName"/> for <paramref name="payeeUserId"/>: a fixed amount in USD.</summary>
    public async Task<Guid> EnteredItemAsync(string userName, Guid payeeUserId, decimal amount, string description = "Transport to the listening session")
    {
        using var client = await app.ClientAsync(tenant, userName);
        return (await (await client.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId, description, amount, currency = "USD" })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
    }
}
