namespace EngagementPlatform.Governance.Tests.Api;

public sealed class InfluenceAndDiversityTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private readonly GovernanceScenario _alpha = new(app);

    [Fact]
    public async Task Community_influence_counts_decisions_where_community_input_was_adopted_or_adapted()
    {
        var council = await _alpha.CouncilAsync("inf", ("CommunityMember", true), ("CommunityMember", true));
        using var admin = await _alpha.AdminAsync();
        await app.CreateUserAsync("alpha", "inf-staff", "staff");
        using var staff = await app.ClientAsync("alpha", "inf-staff");
        using var member = await app.ClientAsync("alpha", "inf-1");

        async Task DecideAsync(string memberUse, string? staffUse)
        {
            var id = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false))
                .GetProperty("id").GetGuid();
            await (await admin.PostAsync($"/api/governance/decisions/{id}/open-input", null)).ShouldBeSuccessAsync();
            var mine = (await (await member.PostAsJsonAsync($"/api/governance/decisions/{id}/inputs", new { text = $"Member idea {memberUse}" })).ReadJsonAsync()).GetProperty("id").GetGuid();
            var uses = new List<object> { new { inputId = mine, use = memberUse, explanation = "Because." } };
            if (staffUse is not null)
            {
                var theirs = (await (await staff.PostAsJsonAsync($"/api/governance/decisions/{id}/inputs", new { text = "Staff idea" })).ReadJsonAsync()).GetProperty("id").GetGuid();
                uses.Add(new { inputId = theirs, use = staffUse, explanation = "Because." });
            }

            await (await admin.PostAsync($"/api/governance/decisions/{id}/open-voting", null)).ShouldBeSuccessAsync();
            await (await _alpha.VoteAsync("inf-1", id, new { choice = "Yes" })).ShouldBeSuccessAsync();
            await _alpha.CloseAsync(id);
            await (await admin.PostAsJsonAsync($"/api/governance/decisions/{id}/record", new { outcome = "Done", rationale = "Reasons", inputUses = uses })).ShouldBeSuccessAsync();
        }

        await DecideAsync("Adopted", null);
        await DecideAsync("NotAdopted", "Adopted"); // only institutional input adopted: not community influence

        var byCouncil = await (await admin.GetAsync($"/api/governance/councils/{council.Id}/influence")).ReadJsonAsync();
        byCouncil.GetProperty("decided").GetInt32().ShouldBe(2);
        byCouncil.GetProperty("influenced").GetInt32().ShouldBe(1);
        byCouncil.GetProperty("share").GetDecimal().ShouldBe(0.5m);

        var tenant = await (await admin.GetAsync("/api/governance/influence")).ReadJsonAsync();
        tenant.GetProperty("overall").GetProperty("decided").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        tenant.GetProperty("councils").EnumerateArray().ShouldContain(c => c.GetProperty("councilId").GetGuid() == council.Id);

        var mineNow = await (await member.GetAsync("/api/governance/my-influence")).ReadItemsAsync();
        mineNow.GetArrayLength().ShouldBe(2);
        mineNow.EnumerateArray().Count(d => d.GetProperty("influenced").GetBoolean()).ShouldBe(1);
        var adopted = mineNow.EnumerateArray().Single(d => d.GetProperty("influenced").GetBoolean()).GetProperty("inputs")[0];
        adopted.GetProperty("use").GetString().ShouldBe("Adopted");
        adopted.GetProperty("explanation").GetString().ShouldBe("Because.");
    }

    [Fact]
    public async Task The_diversity_picture_is_aggregate_only_and_withholds_small_groups()
    {
        var council = await _alpha.CouncilAsync("div", Enumerable.Range(0, 6).Select(_ => ("CommunityMember", true)).ToArray());
        string[] languages = ["es", "es", "es", "es", "es", "es"];
        for (var i = 0; i < 6; i++)
        {
            using var member = await app.ClientAsync("alpha", council.Members[i].UserName);
            await (await member.PutAsJsonAsync("/api/governance/my-demographics", new { language = languages[i], neighborhood = i == 5 ? "Riverside Flats" : "Eastside" })).ShouldBeSuccessAsync();
        }

        using var first = await app.ClientAsync("alpha", council.Members[0].UserName);
        await (await first.PutAsJsonAsync("/api/governance/my-demographics", new { ageBand = "ancient" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await first.PutAsJsonAsync("/api/governance/my-demographics", new { raceEthnicity = new[] { "martian" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        using var admin = await _alpha.AdminAsync();
        var response = await admin.GetAsync($"/api/governance/councils/{council.Id}/diversity");
        var body = await response.Content.ReadAsStringAsync();
        var picture = await response.ReadJsonAsync();
        picture.GetProperty("holders").GetInt32().ShouldBe(6);
        var language = picture.GetProperty("dimensions").GetProperty("language").EnumerateArray().ToDictionary(c => c.GetProperty("value").GetString()!);
        language["es"].GetProperty("count").GetInt32().ShouldBe(6);

        // 5 Eastside and 1 Riverside: the 1 is withheld, and so is the 5 (which would reveal it through the total);
        // withheld groups show no name either.
        var neighborhood = picture.GetProperty("dimensions").GetProperty("neighborhood").EnumerateArray().ToList();
        neighborhood.Count.ShouldBe(1);
        neighborhood[0].GetProperty("value").GetString().ShouldBe("withheld");
        neighborhood[0].GetProperty("count").ValueKind.ShouldBe(JsonValueKind.Null);
        body.ShouldNotContain("Riverside", Case.Insensitive);
        body.ShouldNotContain("Eastside", Case.Insensitive);

        // A council smaller than the smallest group shown gives nothing away, not even its size.
        var small = await _alpha.CouncilAsync("tiny", ("CommunityMember", true), ("CommunityMember", true));
        var tiny = await (await admin.GetAsync($"/api/governance/councils/{small.Id}/diversity")).ReadJsonAsync();
        tiny.GetProperty("holders").ValueKind.ShouldBe(JsonValueKind.Null);
        tiny.GetProperty("dimensions").EnumerateObject().Count().ShouldBe(0);

        (await first.DeleteAsync("/api/governance/my-demographics")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var mine = await (await first.GetAsync("/api/governance/my-demographics")).ReadJsonAsync();
        mine.GetProperty("language").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
