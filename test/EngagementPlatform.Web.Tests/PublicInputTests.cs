using System.Text.RegularExpressions;

namespace EngagementPlatform.Web.Tests;

/// <summary>The browser host with mail going to the real SMTP sink, so a confirmation link can be followed.</summary>
public sealed class PublicInputBrowserFixture : BrowserFixture
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Smtp:Host"] = MailSink.Host;
            settings["Smtp:Port"] = MailSink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Smtp:Security"] = "None";
            settings["Smtp:From"] = "EngagementPlatform <no-reply@mail.ep.test>";
            return settings;
        }
    }
}

/// <summary>Public input from a shared link: signed out, on a phone, in English and Spanish, with the email confirmed from the mail.</summary>
public sealed class PublicInputTests(PublicInputBrowserFixture app) : IClassFixture<PublicInputBrowserFixture>
{
    private const string Tenant = "alpha";

    [Fact]
    public async Task The_shared_link_opens_a_working_form_signed_out_on_a_phone_in_both_languages_and_the_mailed_link_confirms_the_address()
    {
        using var admin = await app.ClientAsync(Tenant, "admin");
        var councilId = (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name = "Neighborhood health council" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var decision = await (await admin.PostAsJsonAsync("/api/governance/decisions", new
        {
            councilId,
            title = "Where should the mobile clinic stop?",
            description = "The mobile clinic can add one stop on Tuesdays.",
            method = "YesNo",
            quorum = 0.5,
            threshold = "SimpleMajority",
            secretBallot = false,
            allowPublicInput = true,
        })).ReadJsonAsync();
        var decisionId = decision.GetProperty("id").GetGuid();
        var token = (await (await admin.GetAsync($"/api/governance/decisions/{decisionId}")).ReadJsonAsync()).GetProperty("publicInputToken").GetString()!;
        await (await admin.PostAsync($"/api/governance/decisions/{decisionId}/open-input", null)).ShouldBeSuccessAsync();

        // Staff see the link on the decision page, ready to copy.
        await app.CreateUserAsync(Tenant, "pub-staff", "staff");
        var staff = await app.NewPageAsync();
        await staff.SignInAsync(Tenant, "pub-staff");
        await staff.GotoAsync($"/decisions/{decisionId}");
        var shareField = staff.GetByLabel("Link for the public");
        await Assertions.Expect(shareField).ToHaveValueAsync($"{app.BaseUrl}/public/decisions/{token}?__tenant={Tenant}");
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeVisibleAsync();
        await staff.CheckPageAsync("public-share-link");
        var link = await shareField.InputValueAsync();

        // Someone opens it on a phone, never signed in, and leaves an address.
        var phone = await app.NewPageAsync(360, 740);
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Where should the mobile clinic stop?", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await phone.CheckPageAsync("public-input-phone-en");
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);

        await phone.UseLanguageAsync("es");
        await Assertions.Expect(phone.GetByRole(AriaRole.Textbox, new() { Name = "Su aporte (obligatorio)" })).ToBeVisibleAsync();
        await phone.CheckPageAsync("public-input-phone-es");
        await phone.UseLanguageAsync("en");

        var email = $"lupe-{Guid.NewGuid():N}@example.org";
        await phone.GetByRole(AriaRole.Textbox, new() { Name = "Your input (required)" }).FillAsync("Stop at the community center on Main Street; the bus does not reach it.");
        await phone.GetByLabel("Your name").FillAsync("Lupe");
        await phone.GetByLabel("Your email").FillAsync(email);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send my input" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Thank you — your input was received" })).ToBeFocusedAsync();
        await Assertions.Expect(phone.GetByText($"We sent a message to {email}.")).ToBeVisibleAsync();
        await phone.CheckPageAsync("public-input-phone-thanks-en");

        // A Spanish-speaking browser gets the page in Spanish and is told where to look when no address is left.
        var spanish = await app.NewPageAsync(360, 740, "es-ES");
        await spanish.GotoAsync(link);
        await spanish.GetByRole(AriaRole.Textbox, new() { Name = "Su aporte (obligatorio)" }).FillAsync("Paren en la iglesia de la calle 5.");
        await spanish.GetByRole(AriaRole.Button, new() { Name = "Enviar mi aporte" }).ClickAsync();
        await Assertions.Expect(spanish.GetByText("No dejó un correo electrónico, así que no podemos escribirle.")).ToBeVisibleAsync();
        await Assertions.Expect(spanish.GetByText("Puede volver a esta página cuando quiera")).ToBeVisibleAsync();
        await spanish.CheckPageAsync("public-input-phone-thanks-es");
        (await spanish.MissingTranslationsAsync()).ShouldBeEmpty();
        (await phone.MissingTranslationsAsync()).ShouldBeEmpty();

        // The confirmation mail reaches the real SMTP sink; its link opens a page that works signed out.
        var confirmLink = await ConfirmationLinkAsync(email);
        confirmLink.ShouldStartWith($"{app.BaseUrl}/public/confirm-email?token=");
        var confirm = await app.NewPageAsync(360, 740);
        await confirm.GotoAsync(confirmLink);
        await Assertions.Expect(confirm.GetByRole(AriaRole.Heading, new() { Name = "Confirm your email", Level = 1 })).ToBeVisibleAsync();
        await confirm.CheckPageAsync("public-confirm-email");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();
        await Assertions.Expect(confirm.GetByRole(AriaRole.Heading, new() { Name = "Your email is confirmed" })).ToBeVisibleAsync();
        await confirm.CheckPageAsync("public-confirm-email-done");

        // Used once, the link is spent.
        var again = await app.NewPageAsync(360, 740);
        await again.GotoAsync(confirmLink);
        await again.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();
        await Assertions.Expect(again.GetByText("This confirmation link is not valid or was already used.")).ToBeVisibleAsync();

        var inputs = await (await admin.GetAsync($"/api/governance/decisions/{decisionId}/inputs")).ReadJsonAsync();
        inputs.GetProperty("totalCount").GetInt64().ShouldBe(2);
        inputs.GetProperty("items").GetArrayLength().ShouldBe(2);
    }

    private static async Task<string> ConfirmationLinkAsync(string email)
    {
        var folder = Path.Combine(MailSink.Directory, "new");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder) : [])
            {
                var raw = await File.ReadAllTextAsync(file);
                if (!raw.Contains(email, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // Quoted-printable may wrap long lines with "=\r\n" and encode "=" as "=3D".
                var text = raw.Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
                var match = Regex.Match(text, @"https?://[^\s""<>]+/public/confirm-email\?[^\s""<>]+");
                if (match.Success)
                {
                    return System.Net.WebUtility.HtmlDecode(match.Value);
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"No confirmation mail for {email} reached the SMTP sink within 60 s.");
    }
}
