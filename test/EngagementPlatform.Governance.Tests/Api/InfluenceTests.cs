namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// Community influence: the share of decided decisions where at least one community input was adopted or adapted,
/// per council and per partnership, and each member's own list of what became of their input.
/// </summary>
public sealed class InfluenceTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private const string Decisions = "/api/governance/decisions";

    private sealed record Input(string Author, string Text, string Use, string Explanation);

    /// <summary>
    /// Runs one YesNo decision through input, voting and the record: each input is added by its author (signed in as
    /// themselves) and answered with its use; <paramref name="voter"/> votes Yes (quorum a quarter, so one vote carries it).
    /// </summary>
    private async Task<(Guid Id, IReadOnlyList<Guid> InputIds)> DecideAsync(
        GovernanceScenario scenario, Guid councilId, string title, string voter, params Input[] inputs)
    {
        using var staff = await app.ClientAsync(scenario.Tenant, $"{scenario.Tenant}-staff");
        var created = await staff.PostAsJsonAsync(Decisions, new { councilId, title, method = "YesNo", quorum = 0.25, threshold = "SimpleMajority", secretBallot = false });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        (await (await staff.PostAsync($"{Decisions}/{id}/open-input", null)).ReadJsonAsync()).GetProperty("state").GetString().ShouldBe("OpenForInput");

        var ids = new List<Guid>();
        foreach (var input in inputs)
        {
            using var author = await app.ClientAsync(scenario.Tenant, input.Author);
            var added = await author.PostAsJsonAsync($"{Decisions}/{id}/inputs", new { text = input.Text });
            added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
            ids.Add((await added.ReadJsonAsync()).GetProperty("id").GetGuid());
        }

        var voting = await (await staff.PostAsync($"{Decisions}/{id}/open-voting", null)).ReadJsonAsync();
        voting.GetProperty("state").GetString().ShouldBe("Voting");
        await (await scenario.VoteAsync(voter, id, new { choice = "Yes" })).ShouldBeSuccessAsync();
        var tally = await (await staff.PostAsync($"{Decisions}/{id}/close-voting", null)).ReadJsonAsync();
        tally.GetProperty("passed").GetBoolean().ShouldBeTrue();

        var uses = inputs.Select((input, i) => new { inputId = ids[i], use = input.Use, explanation = input.Explanation }).ToList();
        var recorded = await (await staff.PostAsJsonAsync($"{Decisions}/{id}/record", new { outcome = $"{title}: approved", rationale = "The council voted for it.", inputUses = uses })).ReadJsonAsync();
        recorded.GetProperty("state").GetString().ShouldBe("Decided");
        return (id, ids);
    }

    private static async Task<Guid> VotingCommunitySeatAsync(HttpClient admin, Guid councilId, Guid userId, string category = "CommunityMember")
    {
        var seat = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = $"{category} seat", category, isVoting = true })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats/{seat}/assignments", new { userId, termStart = GovernanceScenario.TermStart }))
            .ShouldBeSuccessAsync();
        return seat;
    }

    private static async Task<Guid> CouncilAsync(HttpClient admin, string name)
        => (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name })).ReadJsonAsync()).GetProperty("id").GetGuid();

    private static void ShouldMeasure(JsonElement influence, int decided, int influenced, decimal? share)
    {
        influence.GetProperty("decided").GetInt32().ShouldBe(decided);
        influence.GetProperty("influenced").GetInt32().ShouldBe(influenced);
        if (share is null)
        {
            influence.GetProperty("share").ValueKind.ShouldBe(JsonValueKind.Null);
        }
        else
        {
            influence.GetProperty("share").GetDecimal().ShouldBe(share.Value);
        }
    }

    [Fact]
    public async Task A_member_sees_the_decisions_their_input_influenced_and_how_each_input_was_used()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var councilId = await CouncilAsync(admin, "Influence council");
        var memberId = await app.CreateUserAsync("alpha", "inf-maria");
        await VotingCommunitySeatAsync(admin, councilId, memberId);
        using var member = await app.ClientAsync("alpha", "inf-maria");
        var alpha = new GovernanceScenario(app);

        var (saturday, saturdayInputs) = await DecideAsync(alpha, councilId, "Saturday clinic hours", "inf-maria",
            new Input("inf-maria", "Open from 9 to 1 on Saturdays.", "Adopted", "Saturday hours start in March, 9 to 1."),
            new Input("inf-maria", "Add a walk-in line.", "NotAdopted", "The clinic has no room for a second line yet."));

        var influence = await (await admin.GetAsync($"/api/governance/councils/{councilId}/influence")).ReadJsonAsync();
        influence.GetProperty("councilId").GetGuid().ShouldBe(councilId);
        influence.GetProperty("councilName").GetString().ShouldBe("Influence council");
        ShouldMeasure(influence, 1, 1, 1.0m);

        var mine = await (await member.GetAsync("/api/governance/my-influence")).ReadItemsAsync();
        mine.GetArrayLength().ShouldBe(1);
        var decision = mine[0];
        decision.GetProperty("decisionId").GetGuid().ShouldBe(saturday);
        decision.GetProperty("title").GetString().ShouldBe("Saturday clinic hours");
        decision.GetProperty("councilId").GetGuid().ShouldBe(councilId);
        decision.GetProperty("state").GetString().ShouldBe("Decided");
        decision.GetProperty("influenced").GetBoolean().ShouldBeTrue();
        decision.GetProperty("outcome").GetString().ShouldBe("Saturday clinic hours: approved");
        decision.GetProperty("inputs").EnumerateArray()
            .Select(i => (i.GetProperty("inputId").GetGuid(), i.GetProperty("text").GetString(), i.GetProperty("use").GetString(), i.GetProperty("explanation").GetString()))
            .ShouldBe([
                (saturdayInputs[0], "Open from 9 to 1 on Saturdays.", "Adopted", "Saturday hours start in March, 9 to 1."),
                (saturdayInputs[1], "Add a walk-in line.", "NotAdopted", "The clinic has no room for a second line yet."),
            ]);

        // A second decision where the member's input was not adopted halves the share.
        var (evening, _) = await DecideAsync(alpha, councilId, "Evening pharmacy", "inf-maria",
            new Input("inf-maria", "Keep the pharmacy open until 8.", "NotAdopted", "No pharmacist is available after 6."));
        ShouldMeasure(await (await admin.GetAsync($"/api/governance/councils/{councilId}/influence")).ReadJsonAsync(), 2, 1, 0.5m);

        mine = await (await member.GetAsync("/api/governance/my-influence")).ReadItemsAsync();
        mine.EnumerateArray().Select(d => (d.GetProperty("decisionId").GetGuid(), d.GetProperty("influenced").GetBoolean())).ShouldBe([(evening, false), (saturday, true)]);
        var notAdopted = mine[0].GetProperty("inputs")[0];
        notAdopted.GetProperty("use").GetString().ShouldBe("NotAdopted");
        notAdopted.GetProperty("explanation").GetString().ShouldBe("No pharmacist is available after 6.");

        // Input still being gathered shows without a use; implementing and closing a decision keeps it counted.
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var open = (await (await staff.PostAsJsonAsync(Decisions, new { councilId, title = "Parking", method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        await (await staff.PostAsync($"{Decisions}/{open}/open-input", null)).ShouldBeSuccessAsync();
        await (await member.PostAsJsonAsync($"{Decisions}/{open}/inputs", new { text = "More parking for people with disabilities." })).ShouldBeSuccessAsync();
        await (await staff.PostAsJsonAsync($"{Decisions}/{saturday}/implement", new { note = "Posted the new hours.", implementedOn = "2026-03-01" })).ShouldBeSuccessAsync();
        await (await staff.PostAsync($"{Decisions}/{saturday}/close", null)).ShouldBeSuccessAsync();

        mine = await (await member.GetAsync("/api/governance/my-influence")).ReadItemsAsync();
        mine.EnumerateArray().Select(d => (d.GetProperty("decisionId").GetGuid(), d.GetProperty("state").GetString(), d.GetProperty("influenced").GetBoolean()))
            .ShouldBe([(open, "OpenForInput", false), (evening, "Decided", false), (saturday, "Closed", true)]);
        mine[0].GetProperty("inputs")[0].GetProperty("use").ValueKind.ShouldBe(JsonValueKind.Null);
        mine[0].GetProperty("inputs")[0].GetProperty("explanation").ValueKind.ShouldBe(JsonValueKind.Null);
        mine[0].GetProperty("outcome").ValueKind.ShouldBe(JsonValueKind.Null);
        ShouldMeasure(await (await admin.GetAsync($"/api/governance/councils/{councilId}/influence")).ReadJsonAsync(), 2, 1, 0.5m);

        // Someone else's list holds only their own input; beta sees nothing of alpha's.
        using var other = await app.ClientAsync("alpha", "alpha-member");
        (await (await other.GetAsync("/api/governance/my-influence")).ReadItemsAsync()).GetArrayLength().ShouldBe(0);
        using var beta = await app.ClientAsync("beta", "admin");
        await (await beta.GetAsync($"/api/governance/councils/{councilId}/influence")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        using var betaMember = await app.ClientAsync("beta", "beta-member");
        (await (await betaMember.GetAsync("/api/governance/my-influence")).ReadItemsAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Adopted_input_from_staff_without_a_community_seat_is_not_community_influence()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var councilId = await CouncilAsync(admin, "Staff input council");
        var memberId = await app.CreateUserAsync("alpha", "inf-kofi");
        await VotingCommunitySeatAsync(admin, councilId, memberId);
        var alpha = new GovernanceScenario(app);

        // Only the staff member's input is adopted: the decision is decided but not community-influenced.
        var (id, inputs) = await DecideAsync(alpha, councilId, "Mobile clinic route", "inf-kofi",
            new Input("inf-kofi", "Stop at the senior center.", "NotAdopted", "The route is full this year."),
            new Input("alpha-staff", "Stop at the shelter.", "Adopted", "Added to the route."));
        var council = await (await admin.GetAsync($"/api/governance/councils/{councilId}/influence")).ReadJsonAsync();
        ShouldMeasure(council, 1, 0, 0m);

        // The staff member's own list says their input was used; it is still not the community's influence.
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var staffList = (await (await staff.GetAsync("/api/governance/my-influence")).ReadItemsAsync()).EnumerateArray()
            .Single(d => d.GetProperty("decisionId").GetGuid() == id);
        staffList.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("inputId").GetGuid()).ShouldBe([inputs[1]]);
        staffList.GetProperty("inputs")[0].GetProperty("use").GetString().ShouldBe("Adopted");
        using var kofi = await app.ClientAsync("alpha", "inf-kofi");
        var kofiList = await (await kofi.GetAsync("/api/governance/my-influence")).ReadItemsAsync();
        kofiList.GetArrayLength().ShouldBe(1);
        kofiList[0].GetProperty("influenced").GetBoolean().ShouldBeFalse();
        kofiList[0].GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("text").GetString()).ShouldBe(["Stop at the senior center."]);

        // A staff member who holds a community seat speaks for the community there; Adapted counts like Adopted.
        var seatedStaff = await app.CreateUserAsync("alpha", "inf-seated-staff", "staff");
        await VotingCommunitySeatAsync(admin, councilId, seatedStaff, "CommunityOrganization");
        await DecideAsync(alpha, councilId, "Flu clinic", "inf-kofi",
            new Input("inf-seated-staff", "Partner with the coalition's outreach team.", "Adapted", "We partner for the first month."));
        ShouldMeasure(await (await admin.GetAsync($"/api/governance/councils/{councilId}/influence")).ReadJsonAsync(), 2, 1, 0.5m);

        // A member (no institutional role) in an agency staff seat speaks for the institution there.
        var agencySeated = await app.CreateUserAsync("alpha", "inf-agency-seat");
        await VotingCommunitySeatAsync(admin, councilId, agencySeated, "AgencyStaff");
        await DecideAsync(alpha, councilId, "Lab hours", "inf-kofi",
            new Input("inf-agency-seat", "Open the lab at 7.", "Adopted", "The lab opens at 7 from April."));
        ShouldMeasure(await (await admin.GetAsync($"/api/governance/councils/{councilId}/influence")).ReadJsonAsync(), 3, 1, 0.3333m);
    }

    [Fact]
    public async Task The_partnership_wide_measure_sums_its_councils()
    {
        // A partnership of its own, so nothing else in this class adds to its totals.
        await app.CreateTenantAsync("gamma");
        await app.CreateUserAsync("gamma", "gamma-staff", "staff");
        var gamma = new GovernanceScenario(app, "gamma");
        using var admin = await gamma.AdminAsync();

        var empty = await (await admin.GetAsync("/api/governance/influence")).ReadJsonAsync();
        ShouldMeasure(empty.GetProperty("overall"), 0, 0, null);
        empty.GetProperty("councils").GetArrayLength().ShouldBe(0);

        var north = await gamma.CouncilAsync("north", ("CommunityMember", true));
        var south = await gamma.CouncilAsync("south", ("MedicaidMember", true));
        var quiet = await gamma.CouncilAsync("quiet", ("CommunityMember", true));
        await (await admin.PutAsJsonAsync($"/api/governance/councils/{north.Id}", new { name = "North council" })).ShouldBeSuccessAsync();
        await (await admin.PutAsJsonAsync($"/api/governance/councils/{south.Id}", new { name = "South council" })).ShouldBeSuccessAsync();

        await DecideAsync(gamma, north.Id, "North 1", "north-1", new Input("north-1", "Idea A", "Adopted", "Done."));
        await DecideAsync(gamma, north.Id, "North 2", "north-1", new Input("north-1", "Idea B", "NotAdopted", "Not now."));
        await DecideAsync(gamma, south.Id, "South 1", "south-1", new Input("south-1", "Idea C", "Adapted", "Partly."));
        await DecideAsync(gamma, south.Id, "South 2", "south-1", new Input("south-1", "Idea D", "NotAdopted", "No budget."));
        await DecideAsync(gamma, south.Id, "South 3", "south-1", new Input("south-1", "Idea E", "NotAdopted", "Out of scope."));
        await DecideAsync(gamma, south.Id, "South 4 (no input)", "south-1");

        var tenant = await (await admin.GetAsync("/api/governance/influence")).ReadJsonAsync();
        ShouldMeasure(tenant.GetProperty("overall"), 6, 2, 0.3333m);
        tenant.GetProperty("overall").GetProperty("councilId").ValueKind.ShouldBe(JsonValueKind.Null);
        var councils = tenant.GetProperty("councils").EnumerateArray().ToList();
        councils.Select(c => (c.GetProperty("councilId").GetGuid(), c.GetProperty("councilName").GetString())).ShouldBe([(north.Id, "North council"), (south.Id, "South council")]);
        ShouldMeasure(councils[0], 2, 1, 0.5m);
        ShouldMeasure(councils[1], 4, 1, 0.25m);

        var none = await (await admin.GetAsync($"/api/governance/councils/{quiet.Id}/influence")).ReadJsonAsync();
        none.GetProperty("councilName").GetString().ShouldBe("quiet council");
        ShouldMeasure(none, 0, 0, null);

        // Other partnerships' numbers are their own.
        using var alpha = await app.ClientAsync("alpha", "admin");
        var alphaOverall = (await (await alpha.GetAsync("/api/governance/influence")).ReadJsonAsync()).GetProperty("councils").EnumerateArray()
            .Select(c => c.GetProperty("councilId").GetGuid()).ToList();
        alphaOverall.ShouldNotContain(north.Id);
        alphaOverall.ShouldNotContain(south.Id);
        using var beta = await app.ClientAsync("beta", "admin");
        ShouldMeasure((await (await beta.GetAsync("/api/governance/influence")).ReadJsonAsync()).GetProperty("overall"), 0, 0, null);
    }
}
