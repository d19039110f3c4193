namespace EngagementPlatform.Web.Tests;

public sealed class NotificationsTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Seats a new member on a new council and opens voting on a decision: the member gets a "voting opened" email.</summary>
    private async Task<string> VotingOpenedEmailAsync()
    {
        var member = Unique("ui-voter-");
        var memberId = await app.CreateUserAsync("alpha", member, "member");
        using var admin = await app.ClientAsync("alpha", "admin");
        var councilId = await IdAsync(await admin.PostAsJsonAsync("/api/governance/councils", new { name = $"Council {member}" }));
        var seatId = await IdAsync(await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = "Seat 1", category = "CommunityMember", isVoting = true }));
        var termStart = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("yyyy-MM-dd");
        (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats/{seatId}/assignments", new { userId = memberId, termStart })).EnsureSuccessStatusCode();
        var decisionId = await IdAsync(await admin.PostAsJsonAsync("/api/governance/decisions", new
        {
            councilId,
            title = $"Decision {member}",
            method = "YesNo",
            quorum = 0.5,
            threshold = "SimpleMajority",
            secretBallot = false,
            allowPublicInput = false,
        }));
        (await admin.PostAsync($"/api/governance/decisions/{decisionId}/open-voting", null)).EnsureSuccessStatusCode();
        return $"{member}@alpha.test";
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the background dispatcher has handled the email to <paramref name="email"/>; returns its status.</summary>
    private async Task<string> SettledStatusAsync(string email)
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var rows = (await admin.GetFromJsonAsync<JsonElement>("/api/notifications/outbox?maxResultCount=1000")).GetProperty("items").EnumerateArray()
                .Where(r => string.Equals(r.GetProperty("toEmail").GetString(), email, StringComparison.OrdinalIgnoreCase)).ToList();
            var status = rows.Count == 1 ? rows[0].GetProperty("status").GetString()! : "Missing";
            if (status is "Sent" or "Failed")
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                // Say why, so a slow or stuck dispatcher can be told from a failing transport.
                return rows.Count == 1 ? $"{status} after 90 s: {rows[0]}" : status;
            }

            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task Staff_see_the_outbox_filtered_by_status_with_recipient_template_and_attempts()
    {
        var email = await VotingOpenedEmailAsync();
        // The host's own job server sends it (ADR 0008: each host's server runs its jobs in its own container).
        var status = await SettledStatusAsync(email);
        status.ShouldBe("Sent");

        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", "admin");
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/notifications/outbox");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email outbox", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await page.CheckPageAsync("notifications-outbox");

        var filter = page.GetByLabel("Show");
        await filter.SelectOptionAsync("Sent");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByText("Voting is open", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByText("Sent", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "1", Exact = true })).ToBeVisibleAsync();

        await filter.SelectOptionAsync("Pending");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email outbox" })).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await filter.SelectOptionAsync("Failed");
        await Assertions.Expect(page.GetByText("No email has this status.")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bandeja de salida de correo", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Mostrar").SelectOptionAsync("");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("notifications-outbox-es");
        await page.UseLanguageAsync("en");
    }

    [Fact]
    public async Task A_template_is_customized_with_a_preview_then_reset_to_the_default()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("alpha", "admin");
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/notifications/templates");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email templates", Level = 1 })).ToBeVisibleAsync();
        await page.CheckPageAsync("notifications-templates");

        await page.GetByRole(AriaRole.Button, new() { Name = "Customize Voting is open (English)" }).ClickAsync();
        var form = page.Locator("form.card");
        var subject = form.GetByLabel("Subject");
        await Assertions.Expect(subject).ToBeFocusedAsync();
        await subject.FillAsync("Please vote, {{ recipientName }}");
        await form.GetByLabel("HTML").FillAsync("<p>Hello <strong>{{ recipientName }}</strong></p><script>parent.document.title = 'hacked'</script>");
        await form.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Heading, new() { Name = "Preview with sample values" })).ToBeVisibleAsync();
        var previewSubject = await form.GetByTestId("preview-subject").TextContentAsync();
        previewSubject.ShouldStartWith("Please vote, ");
        previewSubject.ShouldNotContain("{{");
        var recipient = previewSubject!["Please vote, ".Length..];
        // The HTML shows first as escaped source, then as the email looks in a fully sandboxed frame (no script runs).
        await Assertions.Expect(form.GetByTestId("preview-html")).ToContainTextAsync($"<strong>{recipient}</strong>");
        await page.CheckPageAsync("notifications-template-preview");
        await form.GetByRole(AriaRole.Button, new() { Name = "Show as the email looks" }).ClickAsync();
        var frame = page.FrameLocator("iframe[title='HTML version of the email']");
        await Assertions.Expect(frame.Locator("strong")).ToHaveTextAsync(recipient);
        (await page.TitleAsync()).ShouldNotBe("hacked");
        (await form.Locator("iframe").GetAttributeAsync("sandbox")).ShouldBe(string.Empty);
        await WebTestHelpers.ScreenshotAsync(page, "notifications-template-preview-rendered");

        await form.GetByRole(AriaRole.Button, new() { Name = "Save customization" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Voting is open (English) saved." })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Please vote," });
        await Assertions.Expect(row.GetByText("Customized")).ToBeVisibleAsync();

        using var admin = await app.ClientAsync("alpha", "admin");
        var templates = await admin.GetFromJsonAsync<JsonElement>("/api/notifications/templates?maxResultCount=1000");
        var custom = templates.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "voting-opened" && t.GetProperty("culture").GetString() == "en");
        custom.GetProperty("isOverride").GetBoolean().ShouldBeTrue();
        custom.GetProperty("subject").GetString().ShouldBe("Please vote, {{ recipientName }}");

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete customization of Voting is open (English)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, use the default" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "uses the default again" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Please vote," })).ToHaveCountAsync(0);
        templates = await admin.GetFromJsonAsync<JsonElement>("/api/notifications/templates?maxResultCount=1000");
        templates.GetProperty("items").EnumerateArray().ShouldAllBe(t => !t.GetProperty("isOverride").GetBoolean());

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plantillas de correo", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Personalizar La votación está abierta (Español)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vista previa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vista previa con valores de ejemplo" })).ToBeVisibleAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("notifications-templates-es");
        await page.UseLanguageAsync("en");
    }

    [Fact]
    public async Task A_member_turns_off_a_category_from_the_profile_and_essential_mail_stays_on()
    {
        var member = Unique("ui-prefs-");
        await app.CreateUserAsync("alpha", member, "member");
        var page = await app.NewPageAsync(360, 740);
        await page.SignInAsync("alpha", member);
        await page.GotoAsync("/profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Email preferences" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/notifications/preferences", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email preferences", Level = 1 })).ToBeVisibleAsync();

        var essential = page.GetByRole(AriaRole.Checkbox, new() { Name = "Essential messages" });
        await Assertions.Expect(essential).ToBeCheckedAsync();
        await Assertions.Expect(essential).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByText("Always on.")).ToBeVisibleAsync();
        await page.CheckPageAsync("notifications-preferences-phone");

        var reminders = page.GetByRole(AriaRole.Checkbox, new() { Name = "Reminders" });
        await Assertions.Expect(reminders).ToBeCheckedAsync();
        await reminders.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your email preferences are saved." })).ToBeVisibleAsync();

        using var client = await app.ClientAsync("alpha", member);
        var categories = (await client.GetFromJsonAsync<JsonElement>("/api/notifications/my-preferences")).GetProperty("categories").EnumerateArray().ToList();
        categories.Single(c => c.GetProperty("category").GetString() == "Reminders").GetProperty("subscribed").GetBoolean().ShouldBeFalse();
        categories.Single(c => c.GetProperty("category").GetString() == "Essential").GetProperty("subscribed").GetBoolean().ShouldBeTrue();

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Reminders" })).Not.ToBeCheckedAsync();
        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preferencias de correo", Level = 1 })).ToBeVisibleAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.CheckPageAsync("notifications-preferences-es");
        await page.UseLanguageAsync("en");
    }
}
