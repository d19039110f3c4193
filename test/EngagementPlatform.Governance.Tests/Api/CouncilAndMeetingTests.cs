namespace EngagementPlatform.Governance.Tests.Api;

public sealed class CouncilAndMeetingTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private readonly GovernanceScenario _alpha = new(app);

    [Fact]
    public async Task Terms_cannot_overlap_on_a_seat_or_for_a_person_and_ended_terms_stay_in_the_history()
    {
        var council = await _alpha.CouncilAsync("terms", ("CommunityMember", true), ("Provider", true));
        using var admin = await _alpha.AdminAsync();
        var seat = council.Members[0].SeatId;
        var other = council.Members[1];
        var newcomer = await app.CreateUserAsync("alpha", "terms-new");
        var c = $"/api/governance/councils/{council.Id}";

        await (await admin.PostAsJsonAsync($"{c}/seats/{seat}/assignments", new { userId = newcomer, termStart = "2027-01-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SeatOccupied");
        await (await admin.PostAsJsonAsync($"{c}/seats/{other.SeatId}/assignments", new { userId = council.Members[0].UserId, termStart = "2030-01-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SeatOccupied");
        await (await admin.PostAsJsonAsync($"{c}/seats/{seat}/assignments", new { userId = newcomer, termStart = "2027-01-01", termEnd = "2026-01-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:InvalidTerm");
        await (await admin.PostAsJsonAsync($"{c}/seats/{seat}/assignments", new { userId = Guid.NewGuid(), termStart = "2027-01-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:UnknownUser");

        (await admin.DeleteAsync($"{c}/seats/{seat}/assignments/current")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"{c}/seats/{seat}/assignments/current")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SeatVacant");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        await (await admin.PostAsJsonAsync($"{c}/seats/{seat}/assignments", new { userId = newcomer, termStart = today })).ShouldBeSuccessAsync();

        var history = await (await admin.GetAsync($"{c}/seats/{seat}/assignments")).ReadItemsAsync();
        history.GetArrayLength().ShouldBe(2);
        history[0].GetProperty("userId").GetGuid().ShouldBe(council.Members[0].UserId);
        history[0].GetProperty("termEnd").GetString().ShouldBe(today);
        history[0].GetProperty("endedEarly").GetBoolean().ShouldBeTrue();
        var details = await (await admin.GetAsync(c)).ReadJsonAsync();
        var held = details.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == seat);
        held.GetProperty("isVacant").GetBoolean().ShouldBeFalse();
        held.GetProperty("holder").GetProperty("name").GetString().ShouldBe("terms-new");
    }

    [Fact]
    public async Task Attendance_is_recorded_once_per_person_and_access_supports_are_requested_and_provided()
    {
        var council = await _alpha.CouncilAsync("meet", ("CommunityMember", true), ("CommunityMember", true));
        using var admin = await _alpha.AdminAsync();
        var c = $"/api/governance/councils/{council.Id}";
        var decision = (await _alpha.DecisionAsync(council.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false))
            .GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"{c}/meetings", new { title = "x", startsAt = "2026-12-01T18:00:00Z", durationMinutes = 60, agenda = new[] { new { title = "?", decisionId = Guid.NewGuid() } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var meeting = (await (await admin.PostAsJsonAsync($"{c}/meetings", new
        {
            title = "December council meeting",
            startsAt = "2026-12-01T18:00:00Z",
            durationMinutes = 90,
            location = "Eastside Library, room 2",
            agenda = new object[] { new { title = "Welcome" }, new { title = "Saturday hours", decisionId = decision } },
        })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var m = $"{c}/meetings/{meeting}";

        var entries = new[] { new { userId = council.Members[0].UserId, attended = true }, new { userId = council.Members[1].UserId, attended = false } };
        await (await admin.PutAsJsonAsync($"{m}/attendance", entries)).ShouldBeSuccessAsync();
        var again = await (await admin.PutAsJsonAsync($"{m}/attendance", entries)).ReadJsonAsync();
        again.GetProperty("attendance").GetArrayLength().ShouldBe(2);
        again.GetProperty("attendance").EnumerateArray().Count(a => a.GetProperty("attended").GetBoolean()).ShouldBe(1);
        var corrected = await (await admin.PutAsJsonAsync($"{m}/attendance", new[] { new { userId = council.Members[0].UserId, attended = false } })).ReadJsonAsync();
        corrected.GetProperty("attendance").EnumerateArray().Count(a => a.GetProperty("attended").GetBoolean()).ShouldBe(0);
        await (await admin.PutAsJsonAsync($"{m}/attendance", new[] { new { userId = Guid.NewGuid(), attended = true } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:UnknownUser");

        using var member = await app.ClientAsync("alpha", "meet-1");
        await (await member.PutAsJsonAsync($"{m}/attendance", entries)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        await (await member.PostAsJsonAsync($"{m}/access-supports", new { kind = "Interpreter" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        var asked = await member.PostAsJsonAsync($"{m}/access-supports", new { kind = "Interpreter", language = "es" });
        asked.StatusCode.ShouldBe(HttpStatusCode.Created);
        asked.Headers.Location!.ToString().ShouldBe(m);
        var supportId = (await asked.ReadJsonAsync()).GetProperty("id").GetGuid();
        (await (await member.GetAsync(m)).ReadJsonAsync()).GetProperty("accessSupports").EnumerateArray()
            .Single(s => s.GetProperty("id").GetGuid() == supportId).GetProperty("userId").GetGuid().ShouldBe(council.Members[0].UserId);
        var provided = await (await admin.PutAsJsonAsync($"{m}/access-supports/{supportId}", new { status = "Provided" })).ReadJsonAsync();
        provided.GetProperty("status").GetString().ShouldBe("Provided");

        var read = await (await member.GetAsync(m)).ReadJsonAsync();
        read.GetProperty("agenda")[1].GetProperty("decisionId").GetGuid().ShouldBe(decision);
        read.GetProperty("accessSupports")[0].GetProperty("language").GetString().ShouldBe("es");

        using var beta = await app.ClientAsync("beta", "admin");
        await (await beta.GetAsync(m)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SeatAndSupportInputTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task A_seat_needs_its_category_and_voting_status_and_members_ask_for_support_only_for_themselves()
    {
        var alpha = new GovernanceScenario(app);
        var council = await alpha.CouncilAsync("inputs", ("CommunityMember", true));
        using var admin = await alpha.AdminAsync();
        var problem = await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/seats", new { title = "No category" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        problem.GetProperty("errors").TryGetProperty("category", out _).ShouldBeTrue();
        problem.GetProperty("errors").TryGetProperty("isVoting", out _).ShouldBeTrue();
        (await (await admin.GetAsync($"/api/governance/councils/{council.Id}")).ReadJsonAsync()).GetProperty("seats").GetArrayLength().ShouldBe(1);

        var meeting = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/meetings", new { title = "M", startsAt = "2026-12-01T18:00:00-05:00", durationMinutes = 60 }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        var supports = $"/api/governance/councils/{council.Id}/meetings/{meeting}/access-supports";
        using var member = await app.ClientAsync("alpha", "inputs-1");
        await (await member.PostAsJsonAsync(supports, new { kind = "Childcare", userId = app.AlphaMemberId })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        await (await admin.PostAsJsonAsync(supports, new { kind = "Childcare", userId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:UnknownUser");
        var forMember = (await (await admin.PostAsJsonAsync(supports, new { kind = "Childcare", userId = app.AlphaMemberId })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var forSelf = (await (await member.PostAsJsonAsync(supports, new { kind = "Transport" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var asked = (await (await admin.GetAsync($"/api/governance/councils/{council.Id}/meetings/{meeting}")).ReadJsonAsync()).GetProperty("accessSupports").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetGuid(), s => s.GetProperty("userId").GetGuid());
        asked[forMember].ShouldBe(app.AlphaMemberId);
        asked[forSelf].ShouldBe(council.Members[0].UserId);
    }
}
