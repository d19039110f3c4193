using EngagementPlatform.Notifications.Tests.Support;
using MimeKit;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>One-click unsubscribe (RFC 8058) without signing in, and the preferences page.</summary>
public sealed class UnsubscribeTests(MailFixture app) : IClassFixture<MailFixture>
{
    private readonly Scenario _alpha = new(app);

    [Fact]
    public async Task The_link_unsubscribes_only_its_own_address_at_once_and_essential_mail_still_arrives()
    {
        var p = Scenario.Unique("un");
        var (leaver, stayer) = ($"{p}-leaver", $"{p}-stayer");
        var council = await _alpha.CouncilAsync($"{p} council", await _alpha.UserAsync(leaver), await _alpha.UserAsync(stayer));
        var (leaverEmail, stayerEmail) = (_alpha.Email(leaver), _alpha.Email(stayer));

        var (first, _) = await _alpha.DecisionAsync(council, $"First {p}");
        await _alpha.OpenVotingAsync(first);
        await _alpha.DecideAsync(first, [leaver, stayer]);
        await app.DeliverAsync();
        var feedback = MailSink.To(leaverEmail, stayerEmail).Where(m => m.Title().Contains($"First {p}", StringComparison.Ordinal) && m.Header("X-EngagementPlatform-Category") == "FeedbackLoop").ToList();
        feedback.Count.ShouldBe(2);
        var link = feedback.Single(m => m.Recipient() == leaverEmail).Header(HeaderId.ListUnsubscribe).Trim('<', '>', ' ');
        var path = new Uri(link).AbsolutePath;
        path.ShouldStartWith("/api/notifications/unsubscribe/");
        feedback.Single(m => m.Recipient() == leaverEmail).Text().ShouldContain(link);
        var token = path["/api/notifications/unsubscribe/".Length..];

        // Opening the link (a mail client's or a scanner's GET) only asks; it changes nothing.
        using var anonymous = app.Anonymous();
        var page = await anonymous.GetAsync(path);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("<form method=\"post\"");
        html.ShouldContain("Stop sending 'What happened with decisions and your input' emails to ");
        html.ShouldNotContain(leaverEmail); // masked
        (await PreferencesAsync(leaver))["FeedbackLoop"].ShouldBeTrue();

        // A tampered token is refused and unsubscribes no one.
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        await (await anonymous.PostAsync($"/api/notifications/unsubscribe/{tampered}", OneClick())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Notifications:InvalidUnsubscribeLink");
        await (await anonymous.PostAsync("/api/notifications/unsubscribe/not-a-token", OneClick())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Notifications:InvalidUnsubscribeLink");
        await (await anonymous.GetAsync($"/api/notifications/unsubscribe/{tampered}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Notifications:InvalidUnsubscribeLink");
        // A person whose mail client opens a broken link gets a page in words, not problem details.
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/api/notifications/unsubscribe/{tampered}"))
        {
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
            var broken = await anonymous.SendAsync(request);
            broken.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            broken.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync()).ShouldContain("This unsubscribe link is not valid.");
        }

        (await PreferencesAsync(leaver))["FeedbackLoop"].ShouldBeTrue();

        // The mailbox provider's one-click POST: no sign-in, no tenant header; honoured at once.
        var done = await anonymous.PostAsync(path, OneClick());
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        var donePage = WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync());
        donePage.ShouldContain("Done: we will send no more 'What happened with decisions and your input' emails");
        // It points to the preferences page of the partnership the link was for.
        donePage.ShouldContain($"{MailFixture.PublicUrl}/notifications/preferences?__tenant=alpha");
        (await anonymous.PostAsync(path, OneClick())).StatusCode.ShouldBe(HttpStatusCode.OK); // twice is harmless
        (await PreferencesAsync(leaver))["FeedbackLoop"].ShouldBeFalse();
        (await PreferencesAsync(stayer))["FeedbackLoop"].ShouldBeTrue();

        // The next decision: both still get the essential voting-opened mail; only the stayer hears the outcome.
        var (second, _) = await _alpha.DecisionAsync(council, $"Second {p}");
        await _alpha.OpenVotingAsync(second);
        await _alpha.DecideAsync(second, [leaver, stayer]);
        await app.DeliverAsync();
        var secondMail = MailSink.To(leaverEmail, stayerEmail).Where(m => m.Title().Contains($"Second {p}", StringComparison.Ordinal)).ToList();
        secondMail.Where(m => m.Header("X-EngagementPlatform-Category") == "Essential").Select(m => m.Recipient()).OrderBy(a => a)
            .ShouldBe(new[] { leaverEmail, stayerEmail }.OrderBy(a => a));
        secondMail.Where(m => m.Header("X-EngagementPlatform-Category") == "FeedbackLoop").Select(m => m.Recipient()).ShouldBe([stayerEmail]);
        (await _alpha.OutboxAsync()).Where(r => r.ToEmail == leaverEmail && r.Template == "decision-decided").Count().ShouldBe(1); // the first decision's only

        // Subscribing again from the profile brings the feedback mail back.
        using (var client = await app.ClientAsync("alpha", leaver))
        {
            await (await client.PutAsJsonAsync("/api/notifications/my-preferences", new { subscriptions = new Dictionary<string, bool> { ["FeedbackLoop"] = true } })).ShouldBeSuccessAsync();
        }

        var (third, _) = await _alpha.DecisionAsync(council, $"Third {p}");
        await _alpha.OpenVotingAsync(third);
        await _alpha.DecideAsync(third, [leaver]);
        await app.DeliverAsync();
        MailSink.To(leaverEmail).Count(m => m.Subject == $"What came of your input: Third {p}").ShouldBe(1);
    }

    [Fact]
    public async Task Preferences_show_every_category_and_essential_mail_cannot_be_turned_off()
    {
        var member = Scenario.Unique("pref");
        await _alpha.UserAsync(member);
        using var client = await app.ClientAsync("alpha", member);
        var preferences = await (await client.GetAsync("/api/notifications/my-preferences")).ReadJsonAsync();
        preferences.GetProperty("email").GetString()!.ShouldBe(_alpha.Email(member));
        var categories = preferences.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!);
        categories.Keys.OrderBy(k => k).ShouldBe(["Announcements", "Essential", "FeedbackLoop", "Reminders"]);
        categories["Essential"].GetProperty("essential").GetBoolean().ShouldBeTrue();
        categories.Values.ShouldAllBe(c => c.GetProperty("subscribed").GetBoolean());

        await (await client.PutAsJsonAsync("/api/notifications/my-preferences", new { subscriptions = new Dictionary<string, bool> { ["Essential"] = false, ["Reminders"] = false } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "Notifications:EssentialMail");
        (await PreferencesAsync(member))["Reminders"].ShouldBeTrue(); // the refused request changed nothing

        var saved = await (await client.PutAsJsonAsync("/api/notifications/my-preferences", new { subscriptions = new Dictionary<string, bool> { ["Reminders"] = false, ["Essential"] = true } })).ReadJsonAsync();
        saved.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "Reminders").GetProperty("subscribed").GetBoolean().ShouldBeFalse();
        var now = await PreferencesAsync(member);
        now["Reminders"].ShouldBeFalse();
        now["Essential"].ShouldBeTrue();
        now["FeedbackLoop"].ShouldBeTrue();

        using var anonymous = app.Anonymous("alpha");
        (await anonymous.GetAsync("/api/notifications/my-preferences")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    private async Task<Dictionary<string, bool>> PreferencesAsync(string userName)
    {
        using var client = await app.ClientAsync("alpha", userName);
        var preferences = await (await client.GetAsync("/api/notifications/my-preferences")).ReadJsonAsync();
        return preferences.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!, c => c.GetProperty("subscribed").GetBoolean());
    }
}
