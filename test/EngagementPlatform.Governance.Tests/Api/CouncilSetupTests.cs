namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>Setting a council up through the API: the council, its seats, and who holds them when.</summary>
public sealed class CouncilSetupTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private const string Councils = "/api/governance/councils";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd");

    private static async Task<Guid> IdOfCreatedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> CouncilAsync(HttpClient admin, string name)
        => await IdOfCreatedAsync(await admin.PostAsJsonAsync(Councils, new { name }));

    private static async Task<Guid> SeatAsync(HttpClient admin, Guid council, string title, string category = "CommunityMember", bool isVoting = true, string? role = null)
        => await IdOfCreatedAsync(await admin.PostAsJsonAsync($"{Councils}/{council}/seats", new { title, category, isVoting, role }));

    private static Task<HttpResponseMessage> AssignAsync(HttpClient admin, Guid council, Guid seat, Guid userId, DateOnly start, DateOnly? end = null)
        => admin.PostAsJsonAsync($"{Councils}/{council}/seats/{seat}/assignments", new { userId, termStart = Day(start), termEnd = end is { } e ? Day(e) : null });

    private static async Task<JsonElement> SeatOfAsync(HttpClient client, Guid council, Guid seat)
        => (await (await client.GetAsync($"{Councils}/{council}")).ReadJsonAsync()).GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == seat);

    private static async Task<(int Filled, int Vacant)> CommunityOnAsync(HttpClient client, Guid council, DateOnly date)
    {
        var composition = await (await client.GetAsync($"{Councils}/{council}/composition?date={Day(date)}")).ReadJsonAsync();
        var row = composition.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "CommunityMember");
        return (row.GetProperty("filled").GetInt32(), row.GetProperty("vacant").GetInt32());
    }

    [Fact]
    public async Task A_council_is_created_and_updated_with_its_name_required_and_a_minimum_cell_size_of_2_to_100()
    {
        using var admin = await app.ClientAsync("alpha", "admin");

        var created = await admin.PostAsJsonAsync(Councils, new { name = "  Eastside Health Equity Council  ", description = "Advises on clinic services" });
        var id = await IdOfCreatedAsync(created);
        created.Headers.Location!.ToString().ShouldBe($"/api/governance/councils/{id}");
        var council = await (await admin.GetAsync($"{Councils}/{id}")).ReadJsonAsync();
        council.GetProperty("name").GetString().ShouldBe("Eastside Health Equity Council");
        council.GetProperty("description").GetString().ShouldBe("Advises on clinic services");
        council.GetProperty("charter").ValueKind.ShouldBe(JsonValueKind.Null);
        council.GetProperty("requireComplianceToVote").GetBoolean().ShouldBeFalse();
        council.GetProperty("minimumCellSize").GetInt32().ShouldBe(5);
        council.GetProperty("seats").GetArrayLength().ShouldBe(0);
        council.GetProperty("rules").GetArrayLength().ShouldBe(0);

        (await (await admin.PostAsJsonAsync(Councils, new { name = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed"))
            .GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
        (await (await admin.PostAsJsonAsync(Councils, new { description = "No name" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed"))
            .GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
        (await (await admin.PostAsJsonAsync(Councils, new { name = "Too small", minimumCellSize = 1 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed"))
            .GetProperty("errors").TryGetProperty("minimumCellSize", out _).ShouldBeTrue();
        await (await admin.PostAsJsonAsync(Councils, new { name = "Too big", minimumCellSize = 101 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        await (await admin.PostAsJsonAsync(Councils, new { name = "Edge low", minimumCellSize = 2 })).ShouldBeSuccessAsync();
        await (await admin.PostAsJsonAsync(Councils, new { name = "Edge high", minimumCellSize = 100 })).ShouldBeSuccessAsync();

        var updated = await (await admin.PutAsJsonAsync($"{Councils}/{id}", new
        {
            name = "Eastside Council",
            description = "Advises on clinic services and outreach",
            charter = "We meet monthly and decide together.",
            requireComplianceToVote = true,
            minimumCellSize = 10,
        })).ReadJsonAsync();
        updated.GetProperty("id").GetGuid().ShouldBe(id);
        updated.GetProperty("name").GetString().ShouldBe("Eastside Council");
        updated.GetProperty("description").GetString().ShouldBe("Advises on clinic services and outreach");
        updated.GetProperty("charter").GetString().ShouldBe("We meet monthly and decide together.");
        updated.GetProperty("requireComplianceToVote").GetBoolean().ShouldBeTrue();
        updated.GetProperty("minimumCellSize").GetInt32().ShouldBe(10);

        // Refused updates change nothing; fields left out keep their values.
        await (await admin.PutAsJsonAsync($"{Councils}/{id}", new { name = " ", minimumCellSize = 3 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        await (await admin.PutAsJsonAsync($"{Councils}/{id}", new { name = "Eastside Council", minimumCellSize = 0 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        var kept = await (await admin.PutAsJsonAsync($"{Councils}/{id}", new { name = "Eastside Community Council" })).ReadJsonAsync();
        kept.GetProperty("name").GetString().ShouldBe("Eastside Community Council");
        kept.GetProperty("charter").GetString().ShouldBe("We meet monthly and decide together.");
        kept.GetProperty("requireComplianceToVote").GetBoolean().ShouldBeTrue();
        kept.GetProperty("minimumCellSize").GetInt32().ShouldBe(10);

        await (await admin.PutAsJsonAsync($"{Councils}/{Guid.NewGuid()}", new { name = "Nobody's" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");

        using var member = await app.ClientAsync("alpha", "alpha-member");
        await (await member.PostAsJsonAsync(Councils, new { name = "Member's own" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        await (await member.PutAsJsonAsync($"{Councils}/{id}", new { name = "Renamed by a member" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        (await (await member.GetAsync($"{Councils}/{id}")).ReadJsonAsync()).GetProperty("name").GetString().ShouldBe("Eastside Community Council");
    }

    [Fact]
    public async Task Seats_keep_their_category_voting_and_role_and_the_council_shows_holders_by_name()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var council = await CouncilAsync(admin, "Seats council");
        var chair = await SeatAsync(admin, council, "Chair", "CommunityMember", true, "Chair");
        var coChair = await SeatAsync(admin, council, "Co-chair", "AgencyStaff", true, "CoChair");
        var medicaid = await SeatAsync(admin, council, "Medicaid member", "MedicaidMember");
        var cbo = await SeatAsync(admin, council, "Coalition", "CommunityOrganization");
        var provider = await SeatAsync(admin, council, "Clinic", "Provider", false);
        var other = await SeatAsync(admin, council, "Youth observer", "Other", false);

        await (await admin.PostAsJsonAsync($"{Councils}/{council}/seats", new { title = "", category = "Provider", isVoting = true })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        await (await admin.PostAsJsonAsync($"{Councils}/{council}/seats", new { title = "Alien", category = "Martian", isVoting = true })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:BadRequest");
        await (await admin.PostAsJsonAsync($"{Councils}/{council}/seats", new { title = "King", category = "Other", isVoting = true, role = "King" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:BadRequest");

        var rosa = await app.CreateUserAsync("alpha", "cs-rosa");
        var tom = await app.CreateUserAsync("alpha", "cs-tom", "staff");
        (await AssignAsync(admin, council, chair, rosa, Today.AddDays(-10), Today.AddYears(2))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AssignAsync(admin, council, coChair, tom, Today.AddDays(-10))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var details = await (await admin.GetAsync($"{Councils}/{council}")).ReadJsonAsync();
        var seats = details.GetProperty("seats").EnumerateArray().ToList();
        seats.Select(s => s.GetProperty("id").GetGuid()).ShouldBe([chair, coChair, medicaid, cbo, provider, other]);
        seats.Select(s => (s.GetProperty("title").GetString(), s.GetProperty("category").GetString(), s.GetProperty("isVoting").GetBoolean(), s.GetProperty("role").GetString(), s.GetProperty("isVacant").GetBoolean()))
            .ShouldBe([
                ("Chair", "CommunityMember", true, "Chair", false),
                ("Co-chair", "AgencyStaff", true, "CoChair", false),
                ("Medicaid member", "MedicaidMember", true, "Member", true),
                ("Coalition", "CommunityOrganization", true, "Member", true),
                ("Clinic", "Provider", false, "Member", true),
                ("Youth observer", "Other", false, "Member", true),
            ]);
        var holder = seats[0].GetProperty("holder");
        holder.GetProperty("userId").GetGuid().ShouldBe(rosa);
        holder.GetProperty("name").GetString().ShouldBe("cs-rosa");
        holder.GetProperty("termStart").GetString().ShouldBe(Day(Today.AddDays(-10)));
        holder.GetProperty("termEnd").GetString().ShouldBe(Day(Today.AddYears(2)));
        seats[1].GetProperty("holder").GetProperty("name").GetString().ShouldBe("cs-tom");
        seats[1].GetProperty("holder").GetProperty("termEnd").ValueKind.ShouldBe(JsonValueKind.Null);
        seats[2].GetProperty("holder").ValueKind.ShouldBe(JsonValueKind.Null);

        // A seat can be changed; the role stays when the update leaves it out.
        var changed = await admin.PutAsJsonAsync($"{Councils}/{council}/seats/{provider}", new { title = "Clinic (voting)", category = "Provider", isVoting = true });
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        await (await admin.PutAsJsonAsync($"{Councils}/{council}/seats/{coChair}", new { title = "Co-chair", category = "AgencyStaff", isVoting = true })).ShouldBeSuccessAsync();
        var after = await (await admin.GetAsync($"{Councils}/{council}")).ReadJsonAsync();
        var providerSeat = after.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == provider);
        providerSeat.GetProperty("title").GetString().ShouldBe("Clinic (voting)");
        providerSeat.GetProperty("isVoting").GetBoolean().ShouldBeTrue();
        after.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == coChair).GetProperty("role").GetString().ShouldBe("CoChair");
        await (await admin.PutAsJsonAsync($"{Councils}/{council}/seats/{Guid.NewGuid()}", new { title = "x", category = "Other", isVoting = false })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");

        // The list shows the council's counts today: 6 seats, 5 voting (the clinic seat now votes), 4 vacant.
        var list = await (await admin.GetAsync($"{Councils}?maxResultCount=1000")).ReadJsonAsync();
        var summary = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == council);
        summary.GetProperty("name").GetString().ShouldBe("Seats council");
        summary.GetProperty("seats").GetInt32().ShouldBe(6);
        summary.GetProperty("votingSeats").GetInt32().ShouldBe(5);
        summary.GetProperty("vacantSeats").GetInt32().ShouldBe(4);
        summary.GetProperty("compliant").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_term_ends_before_its_end_date_so_the_seat_is_vacant_on_that_day_and_the_next_term_may_start_then()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var council = await CouncilAsync(admin, "Terms council");
        var seat = await SeatAsync(admin, council, "Community seat");
        var ana = await app.CreateUserAsync("alpha", "cs-ana");
        var ben = await app.CreateUserAsync("alpha", "cs-ben");
        var start = new DateOnly(2026, 1, 1);
        var end = new DateOnly(2026, 7, 1);

        var first = await IdOfCreatedAsync(await AssignAsync(admin, council, seat, ana, start, end));
        (await CommunityOnAsync(admin, council, new DateOnly(2025, 12, 31))).ShouldBe((0, 1));
        (await CommunityOnAsync(admin, council, start)).ShouldBe((1, 0));
        (await CommunityOnAsync(admin, council, new DateOnly(2026, 6, 30))).ShouldBe((1, 0));
        (await CommunityOnAsync(admin, council, end)).ShouldBe((0, 1));

        // The next holder may start on the previous term's end date, not a day before.
        await (await AssignAsync(admin, council, seat, ben, new DateOnly(2026, 6, 30), new DateOnly(2027, 7, 1)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SeatOccupied");
        var second = await IdOfCreatedAsync(await AssignAsync(admin, council, seat, ben, end, new DateOnly(2027, 7, 1)));
        (await CommunityOnAsync(admin, council, end)).ShouldBe((1, 0));

        // A term ending today has already left the seat vacant today, so there is no current term to end.
        var today = await SeatAsync(admin, council, "Seat ending today");
        var cara = await app.CreateUserAsync("alpha", "cs-cara");
        await IdOfCreatedAsync(await AssignAsync(admin, council, today, cara, Today.AddDays(-100), Today));
        var seatToday = await SeatOfAsync(admin, council, today);
        seatToday.GetProperty("isVacant").GetBoolean().ShouldBeTrue();
        seatToday.GetProperty("holder").ValueKind.ShouldBe(JsonValueKind.Null);
        await (await admin.DeleteAsync($"{Councils}/{council}/seats/{today}/assignments/current")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SeatVacant");

        var history = await (await admin.GetAsync($"{Councils}/{council}/seats/{seat}/assignments")).ReadItemsAsync();
        history.EnumerateArray().Select(a => (a.GetProperty("id").GetGuid(), a.GetProperty("userId").GetGuid(), a.GetProperty("name").GetString(), a.GetProperty("termStart").GetString(), a.GetProperty("termEnd").GetString(), a.GetProperty("endedEarly").GetBoolean()))
            .ShouldBe([(first, ana, "cs-ana", "2026-01-01", "2026-07-01", false), (second, ben, "cs-ben", "2026-07-01", "2027-07-01", false)]);
    }

    [Fact]
    public async Task Overlapping_terms_bad_terms_and_unknown_people_are_refused_with_codes_and_nothing_is_stored()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var council = await CouncilAsync(admin, "Rules council");
        var seatA = await SeatAsync(admin, council, "Seat A");
        var seatB = await SeatAsync(admin, council, "Seat B", "Provider");
        var dee = await app.CreateUserAsync("alpha", "cs-dee");
        var eli = await app.CreateUserAsync("alpha", "cs-eli");
        (await AssignAsync(admin, council, seatA, dee, new DateOnly(2026, 1, 1), new DateOnly(2028, 1, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Seat A is taken for all of 2026-2027 by Dee.
        await (await AssignAsync(admin, council, seatA, eli, new DateOnly(2027, 12, 31))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SeatOccupied");
        await (await AssignAsync(admin, council, seatA, eli, new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 2))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SeatOccupied");
        await (await AssignAsync(admin, council, seatA, eli, new DateOnly(2025, 1, 1))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SeatOccupied");

        // Dee cannot also sit in seat B while she holds seat A, but may once her term there has ended.
        await (await AssignAsync(admin, council, seatB, dee, new DateOnly(2027, 6, 1), new DateOnly(2029, 1, 1))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:AlreadySeated");
        await (await AssignAsync(admin, council, seatB, dee, new DateOnly(2025, 1, 1))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:AlreadySeated");

        // The term must end after it starts.
        await (await AssignAsync(admin, council, seatB, eli, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:InvalidTerm");
        await (await AssignAsync(admin, council, seatB, eli, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:InvalidTerm");

        // A term has a start: leaving it out is refused, not read as the year 1.
        var noStart = await (await admin.PostAsJsonAsync($"{Councils}/{council}/seats/{seatB}/assignments", new { userId = eli }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        noStart.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["termStart"]);

        // Only people of this partnership can hold a seat.
        var unknown = await (await AssignAsync(admin, council, seatB, Guid.NewGuid(), new DateOnly(2026, 1, 1))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:UnknownUser");
        unknown.GetProperty("errors").TryGetProperty("userId", out _).ShouldBeTrue();
        await (await AssignAsync(admin, council, seatB, app.BetaMemberId, new DateOnly(2026, 1, 1))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Governance:UnknownUser");
        await (await AssignAsync(admin, council, Guid.NewGuid(), eli, new DateOnly(2026, 1, 1))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");

        (await (await admin.GetAsync($"{Councils}/{council}/seats/{seatA}/assignments")).ReadItemsAsync()).EnumerateArray().Select(a => a.GetProperty("userId").GetGuid()).ShouldBe([dee]);
        (await (await admin.GetAsync($"{Councils}/{council}/seats/{seatB}/assignments")).ReadItemsAsync()).GetArrayLength().ShouldBe(0);

        // What is refused here is fine elsewhere: Dee after her term, Dee on another council, Eli in seat B.
        (await AssignAsync(admin, council, seatB, dee, new DateOnly(2028, 1, 1), new DateOnly(2030, 1, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var otherCouncil = await CouncilAsync(admin, "Rules council 2");
        var otherSeat = await SeatAsync(admin, otherCouncil, "Seat");
        (await AssignAsync(admin, otherCouncil, otherSeat, dee, new DateOnly(2026, 1, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AssignAsync(admin, council, seatB, eli, new DateOnly(2026, 1, 1), new DateOnly(2028, 1, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        (await AssignAsync(staff, otherCouncil, await SeatAsync(staff, otherCouncil, "Staff-made seat"), eli, new DateOnly(2026, 1, 1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var member = await app.ClientAsync("alpha", "alpha-member");
        await (await AssignAsync(member, council, seatA, app.AlphaMemberId, new DateOnly(2029, 1, 1))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        await (await member.PostAsJsonAsync($"{Councils}/{council}/seats", new { title = "Mine", category = "Other", isVoting = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
    }

    [Fact]
    public async Task Ending_the_current_term_vacates_the_seat_today_and_keeps_the_history()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var council = await CouncilAsync(admin, "Vacancy council");
        var seat = await SeatAsync(admin, council, "Community seat");
        var never = await SeatAsync(admin, council, "Never filled");
        var fay = await app.CreateUserAsync("alpha", "cs-fay");
        var gus = await app.CreateUserAsync("alpha", "cs-gus");
        var planned = Today.AddYears(1);
        var fayTerm = await IdOfCreatedAsync(await AssignAsync(admin, council, seat, fay, Today.AddDays(-90), planned));
        (await SeatOfAsync(admin, council, seat)).GetProperty("holder").GetProperty("assignmentId").GetGuid().ShouldBe(fayTerm);

        await (await admin.DeleteAsync($"{Councils}/{council}/seats/{never}/assignments/current")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SeatVacant");
        using var member = await app.ClientAsync("alpha", "alpha-member");
        await (await member.DeleteAsync($"{Councils}/{council}/seats/{seat}/assignments/current")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");

        var ended = await admin.DeleteAsync($"{Councils}/{council}/seats/{seat}/assignments/current");
        ended.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var vacant = await SeatOfAsync(admin, council, seat);
        vacant.GetProperty("isVacant").GetBoolean().ShouldBeTrue();
        vacant.GetProperty("holder").ValueKind.ShouldBe(JsonValueKind.Null);
        (await CommunityOnAsync(admin, council, Today.AddDays(-1))).ShouldBe((1, 1));
        (await CommunityOnAsync(admin, council, Today)).ShouldBe((0, 2));
        await (await admin.DeleteAsync($"{Councils}/{council}/seats/{seat}/assignments/current")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "Governance:SeatVacant");

        // Fay's planned term is gone, so she may be seated again later; Gus takes the seat from today.
        var gusTerm = await IdOfCreatedAsync(await AssignAsync(admin, council, seat, gus, Today));
        var history = await (await admin.GetAsync($"{Councils}/{council}/seats/{seat}/assignments")).ReadItemsAsync();
        history.EnumerateArray().Select(a => (a.GetProperty("id").GetGuid(), a.GetProperty("name").GetString(), a.GetProperty("termStart").GetString(), a.GetProperty("termEnd").GetString(), a.GetProperty("endedEarly").GetBoolean()))
            .ShouldBe([(fayTerm, "cs-fay", Day(Today.AddDays(-90)), Day(Today), true), (gusTerm, "cs-gus", Day(Today), null, false)]);
        var held = await SeatOfAsync(admin, council, seat);
        held.GetProperty("isVacant").GetBoolean().ShouldBeFalse();
        held.GetProperty("holder").GetProperty("name").GetString().ShouldBe("cs-gus");
        (await AssignAsync(admin, council, never, fay, Today.AddDays(1))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Another_partnership_finds_none_of_the_council_setup()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var council = await CouncilAsync(admin, "Private council");
        var seat = await SeatAsync(admin, council, "Seat");
        var hal = await app.CreateUserAsync("alpha", "cs-hal");
        await IdOfCreatedAsync(await AssignAsync(admin, council, seat, hal, Today.AddDays(-1)));

        using var beta = await app.ClientAsync("beta", "admin");
        var c = $"{Councils}/{council}";
        await (await beta.GetAsync(c)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.PutAsJsonAsync(c, new { name = "Taken over" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.PostAsJsonAsync($"{c}/seats", new { title = "Beta seat", category = "Other", isVoting = true })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.PutAsJsonAsync($"{c}/seats/{seat}", new { title = "Beta seat", category = "Other", isVoting = true })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await AssignAsync(beta, council, seat, app.BetaMemberId, Today.AddYears(1))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.GetAsync($"{c}/seats/{seat}/assignments")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await (await beta.DeleteAsync($"{c}/seats/{seat}/assignments/current")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        (await (await beta.GetAsync($"{Councils}?maxResultCount=1000")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .ShouldNotContain(i => i.GetProperty("id").GetGuid() == council);

        var unchanged = await (await admin.GetAsync(c)).ReadJsonAsync();
        unchanged.GetProperty("name").GetString().ShouldBe("Private council");
        unchanged.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("title").GetString()).ShouldBe(["Seat"]);
        unchanged.GetProperty("seats")[0].GetProperty("holder").GetProperty("name").GetString().ShouldBe("cs-hal");
    }
}
