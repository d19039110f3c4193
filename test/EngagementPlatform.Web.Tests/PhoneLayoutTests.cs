namespace EngagementPlatform.Web.Tests;

/// <summary>
/// A member on a 360 px phone with Spanish chosen in the profile and a long unbroken user name and email address:
/// the language switch shows the language the pages speak, and no main page scrolls sideways in either language.
/// The same for an admin on the administration pages. Every page also passes axe.
/// </summary>
public sealed class PhoneLayoutTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Tenant = "alpha";
    private const int Width = 360;

    // What people really type as a user name: their work email, far wider than a phone's screen in one word.
    private const string LongUserName = "mariaguadalupe.fernandezrodriguez@eastsidecoalition.org";

    [Fact]
    public async Task A_Spanish_speaking_member_with_a_long_email_sees_Spanish_in_the_switch_and_no_page_scrolls_sideways()
    {
        var (councilId, meetingId, decisionId) = await SeedAsync();

        var page = await app.NewPageAsync(Width, 740);
        await page.SignInAsync(Tenant, LongUserName);
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'es'");
        (await page.Locator("header select").InputValueAsync()).ShouldBe("es", "the switch must show the language the pages speak");
        await Assertions.Expect(page.Locator("header select option:checked")).ToHaveTextAsync("Español");

        string[] pages =
        [
            "/",
            "/governance/councils",
            $"/governance/councils/{councilId}",
            $"/governance/councils/{councilId}/meetings/{meetingId}",
            "/decisions",
            $"/decisions/{decisionId}",
            "/decisions/my-influence",
            "/notifications/preferences",
            "/profile",
        ];
        await CheckAllAsync(page, pages, "es");
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();

        await page.GotoAsync("/");
        await page.RunAndWaitForResponseAsync(
            () => page.UseLanguageAsync("en"),
            r => r.Url.Contains("/api/identity/my-profile", StringComparison.Ordinal) && r.Request.Method == "PUT");
        (await page.Locator("header select").InputValueAsync()).ShouldBe("en");
        await CheckAllAsync(page, pages, "en");
    }

    [Fact]
    public async Task The_administration_pages_fit_a_phone_in_both_languages()
    {
        await SeedAsync();
        var page = await app.NewPageAsync(Width, 740);
        await page.SignInAsync(Tenant, "admin");
        string[] pages = ["/", "/admin/users", "/admin/roles", "/admin/settings", "/notifications/outbox", "/notifications/templates", "/audit/log"];
        await CheckAllAsync(page, pages, "en");
        await page.RunAndWaitForResponseAsync(
            () => page.UseLanguageAsync("es"),
            r => r.Url.Contains("/api/identity/my-profile", StringComparison.Ordinal) && r.Request.Method == "PUT");
        await CheckAllAsync(page, pages, "es");
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
    }

    private static async Task CheckAllAsync(IPage page, IEnumerable<string> paths, string language)
    {
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{language}'");
            await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First.WaitForAsync();
            // Ids out of the name, so each run's screenshots replace the last ones.
            var name = "phone-" + language + "-" + (path == "/" ? "home" : System.Text.RegularExpressions.Regex.Replace(path.Trim('/'), "[0-9a-f]{8}-[0-9a-f-]{27}", "id").Replace('/', '-'));
            await page.CheckPageAsync(name);
            await Assertions.Expect(page.Locator("header select option:checked")).ToHaveTextAsync(language == "es" ? "Español" : "English");
            var (scrollWidth, viewport) = await WidthsAsync(page);
            if (scrollWidth > viewport)
            {
                failures.Add($"{path} ({language}) is {scrollWidth} px wide at {viewport} px; widest: {await WidestAsync(page)}");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static async Task<(int ScrollWidth, int Viewport)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>Names the element that sticks out furthest, so a failure says what to fix.</summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => {
          let widest = null, right = 0;
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect().right;
            if (r > right) { right = r; widest = e; }
          }
          return widest ? `${widest.tagName.toLowerCase()}.${[...widest.classList].join('.')} "${(widest.textContent ?? '').trim().slice(0, 60)}" right=${Math.round(right)}` : '';
        }
        """);

    /// <summary>A council the member sits on, a meeting coming up where they asked for an interpreter, and a decision open for input.</summary>
    private async Task<(Guid Council, Guid Meeting, Guid Decision)> SeedAsync()
    {
        using var admin = await app.ClientAsync(Tenant, "admin");
        var users = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/users?filter={Uri.EscapeDataString("mariaguadalupe")}");
        Guid memberId;
        if (users.GetProperty("items").GetArrayLength() > 0)
        {
            memberId = users.GetProperty("items")[0].GetProperty("id").GetGuid();
        }
        else
        {
            var created = await admin.PostAsJsonAsync("/api/identity/users", new
            {
                userName = LongUserName,
                email = LongUserName,
                password = ApiFixture.Password,
                name = LongUserName,
                roleNames = new[] { "member" },
                preferredLanguage = "es",
            });
            await created.ShouldBeSuccessAsync();
            memberId = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        }

        var councilId = (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name = "Eastside Community Health Advisory Council", description = "Residents and the health department deciding together." }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        var seatId = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = "Resident", category = "CommunityMember", isVoting = true }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats/{seatId}/assignments", new
        {
            userId = memberId,
            termStart = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)).ToString("yyyy-MM-dd"),
        })).ShouldBeSuccessAsync();
        var meetingId = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/meetings", new
        {
            title = "Quarterly meeting",
            startsAt = DateTimeOffset.UtcNow.AddDays(6),
            durationMinutes = 90,
            location = "Eastside Public Library",
        })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/meetings/{meetingId}/access-supports", new
        {
            kind = "Interpreter",
            language = "Spanish",
            userId = memberId,
        })).ShouldBeSuccessAsync();
        var decisionId = (await (await admin.PostAsJsonAsync("/api/governance/decisions", new
        {
            councilId,
            title = "Open the clinic on Saturday mornings",
            method = "YesNo",
            quorum = 0.5,
            threshold = "SimpleMajority",
            secretBallot = false,
        })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsync($"/api/governance/decisions/{decisionId}/open-input", null)).ShouldBeSuccessAsync();
        return (councilId, meetingId, decisionId);
    }
}
