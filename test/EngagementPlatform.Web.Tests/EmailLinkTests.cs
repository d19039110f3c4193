using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace EngagementPlatform.Web.Tests;

/// <summary>The browser host, with its mail going to the real SMTP sink the test script starts.</summary>
public sealed class EmailLinkFixture : BrowserFixture
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(base.Settings)
            {
                ["Smtp:Host"] = MailSink.Host,
                ["Smtp:Port"] = MailSink.Port.ToString(CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "EngagementPlatform <no-reply@mail.ep.test>",
            };
            return settings;
        }
    }

    /// <summary>Every message the sink received for <paramref name="address"/>.</summary>
    public static IReadOnlyList<MimeMessage> MailTo(string address) => MailSink.To(address);
}

/// <summary>
/// Every link the product emails is followed, signed out, in headless chromium: the decision link of a real
/// "what came of your input" email and of "voting opened", the one-click unsubscribe link and the email preferences
/// link. The reader signs in on the real sign-in page without typing a partnership and lands on the page promised.
/// </summary>
public sealed class EmailLinkTests(EmailLinkFixture app) : IClassFixture<EmailLinkFixture>
{
    private const string Tenant = "alpha";
    private const string InputText = "Open on Saturday mornings so parents who work weekdays can come.";
    private const string Explanation = "Saturday mornings from March; evenings need more staff.";
    private static readonly string TermStart = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_link_in_the_feedback_and_voting_emails_opens_its_page_for_a_signed_out_reader()
    {
        var member = "link-" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{member}@{Tenant}.test";
        var (decisionId, title) = await DecideWithInputAsync(member);

        // The voting-opened email and the feedback email arrive through the real sender (Hangfire) and SMTP sink.
        var opened = await MailSink.WaitForAsync(email, m => (m.Subject ?? string.Empty).StartsWith("Your vote is open", StringComparison.Ordinal));
        var feedback = await MailSink.WaitForAsync(email, m => (m.Subject ?? string.Empty).StartsWith("What came of your input", StringComparison.Ordinal));

        var decisionLink = WebTestHelpers.EmailLink(feedback.TextBody, @"/decisions/[0-9a-f-]{36}\?__tenant=" + Tenant);
        decisionLink.ShouldBe($"{app.BaseUrl}/decisions/{decisionId}?__tenant={Tenant}");
        WebTestHelpers.EmailLink(feedback.HtmlBody, @"/decisions/[0-9a-f-]{36}\?__tenant=" + Tenant).ShouldBe(decisionLink);

        // 1. What came of your input: sign in without typing the partnership, land on the decision with the input and its use.
        var page = await app.NewPageAsync();
        await FollowSignedOutAsync(page, decisionLink, member);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/decisions/{decisionId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var yours = page.GetByRole(AriaRole.Region, new() { Name = "How your input was used" });
        await Assertions.Expect(yours.GetByText(InputText)).ToBeVisibleAsync();
        await Assertions.Expect(yours.GetByText("Adapted", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(yours.GetByText(Explanation)).ToBeVisibleAsync();
        await page.CheckPageAsync("email-link-decision");
        await page.Context.CloseAsync();

        // 2. Voting opened: the same decision, from the link in that email.
        var votingLink = WebTestHelpers.EmailLink(opened.TextBody, @"/decisions/[0-9a-f-]{36}\?__tenant=" + Tenant);
        votingLink.ShouldBe(decisionLink);
        page = await app.NewPageAsync();
        await FollowSignedOutAsync(page, votingLink, member);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe($"/decisions/{decisionId}");
        await page.Context.CloseAsync();

        // 3. Email preferences, from the footer of the feedback email.
        var preferencesLink = WebTestHelpers.EmailLink(feedback.TextBody, @"/notifications/preferences\?__tenant=" + Tenant);
        page = await app.NewPageAsync();
        await FollowSignedOutAsync(page, preferencesLink, member);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email preferences", Level = 1 })).ToBeVisibleAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/notifications/preferences");
        await Assertions.Expect(page.GetByText($"We send email to {email}.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        // 4. Unsubscribe: a page a person can read (not JSON), one button, then a link to the preferences.
        var unsubscribeLink = WebTestHelpers.EmailLink(feedback.TextBody, @"/api/notifications/unsubscribe/[A-Za-z0-9_-]+");
        feedback.Headers[HeaderId.ListUnsubscribe].ShouldBe($"<{unsubscribeLink}>");
        page = await app.NewPageAsync();
        var response = await page.GotoAsync(unsubscribeLink);
        response!.Status.ShouldBe(200);
        (await response.HeaderValueAsync("content-type") ?? string.Empty).ShouldStartWith("text/html");
        await Assertions.Expect(page.GetByText(new Regex("^Stop sending .+ emails to l"))).ToBeVisibleAsync();
        await page.CheckPageAsync("email-link-unsubscribe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("^Done: we will send no more"))).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose which emails you get" }).ClickAsync();
        await page.SignInFromLinkAsync(Tenant, member);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email preferences", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "What happened with decisions and your input" })).Not.ToBeCheckedAsync();
        await page.Context.CloseAsync();

        // A broken unsubscribe link still gets a page, in words.
        page = await app.NewPageAsync();
        response = await page.GotoAsync(unsubscribeLink[..^4] + "AAAA");
        response!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByText(new Regex("^This unsubscribe link is not valid"))).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Opens an emailed link in a signed-out browser and signs in on the server's page without typing the partnership.</summary>
    private static async Task FollowSignedOutAsync(IPage page, string link, string userName)
    {
        await page.GotoAsync(link);
        await page.SignInFromLinkAsync(Tenant, userName);
    }




    /// <summary>A member's input, voting (opened with a closing time), the member's vote and the record that uses the input.</summary>
    private async Task<(Guid Id, string Title)> DecideWithInputAsync(string member)
    {
        var title = $"Saturday hours {member}";
        using var admin = await app.ClientAsync(Tenant, "admin");
        var memberId = await app.CreateUserAsync(Tenant, member, "member");
        var councilId = (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name = $"Council {member}" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var seatId = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats", new { title = "Community seat", category = "CommunityMember", isVoting = true }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/seats/{seatId}/assignments", new { userId = memberId, termStart = TermStart })).ShouldBeSuccessAsync();

        var decisionId = (await (await admin.PostAsJsonAsync("/api/governance/decisions", new
        {
            councilId,
            title,
            method = "YesNo",
            quorum = 0.5,
            threshold = "SimpleMajority",
            votingClosesAt = DateTimeOffset.UtcNow.AddDays(3),
        })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsync($"/api/governance/decisions/{decisionId}/open-input", null)).ShouldBeSuccessAsync();

        using var voter = await app.ClientAsync(Tenant, member);
        var inputId = (await (await voter.PostAsJsonAsync($"/api/governance/decisions/{decisionId}/inputs", new { text = InputText })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsync($"/api/governance/decisions/{decisionId}/open-voting", null)).ShouldBeSuccessAsync();
        await (await voter.PutAsJsonAsync($"/api/governance/decisions/{decisionId}/my-vote", new { choice = "Yes" })).ShouldBeSuccessAsync();
        await (await admin.PostAsync($"/api/governance/decisions/{decisionId}/close-voting", null)).ShouldBeSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/governance/decisions/{decisionId}/record", new
        {
            outcome = "The clinic opens on Saturday mornings.",
            rationale = "Most members asked for it.",
            inputUses = new[] { new { inputId, use = "Adapted", explanation = Explanation } },
        })).ShouldBeSuccessAsync();
        return (decisionId, title);
    }
}
