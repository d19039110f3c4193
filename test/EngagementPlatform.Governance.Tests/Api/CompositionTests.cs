namespace EngagementPlatform.Governance.Tests.Api;

public sealed class CompositionTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private readonly GovernanceScenario _alpha = new(app);

    [Fact]
    public async Task Ten_voting_seats_six_community_meet_51_percent_until_two_community_seats_are_vacated()
    {
        var council = await _alpha.CouncilAsync("c51", Enumerable.Range(0, 10).Select(i => (i < 6 ? "CommunityMember" : "AgencyStaff", true)).ToArray());
        using var admin = await _alpha.AdminAsync();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/composition-rules", new { name = "Community majority", categories = new[] { "CommunityMember" }, minimumShare = 0.51 }))
            .ShouldBeSuccessAsync();

        var before = await (await admin.GetAsync($"/api/governance/councils/{council.Id}/composition")).ReadJsonAsync();
        before.GetProperty("compliant").GetBoolean().ShouldBeTrue();
        before.GetProperty("votingSeats").GetInt32().ShouldBe(10);
        var rule = before.GetProperty("rules")[0];
        rule.GetProperty("compliant").GetBoolean().ShouldBeTrue();
        rule.GetProperty("actualShare").GetDecimal().ShouldBe(0.6m);
        rule.GetProperty("minimumShare").GetDecimal().ShouldBe(0.51m);
        rule.GetProperty("requiredSeats").GetInt32().ShouldBe(6);
        rule.GetProperty("shortfall").GetInt32().ShouldBe(0);

        foreach (var member in council.Members.Take(2))
        {
            (await admin.DeleteAsync($"/api/governance/councils/{council.Id}/seats/{member.SeatId}/assignments/current")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var after = await (await admin.GetAsync($"/api/governance/councils/{council.Id}/composition")).ReadJsonAsync();
        after.GetProperty("compliant").GetBoolean().ShouldBeFalse();
        after.GetProperty("filledVotingSeats").GetInt32().ShouldBe(8);
        rule = after.GetProperty("rules")[0];
        rule.GetProperty("compliant").GetBoolean().ShouldBeFalse();
        rule.GetProperty("actualSeats").GetInt32().ShouldBe(4);
        rule.GetProperty("actualShare").GetDecimal().ShouldBe(0.4m);
        rule.GetProperty("requiredSeats").GetInt32().ShouldBe(6);
        rule.GetProperty("shortfall").GetInt32().ShouldBe(2);
        rule.GetProperty("summary").GetString().ShouldBe("Needs 2 more seats held by: Community member.");
        var community = after.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "CommunityMember");
        community.GetProperty("vacant").GetInt32().ShouldBe(2);

        // The same question asked for a day before the vacancies gives the earlier answer: history is kept.
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd");
        var past = await (await admin.GetAsync($"/api/governance/councils/{council.Id}/composition?date={yesterday}")).ReadJsonAsync();
        past.GetProperty("compliant").GetBoolean().ShouldBeTrue();

        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var spanish = await (await admin.GetAsync($"/api/governance/councils/{council.Id}/composition")).ReadJsonAsync();
        spanish.GetProperty("rules")[0].GetProperty("summary").GetString().ShouldBe("Faltan 2 puestos más ocupados por: Miembro de la comunidad.");
    }

    [Fact]
    public async Task The_Medicaid_Advisory_Committee_template_phases_in_10_20_25_percent()
    {
        var seats = Enumerable.Range(0, 10).Select(i => (i == 0 ? "MedicaidMember" : "Provider", true)).ToArray();
        var council = await _alpha.CouncilAsync("mac", seats);
        using var admin = await _alpha.AdminAsync();
        await (await admin.PostAsync($"/api/governance/councils/{council.Id}/composition-rules/templates/medicaid-advisory-committee", null)).ShouldBeSuccessAsync();
        var details = await (await admin.GetAsync($"/api/governance/councils/{council.Id}")).ReadJsonAsync();
        details.GetProperty("rules")[0].GetProperty("source").GetString()!.ShouldContain("431.12");

        // Terms began 30 days ago, so ask on today's date but about the rule's phases through the template's dates:
        // the one Medicaid-member seat (10% of 10) meets the first phase and falls short later.
        async Task<JsonElement> RuleOn(string date) =>
            (await (await admin.GetAsync($"/api/governance/councils/{council.Id}/composition?date={date}")).ReadJsonAsync()).GetProperty("rules")[0];

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var current = await RuleOn(today.ToString("yyyy-MM-dd"));
        var expectedShare = today >= new DateOnly(2027, 7, 9) ? 0.25m : today >= new DateOnly(2026, 7, 9) ? 0.20m : 0.10m;
        current.GetProperty("minimumShare").GetDecimal().ShouldBe(expectedShare);
        current.GetProperty("requiredSeats").GetInt32().ShouldBe((int)Math.Ceiling(expectedShare * 10));
        current.GetProperty("shortfall").GetInt32().ShouldBe(Math.Max(0, (int)Math.Ceiling(expectedShare * 10) - 1));

        // Before the first phase the rule is not in effect (and the seats were vacant then anyway).
        var early = await RuleOn("2025-07-08");
        early.GetProperty("inEffect").GetBoolean().ShouldBeFalse();
        early.GetProperty("compliant").GetBoolean().ShouldBeTrue();
        var first = await RuleOn("2025-07-09");
        first.GetProperty("minimumShare").GetDecimal().ShouldBe(0.10m);
        first.GetProperty("requiredSeats").GetInt32().ShouldBe(1);
        var third = await RuleOn("2027-07-09");
        third.GetProperty("minimumShare").GetDecimal().ShouldBe(0.25m);
        third.GetProperty("requiredSeats").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_council_that_requires_compliance_refuses_to_open_a_vote_while_it_falls_short()
    {
        var council = await _alpha.CouncilAsync("strict", ("CommunityMember", true), ("AgencyStaff", true), ("AgencyStaff", true));
        using var admin = await _alpha.AdminAsync();
        await (await admin.PutAsJsonAsync($"/api/governance/councils/{council.Id}", new { name = "strict council", requireComplianceToVote = true })).ShouldBeSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/composition-rules", new { categories = new[] { "CommunityMember" }, minimumShare = 0.51 }))
            .ShouldBeSuccessAsync();
        var decision = await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false);
        var id = decision.GetProperty("id").GetGuid();

        await (await admin.PostAsync($"/api/governance/decisions/{id}/open-voting", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:CouncilNotCompliant");
        (await _alpha.GetDecisionAsync(id)).GetProperty("state").GetString().ShouldBe("Draft");
    }

    [Fact]
    public async Task A_chair_rule_is_met_only_by_a_filled_community_chair()
    {
        using var admin = await _alpha.AdminAsync();
        var council = await _alpha.CouncilAsync("chair", ("AgencyStaff", true));
        var chairSeat = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/seats", new { title = "Co-chair", category = "CommunityMember", isVoting = true, role = "CoChair" }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/composition-rules", new { kind = "ChairFrom", categories = new[] { "CommunityMember", "MedicaidMember" } }))
            .ShouldBeSuccessAsync();

        var vacant = (await (await admin.GetAsync($"/api/governance/councils/{council.Id}/composition")).ReadJsonAsync()).GetProperty("rules")[0];
        vacant.GetProperty("compliant").GetBoolean().ShouldBeFalse();
        vacant.GetProperty("shortfall").GetInt32().ShouldBe(1);

        var chair = await app.CreateUserAsync("alpha", "chair-person");
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/seats/{chairSeat}/assignments", new { userId = chair, termStart = GovernanceScenario.TermStart }))
            .ShouldBeSuccessAsync();
        var filled = (await (await admin.GetAsync($"/api/governance/councils/{council.Id}/composition")).ReadJsonAsync()).GetProperty("rules")[0];
        filled.GetProperty("compliant").GetBoolean().ShouldBeTrue();
    }
}
