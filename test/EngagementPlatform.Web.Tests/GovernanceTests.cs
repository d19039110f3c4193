namespace EngagementPlatform.Web.Tests;

public sealed class GovernanceTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Tenant = "alpha";

    [Fact]
    public async Task An_admin_builds_a_council_whose_composition_follows_its_seats_then_runs_a_meeting()
    {
        var members = new List<Guid>();
        for (var i = 1; i <= 6; i++)
        {
            members.Add(await app.CreateUserAsync(Tenant, $"gov-member-{i}", "member"));
        }

        var page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, "admin");
        await page.GotoAsync("/governance/councils");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Councils", Level = 1 })).ToBeVisibleAsync();
        await page.CheckPageAsync("governance-councils");

        // Create the council in the UI: the app opens its page.
        await page.GetByRole(AriaRole.Button, new() { Name = "New council" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Eastside Health Equity Council");
        await page.GetByLabel("Description").FillAsync("Residents and the health department setting priorities together.");
        await page.GetByLabel("Charter", new() { Exact = true }).FillAsync("The council advises on programs and votes on shared decisions.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/governance/councils/[0-9a-f-]{36}$"));
        var councilId = page.Url.Split('/').Last();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Eastside Health Equity Council", Level = 1 })).ToBeVisibleAsync();

        // The first seat through the UI, the other nine through the API.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add seat" }).ClickAsync();
        await page.GetByLabel("Seat", new() { Exact = true }).FillAsync("Community seat 1");
        await page.GetByLabel("Category").SelectOptionAsync("CommunityMember");
        await page.GetByLabel("Voting", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Voting" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await ExpectStatusAsync(page, "The seat was added.");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Community seat 1" })).ToBeVisibleAsync();

        using var admin = await app.ClientAsync(Tenant, "admin");
        for (var i = 2; i <= 6; i++)
        {
            await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = $"Community seat {i}", category = "CommunityMember", isVoting = true }))
                .ShouldBeSuccessAsync();
        }

        for (var i = 1; i <= 4; i++)
        {
            await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = $"Agency seat {i}", category = "AgencyStaff", isVoting = true }))
                .ShouldBeSuccessAsync();
        }

        var council = await admin.GetFromJsonAsync<JsonElement>($"/api/governance/councils/{councilId}");
        var seatIds = council.GetProperty("seats").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        seatIds.Count.ShouldBe(10);
        var termStart = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("yyyy-MM-dd");
        for (var i = 1; i < 6; i++)
        {
            await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats/{seatIds[i]}/assignments", new { userId = members[i], termStart }))
                .ShouldBeSuccessAsync();
        }

        // Optional demographics from the members themselves: five in one age band, one alone in another.
        for (var i = 0; i < 6; i++)
        {
            using var member = await app.ClientAsync(Tenant, $"gov-member-{i + 1}");
            await (await member.PutAsJsonAsync("/api/governance/my-demographics", new { language = "Spanish", ageBand = i < 5 ? "25-34" : "65+" })).ShouldBeSuccessAsync();
        }

        // The first community seat's holder is assigned in the UI.
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign Community seat 1" }).ClickAsync();
        await page.GetByLabel("Person").SelectOptionAsync(members[0].ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await ExpectStatusAsync(page, "The holder was assigned.");
        var seatsTable = page.GetByRole(AriaRole.Table);
        await Assertions.Expect(seatsTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "Community seat 1" })).ToContainTextAsync("gov-member-1");
        await Assertions.Expect(seatsTable.GetByText("Vacant", new() { Exact = true })).ToHaveCountAsync(4);
        await page.CheckPageAsync("governance-council-seats");

        // A 51% community rule, added in the UI: six of ten voting seats are community seats, so it is met.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Composition" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rule", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Community member" }).CheckAsync();
        await page.GetByLabel("Minimum share (%)").FillAsync("51");
        await page.GetByLabel("Name (optional)").FillAsync("Community majority");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rule", Exact = true }).ClickAsync();
        await ExpectStatusAsync(page, "The rule was added.");
        var rule = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Community majority" });
        await Assertions.Expect(rule).ToContainTextAsync("Compliant");
        await Assertions.Expect(rule).ToContainTextAsync("Actual share 60%, required 51%");
        await Assertions.Expect(page.Locator("#compliance-summary")).ToContainTextAsync("Compliant");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Seats by category (table)" })).ToContainTextAsync("Community member");
        // Diversity in aggregates only: the lone 65+ answer is withheld, and so is the next smallest group, so
        // neither can be worked out from the total.
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Language", Exact = true })).ToContainTextAsync("spanish");
        var ages = page.GetByRole(AriaRole.Table, new() { Name = "Age", Exact = true });
        await Assertions.Expect(ages.GetByText("Withheld (fewer than 5)")).ToHaveCountAsync(1);
        await Assertions.Expect(ages).ToContainTextAsync("Other answers (withheld)");
        await Assertions.Expect(ages).Not.ToContainTextAsync("65");
        await page.CheckPageAsync("governance-council-composition");

        // Vacating two community seats breaks the rule, and the panel says by how much.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Seats and terms" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "End term Community seat 1" }).ClickAsync();
        await ExpectStatusAsync(page, "The term ended today; the seat is now vacant.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Assign Community seat 1" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "End term Community seat 2" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Assign Community seat 2" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "History Community seat 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Who has held Community seat 1" })).ToContainTextAsync("gov-member-1");

        // The tabs work with the keyboard: arrow right from "Seats and terms" opens "Composition".
        await page.GetByRole(AriaRole.Tab, new() { Name = "Seats and terms" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Composition" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Composition" })).ToBeFocusedAsync();
        rule = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Community majority" });
        await Assertions.Expect(rule).ToContainTextAsync("Not compliant");
        await Assertions.Expect(rule).ToContainTextAsync("Actual share 40%, required 51%");
        await Assertions.Expect(rule).ToContainTextAsync("Needs 2 more seats held by: Community member.");
        await Assertions.Expect(page.Locator("#compliance-summary")).ToContainTextAsync("Not compliant");

        // Spanish on the council page: nothing left untranslated.
        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Composición" })).ToBeVisibleAsync();
        await Assertions.Expect(rule).ToContainTextAsync("Faltan 2 puestos más ocupados por: Miembro de la comunidad.");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Puestos y períodos" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Puestos y períodos", Level = 2 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Reuniones" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Todavía no hay reuniones.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Influencia comunitaria" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Este consejo todavía no ha tomado decisiones.")).ToBeVisibleAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("governance-council-es");
        await page.UseLanguageAsync("en");

        // A meeting, scheduled in the partnership's time zone, then its page: agenda, attendance, access supports.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Meetings" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule meeting" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("December council meeting");
        await page.GetByLabel("Starts at").FillAsync("2026-12-10T18:30");
        await page.GetByLabel("Duration (minutes)").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create meeting" }).ClickAsync();
        // The create answers the new meeting's id in its body: the meeting's page opens; back on the council it is listed.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "December council meeting", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the council" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "December council meeting" })).ToBeVisibleAsync();
        await page.CheckPageAsync("governance-council-meetings");
        await page.GetByRole(AriaRole.Link, new() { Name = "December council meeting" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "December council meeting", Level = 1 })).ToBeVisibleAsync();
        var meetingId = page.Url.Split('/').Last();

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit agenda" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Review of the clinic hours survey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save agenda" }).ClickAsync();
        await ExpectStatusAsync(page, "The agenda was saved.");

        var attendance = page.GetByRole(AriaRole.Region, new() { Name = "Attendance" });
        await Assertions.Expect(attendance.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(4);
        await attendance.GetByRole(AriaRole.Checkbox, new() { Name = "gov-member-3" }).CheckAsync();
        await attendance.GetByRole(AriaRole.Checkbox, new() { Name = "gov-member-5" }).CheckAsync();
        await attendance.GetByRole(AriaRole.Button, new() { Name = "Save attendance" }).ClickAsync();
        await ExpectStatusAsync(attendance, "Attendance was saved.");
        await Assertions.Expect(attendance).ToContainTextAsync("2 of 4 recorded people attended.");

        var supports = page.GetByRole(AriaRole.Region, new() { Name = "Access supports" });
        await supports.GetByLabel("Who needs it").SelectOptionAsync(members[3].ToString());
        await supports.GetByLabel("Language (for an interpreter)").FillAsync("Spanish");
        await supports.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await ExpectStatusAsync(supports, "The request was sent.");
        await Assertions.Expect(supports.GetByRole(AriaRole.Row).Filter(new() { HasText = "gov-member-4" })).ToContainTextAsync("Requested");
        await supports.GetByRole(AriaRole.Button, new() { Name = "Mark provided Interpreter, gov-member-4" }).ClickAsync();
        await Assertions.Expect(supports.GetByRole(AriaRole.Row).Filter(new() { HasText = "gov-member-4" })).ToContainTextAsync("Provided");
        await page.CheckPageAsync("governance-meeting");

        var meeting = await admin.GetFromJsonAsync<JsonElement>($"/api/governance/councils/{councilId}/meetings/{meetingId}");
        meeting.GetProperty("startsAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 12, 10, 18, 30, 0, TimeSpan.Zero));
        meeting.GetProperty("durationMinutes").GetInt32().ShouldBe(120);
        meeting.GetProperty("agenda")[0].GetProperty("title").GetString().ShouldBe("Review of the clinic hours survey");
        var attended = meeting.GetProperty("attendance").EnumerateArray().Where(a => a.GetProperty("attended").GetBoolean()).Select(a => a.GetProperty("userId").GetGuid()).ToList();
        attended.ShouldBe([members[2], members[4]], ignoreOrder: true);
        meeting.GetProperty("accessSupports")[0].GetProperty("status").GetString().ShouldBe("Provided");
    }

    [Fact]
    public async Task The_council_page_fits_a_phone_without_sideways_scrolling()
    {
        using var admin = await app.ClientAsync(Tenant, "admin");
        var created = await admin.PostAsJsonAsync("/api/governance/councils", new { name = "Westside Community Advisory Board with a long name", description = "Phone layout check." });
        await created.ShouldBeSuccessAsync();
        var councilId = created.Headers.Location!.ToString().Split('/').Last();
        foreach (var (title, category) in new[] { ("Community representative with lived experience", "CommunityMember"), ("Medicaid member", "MedicaidMember"), ("Clinic provider", "Provider") })
        {
            await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title, category, isVoting = true })).ShouldBeSuccessAsync();
        }

        await (await admin.PostAsync($"/api/governance/councils/{councilId}/composition-rules/templates/medicaid-advisory-committee", null)).ShouldBeSuccessAsync();

        var page = await app.NewPageAsync(360, 740);
        await page.SignInAsync(Tenant, "admin");
        await page.GotoAsync($"/governance/councils/{councilId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Clinic provider" })).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await page.CheckPageAsync("governance-council-phone");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Composition" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Medicaid Advisory Committee: beneficiary share").First).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await page.CheckPageAsync("governance-council-composition-phone");
    }

    [Fact]
    public async Task A_member_saves_and_removes_their_optional_demographics()
    {
        await app.CreateUserAsync(Tenant, "gov-demographics", "member");
        var page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, "gov-demographics");
        await page.GotoAsync("/profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "About me (optional, private)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "About me", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How your answers are protected" })).ToBeVisibleAsync();

        await page.GetByLabel("Language you prefer to speak").FillAsync("Spanish");
        await page.GetByLabel("Age", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "35 to 44" });
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Hispanic or Latino" }).CheckAsync();
        await page.GetByLabel("Neighbourhood").FillAsync("Eastside");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();
        await ExpectStatusAsync(page, "Your answers were saved.");
        await page.CheckPageAsync("governance-my-demographics");

        using var member = await app.ClientAsync(Tenant, "gov-demographics");
        var saved = await member.GetFromJsonAsync<JsonElement>("/api/governance/my-demographics");
        saved.GetProperty("ageBand").GetString().ShouldBe("35-44");
        saved.GetProperty("raceEthnicity")[0].GetString().ShouldBe("hispanic-or-latino");

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Neighbourhood")).ToHaveValueAsync("Eastside");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove my answers" }).ClickAsync();
        await ExpectStatusAsync(page, "Your answers were removed.");
        await Assertions.Expect(page.GetByLabel("Neighbourhood")).ToHaveValueAsync(string.Empty);
        var removed = await member.GetFromJsonAsync<JsonElement>("/api/governance/my-demographics");
        removed.GetProperty("ageBand").ValueKind.ShouldBe(JsonValueKind.Null);

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sobre mí", Level = 1 })).ToBeVisibleAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("governance-my-demographics-es");
    }

    [Fact]
    public async Task A_member_sees_councils_without_manage_actions_and_asks_for_an_access_support()
    {
        var memberId = await app.CreateUserAsync(Tenant, "gov-reader", "member");
        using var admin = await app.ClientAsync(Tenant, "admin");
        var created = await admin.PostAsJsonAsync("/api/governance/councils", new { name = "Northside Youth Council", description = "Young residents advising on school health." });
        await created.ShouldBeSuccessAsync();
        var councilId = created.Headers.Location!.ToString().Split('/').Last();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = "Youth seat", category = "CommunityMember", isVoting = true })).ShouldBeSuccessAsync();
        var seatId = (await admin.GetFromJsonAsync<JsonElement>($"/api/governance/councils/{councilId}")).GetProperty("seats")[0].GetProperty("id").GetGuid();
        var termStart = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)).ToString("yyyy-MM-dd");
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats/{seatId}/assignments", new { userId = memberId, termStart })).ShouldBeSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/meetings", new { title = "Spring listening session", startsAt = "2027-03-04T17:00:00+00:00", durationMinutes = 60 }))
            .ShouldBeSuccessAsync();

        var page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, "gov-reader");
        await page.GotoAsync("/governance/councils");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Northside Youth Council" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "New council" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Northside Youth Council" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Youth seat" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add seat" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit details" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "End term Youth seat" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Composition" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This council has no composition rules.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add rule" })).ToHaveCountAsync(0);
        // One seat holder is fewer than the smallest group that may be shown: no diversity figures at all.
        await Assertions.Expect(page.GetByText("Fewer than 5 people hold seats")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Meetings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Schedule meeting" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Spring listening session" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spring listening session", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit agenda" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Attendance has not been recorded yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Who needs it")).ToHaveCountAsync(0);

        var supports = page.GetByRole(AriaRole.Region, new() { Name = "Access supports" });
        await supports.GetByLabel("Support", new() { Exact = true }).SelectOptionAsync("Childcare");
        await supports.GetByLabel("Details").FillAsync("Two children, ages 4 and 7.");
        await supports.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await ExpectStatusAsync(supports, "The request was sent.");
        var row = supports.GetByRole(AriaRole.Row).Filter(new() { HasText = "Childcare" });
        await Assertions.Expect(row).ToContainTextAsync("You");
        await Assertions.Expect(row).ToContainTextAsync("Requested");
        await Assertions.Expect(supports.GetByRole(AriaRole.Button, new() { Name = "Mark provided" })).ToHaveCountAsync(0);
        await page.CheckPageAsync("governance-meeting-member");

        // Back on the council, the meetings section is open again (the section is kept in the address).
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the council" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Meetings" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Spring listening session" })).ToBeVisibleAsync();
    }

    /// <summary>A status message with this text (loading spinners are status messages too, so there may be several).</summary>
    private static Task ExpectStatusAsync(IPage page, string text)
        => Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = text })).ToBeVisibleAsync();

    private static Task ExpectStatusAsync(ILocator scope, string text)
        => Assertions.Expect(scope.GetByRole(AriaRole.Status).Filter(new() { HasText = text })).ToBeVisibleAsync();
}
