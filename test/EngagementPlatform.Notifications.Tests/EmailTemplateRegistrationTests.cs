using EngagementPlatform.Notifications.Tests.Support;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>A module registers its own templates at start-up: listed, overridable, previewed and sent, enums as words.</summary>
public sealed class EmailTemplateRegistrationTests(TestModuleMailFixture app) : IClassFixture<TestModuleMailFixture>
{
    [Fact]
    public async Task A_registered_template_is_listed_in_both_languages_with_its_fields()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var page = await (await admin.GetAsync("/api/notifications/templates?maxResultCount=1000")).ReadJsonAsync();
        var rows = page.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("name").GetString() == AgreementEmailTemplates.Reminder).ToList();
        rows.Select(t => t.GetProperty("culture").GetString()).ToArray().ShouldBe(new[] { "en", "es" });
        var fields = rows[0].GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
        fields.ShouldContain("agreement.stage");
        fields.ShouldContain("agreement.title");
        fields.ShouldContain("signers");
        fields.ShouldContain("recipientName");
        page.GetProperty("totalCount").GetInt64().ShouldBe(page.GetProperty("items").GetArrayLength());
        // Governance's own template comes through the same registration.
        page.GetProperty("items").EnumerateArray().ShouldContain(t => t.GetProperty("name").GetString() == "public-input-confirm-email");

        var preview = await (await admin.PostAsJsonAsync("/api/notifications/templates/preview", new { name = AgreementEmailTemplates.Reminder, culture = "es" })).ReadJsonAsync();
        preview.GetProperty("subject").GetString().ShouldBe("El acuerdo Acuerdo de datos está en AwaitingSignature");
        preview.GetProperty("text").GetString()!.ShouldContain("Acuerdo de datos espera su firma.");
    }

    [Fact]
    public async Task A_registered_template_is_sent_with_its_enums_as_names_and_can_be_overridden()
    {
        var to = $"{Guid.NewGuid():N}@agreements.test";
        (await app.EnqueueAsync(app.AlphaId, to, new AgreementReminderEmail(new AgreementInfo("Data sharing", AgreementStage.AwaitingSignature, 3m), ["Ana"]), null)).ShouldBeTrue();
        var mail = (await MailSink.WaitForAsync(to, 1)).Single();
        mail.Subject.ShouldBe("Agreement Data sharing is AwaitingSignature");
        mail.Text().ShouldContain("Data sharing is waiting for your signature.");

        using var admin = await app.ClientAsync("alpha", "admin");
        var created = await admin.PostAsJsonAsync("/api/notifications/templates/overrides", new
        {
            name = AgreementEmailTemplates.Reminder,
            culture = "en",
            subject = "Alpha: {{ agreement.title }} ({{ agreement.stage }})",
            text = "Stage {{ agreement.stage }}",
            html = "<p>Stage {{ agreement.stage }}</p>",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/notifications/templates/overrides/{id}");

        var again = $"{Guid.NewGuid():N}@agreements.test";
        await app.EnqueueAsync(app.AlphaId, again, new AgreementReminderEmail(new AgreementInfo("Data sharing", AgreementStage.Signed, 3m), []), null);
        (await MailSink.WaitForAsync(again, 1)).Single().Subject.ShouldBe("Alpha: Data sharing (Signed)");
        (await admin.DeleteAsync($"/api/notifications/templates/overrides/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_template_list_is_paged_and_sorted_only_by_its_documented_fields()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var first = await (await admin.GetAsync("/api/notifications/templates?maxResultCount=2&sorting=name%20desc")).ReadJsonAsync();
        first.GetProperty("items").GetArrayLength().ShouldBe(2);
        first.GetProperty("totalCount").GetInt64().ShouldBeGreaterThan(2);
        var names = first.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        names[0].ShouldBe(names[1]);
        names[0].ShouldBe("voting-opened"); // the last name, in English then Spanish
        await (await admin.GetAsync("/api/notifications/templates?sorting=html")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");
        await (await admin.GetAsync("/api/notifications/outbox?sorting=textBody")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");
        (await admin.GetAsync("/api/notifications/outbox?sorting=toEmail%20asc")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
