using System.Globalization;
using EngagementPlatform.Framework.Jobs;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;

namespace EngagementPlatform.Web.Tests;

/// <summary>
/// The browser host with alpha on a plan with data sharing, its mail going to the real SMTP sink, and three
/// signatories, one per party of the usual agreement: the county's (staff), the community organization's and the
/// university's (members).
/// </summary>
public sealed class DataSharingWebFixture : BrowserFixture
{
    public const string Tenant = "alpha";
    public const string Agency = "ds-agency";
    public const string Community = "ds-community";
    public const string University = "ds-university";

    public Guid AgencyId { get; private set; }

    public Guid CommunityId { get; private set; }

    public Guid UniversityId { get; private set; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Smtp:Host"] = MailSink.Host,
        ["Smtp:Port"] = MailSink.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "EngagementPlatform <no-reply@mail.ep.test>",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AssignEditionAsync(Tenant, await CreateEditionAsync("Partnership with data sharing", "dataSharing"));
        AgencyId = await CreateUserAsync(Tenant, Agency, "staff");
        CommunityId = await CreateUserAsync(Tenant, Community, "member");
        UniversityId = await CreateUserAsync(Tenant, University, "member");
    }
}

/// <summary>
/// Data sharing in the browser: staff write a three-party agreement in the editor and send it for signature, each of
/// the three signatories signs on the signing page (the first from the "please sign" email's link, signed out; the
/// last on a phone), and the agreement is Active; the register's
/// "Expiring soon" view; two versions compared side by side; the daily job's end-date and destruction reminders, whose
/// links open the agreement and the attestation form after signing in. Every page passes axe.
/// </summary>
public sealed class DataSharingTests(DataSharingWebFixture app) : IClassFixture<DataSharingWebFixture>
{
    private const string Tenant = DataSharingWebFixture.Tenant;
    // Yesterday in UTC has come in every partnership's time zone, so an agreement from then is active once signed.
    private static readonly string Yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Staff_write_an_agreement_and_send_it_for_signature_and_it_is_active_once_all_three_signatories_signed_on_the_signing_page()
    {
        var title = $"Community health survey {Guid.NewGuid().ToString("N")[..6]}";
        var page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, "admin");
        await page.UseLanguageAsync("en");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Agreements" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Data-sharing agreements", Level = 1 })).ToBeVisibleAsync();
        await page.CheckPageAsync("data-sharing-register");

        // The editor: three parties, each with its signatory picked from the partnership's people.
        await page.GetByRole(AriaRole.Link, new() { Name = "New agreement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New data-sharing agreement", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Purpose").FillAsync("Share survey answers so the council and the university can see what changed in the neighborhood.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a party" }).ClickAsync();
        await FillPartyAsync(page, 1, "County Health Department", "Agency", "DataProvider", DataSharingWebFixture.Agency, "data-office@county.example.org");
        await FillPartyAsync(page, 2, "Eastside Neighbors Association", "CommunityOrganization", "CommunityOwner", DataSharingWebFixture.Community, null);
        await FillPartyAsync(page, 3, "State University School of Public Health", "ResearchPartner", "Recipient", DataSharingWebFixture.University, "irb@university.example.edu");
        await page.GetByLabel("Data element 1", new() { Exact = true }).FillAsync("Survey answers");
        await page.GetByLabel("Who owns the data").FillAsync("Eastside Neighbors Association");
        await page.GetByLabel("Who may publish").FillAsync("The university, after the association's review");
        await page.GetByLabel("Permitted use 1", new() { Exact = true }).FillAsync("Program evaluation");
        await page.GetByLabel("Ends on").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // PHI needs a breach-notification window and a destruction date: said under those fields, nothing is created.
        await page.GetByLabel("Overall sensitivity").SelectOptionAsync("PHI");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#agreement-breachNotificationDays-errors")).ToContainTextAsync("breach-notification window");
        await Assertions.Expect(page.Locator("#agreement-destructionDate-errors")).ToContainTextAsync("destruction date");
        await page.CheckPageAsync("data-sharing-editor");
        await page.GetByLabel("Overall sensitivity").SelectOptionAsync("Deidentified");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await ExpectStatusAsync(page, "Agreement created as a draft.");
        await Assertions.Expect(page.Locator("#agreement-state")).ToHaveTextAsync("Draft");
        var agreementId = new Uri(page.Url).AbsolutePath.Split('/').Last();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for signature" }).ClickAsync();
        await ExpectStatusAsync(page, "Sent for signature");
        await Assertions.Expect(page.Locator("#agreement-state")).ToHaveTextAsync("In review");
        await page.CheckPageAsync("data-sharing-detail-in-review");
        await page.Context.CloseAsync();

        // Each signatory finds it under My signatures, reads the version in full with its hash, types their name and signs.
        string[] signers = [DataSharingWebFixture.Agency, DataSharingWebFixture.Community, DataSharingWebFixture.University];
        for (var i = 0; i < signers.Length; i++)
        {
            var last = i == signers.Length - 1;
            page = last ? await app.NewPageAsync(360, 740) : await app.NewPageAsync();
            if (i == 0)
            {
                // The first follows the "please sign" email's link signed out: sign-in without typing the partnership, then the signing page.
                var mail = await MailSink.WaitForAsync($"{signers[i]}@{Tenant}.test", m => (m.Subject ?? string.Empty).StartsWith($"Please sign: {title}", StringComparison.Ordinal));
                var link = WebTestHelpers.EmailLink(mail.TextBody, $@"/data-sharing/agreements/{agreementId}/sign\?__tenant={Tenant}");
                link.ShouldBe($"{app.BaseUrl}/data-sharing/agreements/{agreementId}/sign?__tenant={Tenant}");
                WebTestHelpers.EmailLink(mail.HtmlBody, $@"/data-sharing/agreements/{agreementId}/sign\?__tenant={Tenant}").ShouldBe(link);
                await page.GotoAsync(link);
                await page.SignInFromLinkAsync(Tenant, signers[i]);
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/data-sharing/agreements/{agreementId}/sign");
                await page.UseLanguageAsync("en");
            }
            else
            {
                await page.SignInAsync(Tenant, signers[i]);
                await page.UseLanguageAsync("en");
                if (last)
                {
                    // The phone layout folds the navigation behind the menu button.
                    await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
                }

                await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "My signatures" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My signatures", Level = 1 })).ToBeVisibleAsync();
                await page.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = $"Read and sign {title}" }).ClickAsync();
            }

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign the agreement", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What you are signing (version 1)" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#sign-hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
            await Assertions.Expect(page.GetByText("Program evaluation")).ToBeVisibleAsync();
            if (i == 0)
            {
                await page.CheckPageAsync("data-sharing-sign");

                // Not without the attestation.
                await page.GetByLabel("Your full name").FillAsync(signers[i]);
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
                await Assertions.Expect(page.GetByText("Tick the box to confirm you agree.")).ToBeVisibleAsync();
            }

            await page.GetByLabel("Your full name").FillAsync($"{signers[i]} full name");
            await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("I have read version 1 and I agree") }).CheckAsync();
            if (last)
            {
                await page.CheckPageAsync("data-sharing-sign-phone");
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the signing page must not scroll sideways on a phone");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign", Exact = true }).ClickAsync();
            await ExpectStatusAsync(page, last ? "Every party has signed: the agreement is now active." : "The agreement becomes active once every party has signed.");
            await page.Context.CloseAsync();
        }

        // Staff see it active, every party's signature with who signed and when, and version 1 in the list.
        page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, "admin");
        await page.UseLanguageAsync("en");
        await page.GotoAsync($"/data-sharing/agreements/{agreementId}");
        await Assertions.Expect(page.Locator("#agreement-state")).ToHaveTextAsync("Active");
        var parties = page.Locator("#current-parties");
        await Assertions.Expect(parties.GetByRole(AriaRole.Row).Filter(new() { HasText = "Signed" })).ToHaveCountAsync(3);
        await Assertions.Expect(parties).ToContainTextAsync($"by {DataSharingWebFixture.University} full name");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start an amendment" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit the draft" })).ToHaveCountAsync(0);
        await page.CheckPageAsync("data-sharing-detail-active");

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.Locator("#agreement-state")).ToHaveTextAsync("Vigente");
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.UseLanguageAsync("en");
        await page.Context.CloseAsync();

        using var admin = await app.ClientAsync(Tenant, "admin");
        var saved = await (await admin.GetAsync($"/api/data-sharing/agreements/{agreementId}")).ReadJsonAsync();
        saved.GetProperty("state").GetString().ShouldBe("Active");
        saved.GetProperty("current").GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("signatoryUserId").GetGuid())
            .ShouldBe([app.AgencyId, app.CommunityId, app.UniversityId]);
    }

    [Fact]
    public async Task The_register_shows_the_agreements_expiring_within_60_days_and_two_versions_compare_side_by_side_with_the_changes_marked()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var soon = await ActiveAgreementAsync($"Ends soon {suffix}", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
        await ActiveAgreementAsync($"Ends later {suffix}", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(200)));

        var page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, "admin");
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/data-sharing/agreements");
        await page.GetByLabel("Title or party").FillAsync(suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show agreements" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = suffix })).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Link, new() { Name = "Expiring soon (next 60 days)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Active agreements ending within 60 days" })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Row).Filter(new() { HasText = suffix });
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync($"Ends soon {suffix}");
        await Assertions.Expect(rows).ToContainTextAsync("Active");
        await page.CheckPageAsync("data-sharing-register-expiring");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".csv");
        (await File.ReadAllTextAsync((await download.PathAsync())!)).ShouldContain($"Ends soon {suffix}");

        // An amendment moves the end date: version 1 and 2 side by side, the change marked in words.
        using var admin = await app.ClientAsync(Tenant, "admin");
        (await admin.PostAsync($"/api/data-sharing/agreements/{soon}/amendments", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var newEnd = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(400));
        await (await admin.PutAsJsonAsync($"/api/data-sharing/agreements/{soon}/draft", Body(app, $"Ends soon {suffix}", newEnd))).ShouldBeSuccessAsync();

        await page.GotoAsync($"/data-sharing/agreements/{soon}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare version 1 with version 2" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compare versions", Level = 1 })).ToBeVisibleAsync();
        var endRow = page.Locator("table.side").GetByRole(AriaRole.Row).Filter(new() { HasText = "Ends on" });
        await Assertions.Expect(endRow).ToContainTextAsync("Changed");
        await Assertions.Expect(endRow.Locator("del")).ToHaveTextAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Assertions.Expect(endRow.Locator("ins")).ToHaveTextAsync(newEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var titleRow = page.Locator("table.side").GetByRole(AriaRole.Row).Filter(new() { HasText = "Title" });
        await Assertions.Expect(titleRow.Locator("del, ins")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#changes").GetByRole(AriaRole.Row).Filter(new() { HasText = "effectiveTo" })).ToContainTextAsync("Changed");
        await page.CheckPageAsync("data-sharing-compare");

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.Locator("table.side").GetByRole(AriaRole.Row).Filter(new() { HasText = "Termina el" })).ToContainTextAsync("Cambió");
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.UseLanguageAsync("en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_reminder_emails_link_to_the_agreement_and_to_the_destruction_form_and_both_open_after_signing_in()
    {
        // Ends and must be destroyed in 5 days: the daily job's 7-day reminders go out on its first run.
        var title = $"Ends in days {Guid.NewGuid().ToString("N")[..6]}";
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5));
        var id = await ActiveAgreementAsync(title, due, destroyBy: due);
        app.Factory.Services.GetRequiredService<IRecurringJobs>().TriggerNow("data-sharing:daily").ShouldNotBeNull();

        var reader = $"{DataSharingWebFixture.University}@{Tenant}.test";
        var ending = await MailSink.WaitForAsync(reader, m => (m.Subject ?? string.Empty).StartsWith($"{title} ends in", StringComparison.Ordinal));
        var destroy = await MailSink.WaitForAsync(reader, m => (m.Subject ?? string.Empty).StartsWith($"Destroy the data of {title}", StringComparison.Ordinal));
        var agreementLink = WebTestHelpers.EmailLink(ending.TextBody, $@"/data-sharing/agreements/{id}\?__tenant={Tenant}");
        WebTestHelpers.EmailLink(ending.HtmlBody, $@"/data-sharing/agreements/{id}\?(amp;)?__tenant={Tenant}").ShouldBe(agreementLink);
        var destructionLink = WebTestHelpers.EmailLink(destroy.TextBody, $@"/data-sharing/agreements/{id}/destruction\?__tenant={Tenant}");
        WebTestHelpers.EmailLink(destroy.HtmlBody, $@"/data-sharing/agreements/{id}/destruction\?(amp;)?__tenant={Tenant}").ShouldBe(destructionLink);

        // Each link, followed signed out, asks for the sign-in (the partnership already named) and then shows what it promised.
        var page = await app.NewPageAsync();
        await page.GotoAsync(agreementLink);
        await page.SignInFromLinkAsync(Tenant, DataSharingWebFixture.University);
        await page.UseLanguageAsync("en");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/data-sharing/agreements/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#agreement-state")).ToHaveTextAsync("Active");
        await page.Context.CloseAsync();

        page = await app.NewPageAsync();
        await page.GotoAsync(destructionLink);
        await page.SignInFromLinkAsync(Tenant, DataSharingWebFixture.University);
        await page.UseLanguageAsync("en");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/data-sharing/agreements/{id}/destruction");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attest data destruction", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Attest destruction" })).ToBeVisibleAsync();
        await page.CheckPageAsync("data-sharing-destruction");
        await page.Context.CloseAsync();
    }

    /// <summary>Picks a party's fields in the editor; the party's group is named "Party n" (then its name).</summary>
    private static async Task FillPartyAsync(IPage page, int number, string name, string kind, string role, string signatory, string? email)
    {
        var party = page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex($"^Party {number}") });
        await party.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await party.GetByLabel("Kind").SelectOptionAsync(kind);
        await party.GetByLabel("Role").SelectOptionAsync(role);
        await party.GetByLabel("Signatory").SelectOptionAsync(new SelectOptionValue { Label = signatory });
        if (email is not null)
        {
            await party.GetByLabel("Contact email").FillAsync(email);
        }
    }

    /// <summary>An agreement made and signed through the API (as the pages do), active from today until <paramref name="end"/>.</summary>
    private async Task<Guid> ActiveAgreementAsync(string title, DateOnly end, DateOnly? destroyBy = null)
    {
        using var admin = await app.ClientAsync(Tenant, "admin");
        var created = await admin.PostAsJsonAsync("/api/data-sharing/agreements", Body(app, title, end, destroyBy));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsync($"/api/data-sharing/agreements/{id}/submit", null)).ShouldBeSuccessAsync();
        foreach (var signer in new[] { DataSharingWebFixture.Agency, DataSharingWebFixture.Community, DataSharingWebFixture.University })
        {
            using var client = await app.ClientAsync(Tenant, signer);
            var agreement = await (await client.GetAsync($"/api/data-sharing/agreements/{id}")).ReadJsonAsync();
            var request = agreement.GetProperty("mySignatureRequests")[0];
            await (await client.PostAsJsonAsync($"/api/data-sharing/agreements/{id}/signatures", new
            {
                versionNumber = request.GetProperty("versionNumber").GetInt32(),
                partyId = request.GetProperty("partyId").GetGuid(),
                contentHash = request.GetProperty("contentHash").GetString(),
                typedName = signer,
            })).ShouldBeSuccessAsync();
        }

        return id;
    }

    private static object Body(DataSharingWebFixture app, string title, DateOnly end, DateOnly? destroyBy = null) => new
    {
        title,
        purpose = "Share survey answers so the council and the university can see what changed in the neighborhood.",
        sensitivity = "Deidentified",
        parties = new object[]
        {
            new { name = "County Health Department", kind = "Agency", role = "DataProvider", signatoryUserId = app.AgencyId, contactEmail = "data-office@county.example.org", signatureRequired = true },
            new { name = "Eastside Neighbors Association", kind = "CommunityOrganization", role = "CommunityOwner", signatoryUserId = app.CommunityId, contactEmail = (string?)null, signatureRequired = true },
            new { name = "State University School of Public Health", kind = "ResearchPartner", role = "Recipient", signatoryUserId = app.UniversityId, contactEmail = "irb@university.example.edu", signatureRequired = true },
        },
        dataElements = new object[] { new { name = "Survey answers", description = "Answers to the 20 questions, no names", sensitivity = "Deidentified" } },
        governance = new { dataOwner = "Eastside Neighbors Association", whoMayPublish = "The university, after review", communityReviewBeforePublication = true, returnOfResults = (string?)null },
        permittedUses = new[] { "Program evaluation" },
        retentionPeriod = (string?)null,
        destructionDate = destroyBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        destructionMethod = destroyBy is null ? null : "Secure deletion, with a certificate",
        breachNotificationDays = (int?)null,
        effectiveFrom = Yesterday,
        effectiveTo = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static Task ExpectStatusAsync(IPage page, string text)
        => Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = text })).ToBeVisibleAsync();
}
