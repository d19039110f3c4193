namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>Meetings through the API: agenda (linked decisions), attendance, access supports, permissions, tenancy.</summary>
public sealed class MeetingTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private readonly GovernanceScenario _alpha = new(app);

    private static string CouncilPath(Guid councilId) => $"/api/governance/councils/{councilId}";

    private async Task<Guid> CreateMeetingAsync(HttpClient client, Guid councilId, object meeting)
    {
        var response = await client.PostAsJsonAsync($"{CouncilPath(councilId)}/meetings", meeting);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>The attendance rows as (user, attended), in the order the API gives them (by name).</summary>
    private static List<(Guid UserId, bool Attended)> Attendance(JsonElement meeting)
        => meeting.GetProperty("attendance").EnumerateArray().Select(a => (a.GetProperty("userId").GetGuid(), a.GetProperty("attended").GetBoolean())).ToList();

    [Fact]
    public async Task A_meeting_is_created_with_an_agenda_that_links_a_real_decision_and_is_listed_and_read_back()
    {
        var council = await _alpha.CouncilAsync("mt-agenda", ("CommunityMember", true));
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var decision = (await _alpha.DecisionAsync(council.Id, new { title = "Saturday clinic hours", method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false))
            .GetProperty("id").GetGuid();

        var meeting = await CreateMeetingAsync(staff, council.Id, new
        {
            title = "  December council meeting  ",
            startsAt = "2026-12-01T18:00:00-05:00",
            durationMinutes = 90,
            location = "Eastside Library, room 2",
            agenda = new object[]
            {
                new { title = "Welcome and introductions", notes = "Interpreters introduce themselves" },
                new { title = "Saturday clinic hours", decisionId = decision },
            },
        });
        var earlier = await CreateMeetingAsync(staff, council.Id, new { title = "November council meeting", startsAt = "2026-11-03T18:00:00Z", durationMinutes = 60 });

        var read = await (await staff.GetAsync($"{CouncilPath(council.Id)}/meetings/{meeting}")).ReadJsonAsync();
        read.GetProperty("id").GetGuid().ShouldBe(meeting);
        read.GetProperty("councilId").GetGuid().ShouldBe(council.Id);
        read.GetProperty("title").GetString().ShouldBe("December council meeting");
        read.GetProperty("startsAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero));
        read.GetProperty("durationMinutes").GetInt32().ShouldBe(90);
        read.GetProperty("location").GetString().ShouldBe("Eastside Library, room 2");
        var agenda = read.GetProperty("agenda").EnumerateArray().ToList();
        agenda.Count.ShouldBe(2);
        agenda[0].GetProperty("title").GetString().ShouldBe("Welcome and introductions");
        agenda[0].GetProperty("notes").GetString().ShouldBe("Interpreters introduce themselves");
        agenda[0].GetProperty("decisionId").ValueKind.ShouldBe(JsonValueKind.Null);
        agenda[1].GetProperty("title").GetString().ShouldBe("Saturday clinic hours");
        agenda[1].GetProperty("decisionId").GetGuid().ShouldBe(decision);
        agenda[0].GetProperty("id").GetGuid().ShouldNotBe(agenda[1].GetProperty("id").GetGuid());
        read.GetProperty("accessSupports").GetArrayLength().ShouldBe(0);
        read.GetProperty("attendance").GetArrayLength().ShouldBe(0);

        // A member of the partnership sees the meetings too, newest first.
        using var member = await app.ClientAsync("alpha", "mt-agenda-1");
        var list = await (await member.GetAsync($"{CouncilPath(council.Id)}/meetings")).ReadJsonAsync();
        list.GetProperty("totalCount").GetInt64().ShouldBe(2);
        list.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldBe([meeting, earlier]);
        list.GetProperty("items")[1].GetProperty("agenda").GetArrayLength().ShouldBe(0);
        list.GetProperty("items")[1].GetProperty("location").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task An_agenda_item_linking_a_decision_that_does_not_exist_here_is_refused_and_nothing_is_saved()
    {
        var council = await _alpha.CouncilAsync("mt-baddec", ("CommunityMember", true));
        using var admin = await _alpha.AdminAsync();
        var missing = Guid.NewGuid();

        var problem = await (await admin.PostAsJsonAsync($"{CouncilPath(council.Id)}/meetings", new
            {
                title = "January meeting",
                startsAt = "2027-01-05T18:00:00Z",
                durationMinutes = 60,
                agenda = new object[] { new { title = "Welcome" }, new { title = "Ghost", decisionId = missing } },
            }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        problem.GetProperty("errors").GetProperty("agenda").EnumerateArray().Select(e => e.GetString()).ShouldBe([$"There is no decision {missing}."]);

        // Another partnership's decision is just as unknown here.
        var betaCouncil = await new GovernanceScenario(app, "beta").CouncilAsync("mt-beta", ("CommunityMember", true));
        var betaDecision = (await new GovernanceScenario(app, "beta").DecisionAsync(betaCouncil.Id, new { method = "YesNo", quorum = 0.5, threshold = "SimpleMajority", secretBallot = false }, openVoting: false))
            .GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"{CouncilPath(council.Id)}/meetings", new
            {
                title = "January meeting",
                startsAt = "2027-01-05T18:00:00Z",
                durationMinutes = 60,
                agenda = new object[] { new { title = "Beta's vote", decisionId = betaDecision } },
            }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");

        var list = await (await admin.GetAsync($"{CouncilPath(council.Id)}/meetings")).ReadJsonAsync();
        list.GetProperty("totalCount").GetInt64().ShouldBe(0);

        // Replacing an agenda with a bad link also leaves the old agenda as it was.
        var meeting = await CreateMeetingAsync(admin, council.Id, new { title = "February meeting", startsAt = "2027-02-02T18:00:00Z", durationMinutes = 60, agenda = new[] { new { title = "Welcome" } } });
        await (await admin.PutAsJsonAsync($"{CouncilPath(council.Id)}/meetings/{meeting}/agenda", new[] { new { title = "Ghost", decisionId = (Guid?)missing } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        var read = await (await admin.GetAsync($"{CouncilPath(council.Id)}/meetings/{meeting}")).ReadJsonAsync();
        read.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ShouldBe(["Welcome"]);
    }

    [Fact]
    public async Task A_meeting_needs_a_title_a_start_and_a_duration()
    {
        var council = await _alpha.CouncilAsync("mt-valid", ("CommunityMember", true));
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var meetings = $"{CouncilPath(council.Id)}/meetings";

        async Task RefusedAsync(object meeting, string field)
            => (await (await staff.PostAsJsonAsync(meetings, meeting)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed"))
                .GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);

        await RefusedAsync(new { startsAt = "2027-06-01T18:00:00Z", durationMinutes = 60 }, "title");
        await RefusedAsync(new { title = " ", startsAt = "2027-06-01T18:00:00Z", durationMinutes = 60 }, "title");
        await RefusedAsync(new { title = "June meeting", durationMinutes = 60 }, "startsAt");
        await RefusedAsync(new { title = "June meeting", startsAt = "2027-06-01T18:00:00Z" }, "durationMinutes");
        await RefusedAsync(new { title = "June meeting", startsAt = "2027-06-01T18:00:00Z", durationMinutes = 24 * 60 + 1 }, "durationMinutes");
        await (await staff.PostAsJsonAsync(meetings, new { title = "June meeting", startsAt = "June 1st", durationMinutes = 60 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:BadRequest");
        await (await staff.PostAsJsonAsync($"/api/governance/councils/{Guid.NewGuid()}/meetings", new { title = "June meeting", startsAt = "2027-06-01T18:00:00Z", durationMinutes = 60 }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");

        (await (await staff.GetAsync(meetings)).ReadJsonAsync()).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Attendance_keeps_one_record_per_person_can_be_corrected_and_refuses_unknown_people_whole()
    {
        var council = await _alpha.CouncilAsync("mt-att", ("CommunityMember", true), ("CommunityMember", true), ("Provider", true));
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var meeting = await CreateMeetingAsync(staff, council.Id, new { title = "March meeting", startsAt = "2027-03-02T18:00:00Z", durationMinutes = 120 });
        var m = $"{CouncilPath(council.Id)}/meetings/{meeting}";
        var (ana, ben, cam) = (council.Members[0].UserId, council.Members[1].UserId, council.Members[2].UserId);
        var entries = new[] { new { userId = ana, attended = true }, new { userId = ben, attended = false } };

        var first = await (await staff.PutAsJsonAsync($"{m}/attendance", entries)).ReadJsonAsync();
        var rows = first.GetProperty("attendance").EnumerateArray().ToList();
        rows.Count.ShouldBe(2);
        rows[0].GetProperty("userId").GetGuid().ShouldBe(ana);
        rows[0].GetProperty("name").GetString().ShouldBe("mt-att-1");
        rows[0].GetProperty("attended").GetBoolean().ShouldBeTrue();
        rows[1].GetProperty("userId").GetGuid().ShouldBe(ben);
        rows[1].GetProperty("name").GetString().ShouldBe("mt-att-2");
        rows[1].GetProperty("attended").GetBoolean().ShouldBeFalse();

        // The same list again changes nothing: still one record per person.
        var again = await (await staff.PutAsJsonAsync($"{m}/attendance", entries)).ReadJsonAsync();
        Attendance(again).ShouldBe([(ana, true), (ben, false)]);

        // A correction (true → false) and an addition in one call; people not in the list keep their record.
        var corrected = await (await staff.PutAsJsonAsync($"{m}/attendance", new[] { new { userId = ana, attended = false }, new { userId = cam, attended = true } })).ReadJsonAsync();
        Attendance(corrected).ShouldBe([(ana, false), (ben, false), (cam, true)]);

        // One unknown person refuses the whole list: the known person's change is not stored either.
        var unknown = Guid.NewGuid();
        var problem = await (await staff.PutAsJsonAsync($"{m}/attendance", new[] { new { userId = ben, attended = true }, new { userId = unknown, attended = true } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:UnknownUser");
        problem.GetProperty("errors").GetProperty("entries").EnumerateArray().Select(e => e.GetString()).ShouldBe([$"There is no user {unknown} in this partnership."]);
        await (await staff.PutAsJsonAsync($"{m}/attendance", new[] { new { userId = app.BetaMemberId, attended = true } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:UnknownUser");

        var read = await (await staff.GetAsync(m)).ReadJsonAsync();
        Attendance(read).ShouldBe([(ana, false), (ben, false), (cam, true)]);
        read.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldBe(["mt-att-1", "mt-att-2", "mt-att-3"]);
    }

    [Fact]
    public async Task A_member_requests_access_supports_staff_provides_them_and_a_member_cannot_run_the_meeting()
    {
        var council = await _alpha.CouncilAsync("mt-sup", ("CommunityMember", true));
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        using var member = await app.ClientAsync("alpha", "mt-sup-1");
        var memberId = council.Members[0].UserId;
        var meeting = await CreateMeetingAsync(staff, council.Id, new { title = "April meeting", startsAt = "2027-04-06T18:00:00Z", durationMinutes = 60 });
        var m = $"{CouncilPath(council.Id)}/meetings/{meeting}";

        var noLanguage = await (await member.PostAsJsonAsync($"{m}/access-supports", new { kind = "Interpreter" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        noLanguage.GetProperty("errors").GetProperty("language").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Say which language needs interpreting."]);
        await (await member.PostAsJsonAsync($"{m}/access-supports", new { kind = "Teleporter" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:BadRequest");

        var interpreterResponse = await member.PostAsJsonAsync($"{m}/access-supports", new { kind = "Interpreter", language = " es ", details = "Spanish, whole meeting" });
        interpreterResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        var interpreterId = (await interpreterResponse.ReadJsonAsync()).GetProperty("id").GetGuid();
        var interpreter = (await (await member.GetAsync(m)).ReadJsonAsync()).GetProperty("accessSupports").EnumerateArray()
            .Single(s => s.GetProperty("id").GetGuid() == interpreterId);
        interpreter.GetProperty("userId").GetGuid().ShouldBe(memberId);
        interpreter.GetProperty("kind").GetString().ShouldBe("Interpreter");
        interpreter.GetProperty("language").GetString().ShouldBe("es");
        interpreter.GetProperty("details").GetString().ShouldBe("Spanish, whole meeting");
        interpreter.GetProperty("status").GetString().ShouldBe("Requested");
        var childcareId = (await (await member.PostAsJsonAsync($"{m}/access-supports", new { kind = "Childcare", details = "Two children, 4 and 7" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var childcare = (await (await member.GetAsync(m)).ReadJsonAsync()).GetProperty("accessSupports").EnumerateArray()
            .Single(s => s.GetProperty("id").GetGuid() == childcareId);
        childcare.GetProperty("language").ValueKind.ShouldBe(JsonValueKind.Null);

        // Only staff change a support's status.
        await (await member.PutAsJsonAsync($"{m}/access-supports/{interpreterId}", new { status = "Provided" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        var provided = await (await staff.PutAsJsonAsync($"{m}/access-supports/{interpreterId}", new { status = "Provided" })).ReadJsonAsync();
        provided.GetProperty("id").GetGuid().ShouldBe(interpreterId);
        provided.GetProperty("status").GetString().ShouldBe("Provided");
        provided.GetProperty("language").GetString().ShouldBe("es");
        await (await staff.PutAsJsonAsync($"{m}/access-supports/{Guid.NewGuid()}", new { status = "Provided" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");

        var read = await (await member.GetAsync(m)).ReadJsonAsync();
        var supports = read.GetProperty("accessSupports").EnumerateArray().ToList();
        supports.Select(s => (s.GetProperty("kind").GetString(), s.GetProperty("status").GetString())).ShouldBe([("Interpreter", "Provided"), ("Childcare", "Requested")]);

        // A member cannot record attendance, create meetings or change the agenda.
        await (await member.PutAsJsonAsync($"{m}/attendance", new[] { new { userId = memberId, attended = true } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        await (await member.PostAsJsonAsync($"{CouncilPath(council.Id)}/meetings", new { title = "Mine", startsAt = "2027-04-06T18:00:00Z", durationMinutes = 60 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        await (await member.PutAsJsonAsync($"{m}/agenda", new[] { new { title = "Mine" } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        (await (await staff.GetAsync(m)).ReadJsonAsync()).GetProperty("attendance").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Access_support_requests_are_seen_by_their_requester_and_meeting_managers_and_others_see_only_suppressed_counts()
    {
        var council = await _alpha.CouncilAsync("mt-priv", ("CommunityMember", true), ("CommunityMember", true), ("CommunityMember", true));
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        using var admin = await _alpha.AdminAsync();
        var meeting = await CreateMeetingAsync(staff, council.Id, new { title = "June meeting", startsAt = "2027-06-01T18:00:00Z", durationMinutes = 60 });
        var m = $"{CouncilPath(council.Id)}/meetings/{meeting}";
        using var ana = await app.ClientAsync("alpha", "mt-priv-1");
        using var ben = await app.ClientAsync("alpha", "mt-priv-2");
        using var cam = await app.ClientAsync("alpha", "mt-priv-3");

        await (await ana.PostAsJsonAsync($"{m}/access-supports", new { kind = "Childcare", details = "Ana's twins, age 3" })).ShouldBeSuccessAsync();
        for (var i = 0; i < 5; i++)
        {
            await (await ben.PostAsJsonAsync($"{m}/access-supports", new { kind = "Transport", details = $"Ben's ride {i}" })).ShouldBeSuccessAsync();
        }

        static IReadOnlyList<string?> Details(JsonElement meeting) => meeting.GetProperty("accessSupports").EnumerateArray().Select(s => s.GetProperty("details").GetString()).ToList();
        static Dictionary<string, int?> Counts(JsonElement meeting) => meeting.GetProperty("accessSupportCounts").EnumerateArray()
            .ToDictionary(c => c.GetProperty("value").GetString()!, c => c.GetProperty("count").ValueKind == JsonValueKind.Null ? (int?)null : c.GetProperty("count").GetInt32());

        // Each requester sees only their own requests, in the meeting and in the list of meetings.
        Details(await (await ana.GetAsync(m)).ReadJsonAsync()).ShouldBe(["Ana's twins, age 3"]);
        Details(await (await ben.GetAsync(m)).ReadJsonAsync()).Count.ShouldBe(5);
        var camView = await (await cam.GetAsync(m)).ReadJsonAsync();
        Details(camView).ShouldBeEmpty();
        var listed = (await (await cam.GetAsync($"{CouncilPath(council.Id)}/meetings")).ReadJsonAsync()).GetProperty("items").EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == meeting);
        Details(listed).ShouldBeEmpty();

        // Counts: the single childcare request is withheld (under the minimum of 5), and so is the next smallest, so the
        // withheld one cannot be worked out from a total.
        Counts(camView).ShouldBe(new Dictionary<string, int?> { ["Childcare"] = null, ["Transport"] = null });

        // Meeting managers (staff, admin) see every request with its details.
        Details(await (await staff.GetAsync(m)).ReadJsonAsync()).Count.ShouldBe(6);
        Details(await (await admin.GetAsync(m)).ReadJsonAsync()).ShouldContain("Ana's twins, age 3");
    }

    [Fact]
    public async Task Everything_of_alphas_meetings_is_not_found_for_beta_and_stays_unchanged()
    {
        var council = await _alpha.CouncilAsync("mt-iso", ("CommunityMember", true));
        using var admin = await _alpha.AdminAsync();
        var meeting = await CreateMeetingAsync(admin, council.Id, new { title = "May meeting", startsAt = "2027-05-04T18:00:00Z", durationMinutes = 60, agenda = new[] { new { title = "Welcome" } } });
        var c = CouncilPath(council.Id);
        var m = $"{c}/meetings/{meeting}";
        await (await admin.PutAsJsonAsync($"{m}/attendance", new[] { new { userId = council.Members[0].UserId, attended = true } })).ShouldBeSuccessAsync();
        var support = (await (await admin.PostAsJsonAsync($"{m}/access-supports", new { kind = "Transport" })).ReadJsonAsync()).GetProperty("id").GetGuid();

        using var beta = await app.ClientAsync("beta", "admin");
        await (await beta.GetAsync(m)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.GetAsync($"{c}/meetings")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.PostAsJsonAsync($"{c}/meetings", new { title = "Beta's", startsAt = "2027-05-04T18:00:00Z", durationMinutes = 60 }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.PutAsJsonAsync($"{m}/attendance", new[] { new { userId = app.BetaMemberId, attended = false } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.PutAsJsonAsync($"{m}/agenda", new[] { new { title = "Taken over" } })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.PostAsJsonAsync($"{m}/access-supports", new { kind = "Remote" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.PutAsJsonAsync($"{m}/access-supports/{support}", new { status = "Declined" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");

        var read = await (await admin.GetAsync(m)).ReadJsonAsync();
        read.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ShouldBe(["Welcome"]);
        Attendance(read).ShouldBe([(council.Members[0].UserId, true)]);
        read.GetProperty("accessSupports").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ShouldBe(["Requested"]);
        (await (await admin.GetAsync($"{c}/meetings")).ReadJsonAsync()).GetProperty("totalCount").GetInt64().ShouldBe(1);
    }
}
