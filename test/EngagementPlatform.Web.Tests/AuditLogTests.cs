using System.Text.RegularExpressions;

namespace EngagementPlatform.Web.Tests;

public sealed class AuditLogTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_tenant_admin_finds_a_change_in_the_audit_log_filters_it_and_downloads_the_filtered_CSV()
    {
        var auditor = Unique("ui-auditor-");
        await app.CreateUserAsync("alpha", auditor, "admin");
        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", auditor);
        await page.UseLanguageAsync("en");

        // The change: a council created in the app, then a decision on it (an agreement: its values are kept).
        var councilName = Unique("Audited council ");
        await page.GotoAsync("/governance/councils");
        await page.GetByRole(AriaRole.Button, new() { Name = "New council" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(councilName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(url => Regex.IsMatch(url, "/governance/councils/[0-9a-f-]{36}$"));
        var councilId = page.Url.Split('/').Last();
        var decisionTitle = Unique("Audited decision ");
        string decisionId;
        using (var client = await app.ClientAsync("alpha", auditor))
        {
            var created = await client.PostAsJsonAsync("/api/governance/decisions", new
            {
                councilId,
                title = decisionTitle,
                method = "YesNo",
                quorum = 0.5,
                threshold = "SimpleMajority",
                secretBallot = false,
                allowPublicInput = false,
            });
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            decisionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        // The page is reached through the navigation, with a translated title.
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await nav.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/audit/log", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("Audit log · EngagementPlatform");
        // (The decision's row names the council too, in its values: match the entity id cell.)
        var councilRow = page.GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = councilId, Exact = true }) })
            .Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "Created", Exact = true }) });
        await Assertions.Expect(councilRow).ToHaveCountAsync(1);
        await Assertions.Expect(councilRow.GetByRole(AriaRole.Cell, new() { Name = auditor, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(councilRow.GetByRole(AriaRole.Cell, new() { Name = "Created", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(councilRow.GetByRole(AriaRole.Cell, new() { Name = "Council", Exact = true })).ToBeVisibleAsync();
        await page.CheckPageAsync("audit-log");

        // Filter by the person and the entity: only the council's creation is left; its changed properties open with the keyboard.
        await page.GetByLabel("User", new() { Exact = true }).FillAsync(auditor);
        await page.GetByLabel("Entity type", new() { Exact = true }).FillAsync("Council");
        await page.GetByLabel("Entity id", new() { Exact = true }).FillAsync(councilId);
        await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync("Created");
        await page.GetByLabel("Entity id", new() { Exact = true }).PressAsync("Enter");
        var rows = page.Locator(".table-wrap > table > tbody > tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(councilId);
        var summary = councilRow.Locator("summary");
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(councilRow.GetByRole(AriaRole.Listitem).Filter(new() { HasTextRegex = new Regex("^Name$") })).ToBeVisibleAsync();

        // An action that did not happen: the empty state says the filters match nothing.
        await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync("Deleted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No entry matches these filters.")).ToBeVisibleAsync();

        // A period that ends before it starts is refused under its field.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync("");
        await page.GetByLabel("From (date)").FillAsync(today);
        await page.GetByLabel("To (date, included)").FillAsync(yesterday);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#audit-to-errors")).ToHaveTextAsync("The end of the period must come after its start.");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Framework:ValidationFailed");

        // Today's decision, with its values before and after.
        await page.GetByLabel("To (date, included)").FillAsync(today);
        await page.GetByLabel("Entity type", new() { Exact = true }).FillAsync("Decision");
        await page.GetByLabel("Entity id", new() { Exact = true }).FillAsync(decisionId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var decisionRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = decisionId, Exact = true }) });
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(decisionRow.GetByRole(AriaRole.Cell, new() { Name = "Decision", Exact = true })).ToBeVisibleAsync();
        await decisionRow.Locator("summary").ClickAsync();
        var values = decisionRow.GetByRole(AriaRole.Table, new() { Name = $"Values before and after the change of Decision {decisionId}" });
        var titleRow = values.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Title", Exact = true }) });
        await Assertions.Expect(titleRow.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["(none)", decisionTitle]);
        await page.CheckPageAsync("audit-log-filtered");

        // The export downloads what the list shows, through the signed-in client.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        download.SuggestedFilename.ShouldMatch(@"^audit-log-\d{8}-\d{6}\.csv$");
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        // Saved byte for byte from the blob: the byte order mark that lets spreadsheets read the accents is still there.
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var csv = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldStartWith("Time (UTC),User,User id,Action");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain(decisionId);
        lines[1].ShouldContain(auditor);
        csv.ShouldNotContain($"Council,{councilId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Downloaded {download.SuggestedFilename}." })).ToBeVisibleAsync();

        // Spanish: the page and the export's headings, nothing untranslated.
        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registro de auditoría", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(decisionRow.GetByRole(AriaRole.Cell, new() { Name = "Decisión", Exact = true })).ToBeVisibleAsync();
        var spanish = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exportar CSV" }).ClickAsync());
        (await File.ReadAllTextAsync((await spanish.PathAsync())!)).ShouldStartWith("Hora (UTC),Usuario");
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("audit-log-es");
        await page.UseLanguageAsync("en");
    }

    [Fact]
    public async Task A_member_without_the_permission_gets_no_link_and_the_route_sends_them_home()
    {
        var member = Unique("ui-no-audit-");
        await app.CreateUserAsync("alpha", member, "member");
        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", member);
        await page.UseLanguageAsync("en");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Decisions" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);

        // Typing the address does not open the page either: the guard sends the member to the start page.
        var asked = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/audit-logs", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref asked);
            }
        };
        await page.GotoAsync("/audit/log");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Audit log");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        asked.ShouldBe(0);

        // And the API refuses the member as well.
        using var client = await app.ClientAsync("alpha", member);
        (await client.GetAsync("/api/audit-logs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/audit-logs/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
