using System.Text.RegularExpressions;

namespace EngagementPlatform.Web.Tests;

/// <summary>The decisions pages: a decision from draft to record with staff on a desktop and a member on a phone.</summary>
public sealed class DecisionsTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Tenant = "alpha";
    private static readonly string TermStart = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Staff_run_a_yes_no_decision_a_member_gives_input_and_votes_on_a_phone_and_sees_how_the_input_was_used()
    {
        var council = await CouncilAsync("Clinic hours council", "dec-main-member");
        await app.CreateUserAsync(Tenant, "dec-main-staff", "staff");

        // Staff create the decision and open it for input.
        var staff = await app.NewPageAsync();
        await staff.SignInAsync(Tenant, "dec-main-staff");
        await staff.GotoAsync("/decisions");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Decisions", Level = 1 })).ToBeVisibleAsync();
        await staff.CheckPageAsync("decisions-list");
        await staff.GetByRole(AriaRole.Link, new() { Name = "New decision" }).ClickAsync();
        await staff.GetByLabel("Council", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = council.Name });
        await staff.GetByLabel("Title", new() { Exact = true }).FillAsync("Open the clinic on Saturdays");
        await staff.GetByLabel("Description").FillAsync("Should the east clinic open on Saturday mornings?");
        await staff.CheckPageAsync("decisions-create");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create decision" }).ClickAsync();
        await staff.WaitForURLAsync(new Regex("/decisions/[0-9a-f-]{36}$"));
        var decisionUrl = new Uri(staff.Url).AbsolutePath;
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Open the clinic on Saturdays", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByText("State:")).ToContainTextAsync("Draft");
        await staff.CheckPageAsync("decisions-decision-draft");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Open for input" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status).Filter(new() { HasText = "The decision is open for input." })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByText("State:")).ToContainTextAsync("Open for input");

        // A member gives input on a phone.
        var member = await app.NewPageAsync(360, 740);
        await member.SignInAsync(Tenant, "dec-main-member");
        await member.GotoAsync(decisionUrl);
        await member.GetByLabel("Your input").FillAsync("Saturday mornings work for parents who cannot leave work on weekdays.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Send input" }).ClickAsync();
        await Assertions.Expect(member.GetByText("Thank you: your input is saved.")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByText("Saturday mornings work for parents")).ToBeVisibleAsync();
        await member.CheckPageAsync("decisions-decision-input-phone");

        // Staff open voting (an irreversible step, so it asks first).
        await staff.ReloadAsync();
        await Assertions.Expect(staff.GetByText("Saturday mornings work for parents")).ToBeVisibleAsync();
        await staff.CheckPageAsync("decisions-decision-open-for-input");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Open voting" }).ClickAsync();
        var dialog = staff.GetByRole(AriaRole.Dialog, new() { Name = "Open voting?" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Open voting" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("State:")).ToContainTextAsync("Voting");
        await staff.CheckPageAsync("decisions-decision-voting");

        // The member votes Yes on the phone; the ballot is in Spanish too.
        await member.ReloadAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Your vote" })).ToBeVisibleAsync();
        await member.UseLanguageAsync("es");
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Su voto" })).ToBeVisibleAsync();
        (await member.MissingTranslationsAsync()).ShouldBeEmpty();
        await member.CheckPageAsync("decisions-ballot-phone-es");
        await member.UseLanguageAsync("en");
        await member.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await member.CheckPageAsync("decisions-ballot-phone");
        await member.GetByRole(AriaRole.Button, new() { Name = "Cast my vote" }).ClickAsync();
        await Assertions.Expect(member.GetByText("Your vote is recorded; you can change it until voting closes.")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = "Change my vote" })).ToBeVisibleAsync();
        (await member.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the ballot fits a 360 px screen");

        // Staff close voting and see the tally.
        await staff.ReloadAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Close voting" }).ClickAsync();
        await staff.GetByRole(AriaRole.Dialog, new() { Name = "Close voting?" }).GetByRole(AriaRole.Button, new() { Name = "Close voting" }).ClickAsync();
        var tally = staff.GetByRole(AriaRole.Region, new() { Name = "Result" });
        await Assertions.Expect(tally.GetByText("Passed", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(tally.GetByText("Reached", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(tally.GetByRole(AriaRole.Row, new() { Name = "Yes 1" })).ToBeVisibleAsync();
        await staff.CheckPageAsync("decisions-tally");

        // Staff record the decision: the button waits until every input has a use and an explanation.
        var record = staff.GetByRole(AriaRole.Form, new() { Name = "Record the decision" });
        await record.GetByLabel("Outcome").FillAsync("The east clinic opens on Saturdays from 9 to 1.");
        await record.GetByLabel("Rationale").FillAsync("Members asked for weekend hours and the vote passed.");
        var submit = record.GetByRole(AriaRole.Button, new() { Name = "Record decision" });
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await record.GetByRole(AriaRole.Radio, new() { Name = "Adopted", Exact = true }).CheckAsync();
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await record.GetByLabel("Explanation for input 1").FillAsync("We open on Saturday mornings, as you suggested.");
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await staff.CheckPageAsync("decisions-record-form");
        await submit.ClickAsync();
        await staff.GetByRole(AriaRole.Dialog, new() { Name = "Record this decision?" }).GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("State:")).ToContainTextAsync("Decided");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "The decision record" })).ToBeVisibleAsync();
        await staff.CheckPageAsync("decisions-decision-decided");

        // The member sees how the input was used, in English and in Spanish, and finds it under My influence.
        await member.GotoAsync(decisionUrl);
        var used = member.GetByRole(AriaRole.Region, new() { Name = "How your input was used" });
        await Assertions.Expect(used.GetByText("Adopted", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(used.GetByText("We open on Saturday mornings, as you suggested.")).ToBeVisibleAsync();
        await member.CheckPageAsync("decisions-decision-decided-phone");
        await member.UseLanguageAsync("es");
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Cómo se usó su aporte" })).ToBeVisibleAsync();
        (await member.MissingTranslationsAsync()).ShouldBeEmpty();
        await member.CheckPageAsync("decisions-decision-es");
        await member.UseLanguageAsync("en");
        await member.GotoAsync("/decisions/my-influence");
        await Assertions.Expect(member.GetByRole(AriaRole.Link, new() { Name = "Open the clinic on Saturdays" })).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByText("We open on Saturday mornings, as you suggested.")).ToBeVisibleAsync();
        await member.CheckPageAsync("decisions-my-influence");

        // Staff mark it implemented and close it.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Mark implemented" }).ClickAsync();
        await staff.GetByLabel("What was done").FillAsync("Saturday hours started with two nurses on duty.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save implementation" }).ClickAsync();
        await staff.GetByRole(AriaRole.Dialog, new() { Name = "Mark as implemented?" }).GetByRole(AriaRole.Button, new() { Name = "Mark implemented" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("State:")).ToContainTextAsync("Implemented");
        await Assertions.Expect(staff.GetByText("Saturday hours started with two nurses on duty.")).ToBeVisibleAsync();
        await staff.CheckPageAsync("decisions-decision-implemented");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Close decision" }).ClickAsync();
        await staff.GetByRole(AriaRole.Dialog, new() { Name = "Close this decision?" }).GetByRole(AriaRole.Button, new() { Name = "Close decision" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("State:")).ToContainTextAsync("Closed");
        await staff.CheckPageAsync("decisions-decision-closed");
    }

    [Fact]
    public async Task A_ranked_choice_ballot_is_cast_with_the_keyboard_only_and_the_tally_shows_the_rounds()
    {
        var council = await CouncilAsync("Outreach council", "dec-rank-member");
        using var admin = await app.ClientAsync(Tenant, "admin");
        var decision = await (await admin.PostAsJsonAsync("/api/governance/decisions", new
        {
            councilId = council.Id,
            title = "Where should the mobile clinic go first?",
            method = "RankedChoice",
            options = new[] { "Library", "Market", "School" },
            quorum = 0.5,
            threshold = "SimpleMajority",
            secretBallot = false,
        })).ReadJsonAsync();
        var id = decision.GetProperty("id").GetGuid();
        await (await admin.PostAsync($"/api/governance/decisions/{id}/open-voting", null)).ShouldBeSuccessAsync();

        var member = await app.NewPageAsync(360, 740);
        await member.SignInAsync(Tenant, "dec-rank-member");
        await member.GotoAsync($"/decisions/{id}");
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Your vote" })).ToBeVisibleAsync();
        await member.CheckPageAsync("decisions-ballot-ranked-phone");

        // Dragging by the grip reorders too (mouse, pen or finger): Market onto Library's place and back.
        var titles = member.Locator("ol li .rank-title");
        await DragAsync(member, "Market", 0);
        (await titles.AllInnerTextsAsync()).ShouldBe(["Market", "Library", "School"]);
        await DragAsync(member, "Market", 1);
        (await titles.AllInnerTextsAsync()).ShouldBe(["Library", "Market", "School"]);

        // School to the top with the move-up button, twice; focus stays with the moved option.
        await member.GetByRole(AriaRole.Button, new() { Name = "Move School up" }).FocusAsync();
        await member.Keyboard.PressAsync("Enter");
        var live = member.Locator("[aria-live=polite]").Filter(new() { HasText = "is now number" });
        await Assertions.Expect(live).ToHaveTextAsync("School is now number 2 of 3.");
        await member.Keyboard.PressAsync("Enter");
        await Assertions.Expect(live).ToHaveTextAsync("School is now number 1 of 3.");
        (await member.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')")).ShouldBe("Move School down");

        // Then Library below Market by its rank select, still with the keyboard.
        await member.GetByLabel("Rank of Library").FocusAsync();
        await member.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(live).ToHaveTextAsync("Library is now number 3 of 3.");
        (await titles.AllInnerTextsAsync()).ShouldBe(["School", "Market", "Library"]);

        await member.GetByRole(AriaRole.Button, new() { Name = "Cast my vote" }).FocusAsync();
        await member.Keyboard.PressAsync("Enter");
        await Assertions.Expect(member.GetByText("Your vote is recorded; you can change it until voting closes.")).ToBeVisibleAsync();

        using var voter = await app.ClientAsync(Tenant, "dec-rank-member");
        var mine = await (await voter.GetAsync($"/api/governance/decisions/{id}/my-vote")).ReadJsonAsync();
        mine.GetProperty("options").EnumerateArray().Select(o => o.GetString()).ShouldBe(["School", "Market", "Library"]);

        // The tally after close shows each round.
        await (await admin.PostAsync($"/api/governance/decisions/{id}/close-voting", null)).ShouldBeSuccessAsync();
        var staff = await app.NewPageAsync();
        await staff.SignInAsync(Tenant, "admin");
        await staff.GotoAsync($"/decisions/{id}");
        var tally = staff.GetByRole(AriaRole.Region, new() { Name = "Result" });
        await Assertions.Expect(tally.GetByText("Winner: School")).ToBeVisibleAsync();
        await Assertions.Expect(tally.GetByRole(AriaRole.Heading, new() { Name = "Round 1" })).ToBeVisibleAsync();
        await staff.CheckPageAsync("decisions-tally-ranked");
    }

    [Fact]
    public async Task An_approval_ballot_uses_checkboxes_and_a_vote_can_be_changed_until_voting_closes()
    {
        var council = await CouncilAsync("Food access council", "dec-approval-member");
        using var admin = await app.ClientAsync(Tenant, "admin");
        var decision = await (await admin.PostAsJsonAsync("/api/governance/decisions", new
        {
            councilId = council.Id,
            title = "Which pantry hours should we add?",
            method = "Approval",
            options = new[] { "Evenings", "Weekends", "Early mornings" },
            quorum = 0.5,
            threshold = "SimpleMajority",
            secretBallot = false,
        })).ReadJsonAsync();
        var id = decision.GetProperty("id").GetGuid();
        await (await admin.PostAsync($"/api/governance/decisions/{id}/open-voting", null)).ShouldBeSuccessAsync();

        var member = await app.NewPageAsync(360, 740);
        await member.SignInAsync(Tenant, "dec-approval-member");
        await member.GotoAsync($"/decisions/{id}");
        await member.GetByRole(AriaRole.Checkbox, new() { Name = "Evenings" }).CheckAsync();
        await member.GetByRole(AriaRole.Checkbox, new() { Name = "Weekends" }).CheckAsync();
        await member.CheckPageAsync("decisions-ballot-approval-phone");
        await member.GetByRole(AriaRole.Button, new() { Name = "Cast my vote" }).ClickAsync();
        await Assertions.Expect(member.GetByText("Your vote is recorded; you can change it until voting closes.")).ToBeVisibleAsync();

        // Coming back shows the recorded choices; unchecking one and saving changes the vote.
        await member.ReloadAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Checkbox, new() { Name = "Weekends" })).ToBeCheckedAsync();
        await member.GetByRole(AriaRole.Checkbox, new() { Name = "Weekends" }).UncheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Change my vote" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = "Change my vote" })).ToBeEnabledAsync();
        using var voter = await app.ClientAsync(Tenant, "dec-approval-member");
        var mine = await (await voter.GetAsync($"/api/governance/decisions/{id}/my-vote")).ReadJsonAsync();
        mine.GetProperty("options").EnumerateArray().Select(o => o.GetString()).ShouldBe(["Evenings"]);
    }

    [Fact]
    public async Task A_refused_action_shows_the_API_problem_and_a_decision_can_be_withdrawn_with_a_reason()
    {
        using var admin = await app.ClientAsync(Tenant, "admin");
        await (await admin.PostAsJsonAsync("/api/governance/councils", new { name = "Empty council" })).ShouldBeSuccessAsync();

        // Staff create an approval decision in the UI; a missing title is said under its field.
        var staff = await app.NewPageAsync();
        await staff.SignInAsync(Tenant, "admin");
        await staff.GotoAsync("/decisions/new");
        await staff.GetByLabel("Council", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Empty council" });
        await staff.GetByRole(AriaRole.Radio, new() { Name = "Approval" }).CheckAsync();
        await staff.GetByLabel("Option 1", new() { Exact = true }).FillAsync("North side");
        await staff.GetByLabel("Option 2", new() { Exact = true }).FillAsync("South side");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add an option" }).ClickAsync();
        await staff.GetByLabel("Option 3", new() { Exact = true }).FillAsync("Downtown");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Remove option 3" }).ClickAsync();
        await staff.GetByLabel("Secret ballot").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create decision" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#d-title-errors")).Not.ToBeEmptyAsync();
        await staff.CheckPageAsync("decisions-create-errors");
        await staff.GetByLabel("Title", new() { Exact = true }).FillAsync("Move the food bank");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create decision" }).ClickAsync();
        await staff.WaitForURLAsync(new Regex("/decisions/[0-9a-f-]{36}$"));
        var id = Guid.Parse(new Uri(staff.Url).Segments[^1]);
        var created = await (await admin.GetAsync($"/api/governance/decisions/{id}")).ReadJsonAsync();
        created.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("title").GetString()).ShouldBe(["North side", "South side"]);
        created.GetProperty("secretBallot").GetBoolean().ShouldBeTrue();

        // Nobody holds a voting seat, so the API refuses to open voting and the page says why.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Open voting" }).ClickAsync();
        await staff.GetByRole(AriaRole.Dialog, new() { Name = "Open voting?" }).GetByRole(AriaRole.Button, new() { Name = "Open voting" }).ClickAsync();
        var alert = staff.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Nobody holds a voting seat on this council today");
        await Assertions.Expect(alert).ToContainTextAsync("Governance:NoEligibleVoters");
        await Assertions.Expect(staff.GetByText("State:")).ToContainTextAsync("Draft");

        await staff.GetByRole(AriaRole.Button, new() { Name = "Withdraw", Exact = true }).ClickAsync();
        await staff.GetByLabel("Why is it withdrawn?").FillAsync("The council has no members yet.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Withdraw decision" }).ClickAsync();
        await staff.GetByRole(AriaRole.Dialog, new() { Name = "Withdraw this decision?" }).GetByRole(AriaRole.Button, new() { Name = "Withdraw", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByText("State:")).ToContainTextAsync("Withdrawn");
        await Assertions.Expect(staff.GetByText("The council has no members yet.")).ToBeVisibleAsync();
        await staff.CheckPageAsync("decisions-decision-withdrawn");

        // The list filters by state.
        await staff.GotoAsync("/decisions");
        await staff.GetByLabel("State").SelectOptionAsync(new SelectOptionValue { Label = "Withdrawn" });
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Move the food bank" })).ToBeVisibleAsync();
        await staff.GetByLabel("State").SelectOptionAsync(new SelectOptionValue { Label = "Closed" });
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Move the food bank" })).ToHaveCountAsync(0);
    }

    /// <summary>Drags an option by its grip onto the row at <paramref name="toIndex"/>.</summary>
    private static async Task DragAsync(IPage page, string option, int toIndex)
    {
        await page.Locator("ol.ranking").ScrollIntoViewIfNeededAsync();
        var grip = await page.Locator($"[data-grip='{option}']").BoundingBoxAsync();
        var target = await page.Locator($"ol li[data-index='{toIndex}']").BoundingBoxAsync();
        await page.Mouse.MoveAsync(grip!.X + grip.Width / 2, grip.Y + grip.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target!.X + target.Width / 2, target.Y + target.Height / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>A council in alpha with one voting community seat held by a new member.</summary>
    private async Task<(Guid Id, string Name)> CouncilAsync(string name, string memberUserName)
    {
        using var admin = await app.ClientAsync(Tenant, "admin");
        var councilId = (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var userId = await app.CreateUserAsync(Tenant, memberUserName, "member");
        var seatId = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = "Community seat", category = "CommunityMember", isVoting = true }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats/{seatId}/assignments", new { userId, termStart = TermStart })).ShouldBeSuccessAsync();
        return (councilId, name);
    }
}
