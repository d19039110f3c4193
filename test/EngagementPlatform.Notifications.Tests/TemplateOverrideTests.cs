using EngagementPlatform.Notifications.Tests.Support;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>A partnership's own wording of an email, checked before it is saved, previewed, and used for its mail only.</summary>
public sealed class TemplateOverrideTests(MailFixture app) : IClassFixture<MailFixture>
{
    private readonly Scenario _alpha = new(app);
    private readonly Scenario _beta = new(app, "beta");

    [Fact]
    public async Task An_override_changes_the_next_email_of_its_partnership_only()
    {
        var p = Scenario.Unique("tpl");
        using var alphaAdmin = await _alpha.AdminAsync();
        var created = await alphaAdmin.PostAsJsonAsync("/api/notifications/templates/overrides", new
        {
            name = "decision-decided",
            culture = "en",
            subject = "Alpha council news: {{ decision.title }}",
            text = "Hi {{ recipientName }}, we decided: {{ decision.outcome }}\n{{ unsubscribeUrl }}",
            html = "<p>Hi {{ recipientName }}, we decided: {{ decision.outcome }}</p>",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var overrideId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/notifications/templates/overrides/{overrideId}");
        await (await alphaAdmin.PostAsJsonAsync("/api/notifications/templates/overrides", new { name = "decision-decided", culture = "en", subject = "x", text = "x", html = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Notifications:DuplicateOverride");
        var templates = await (await alphaAdmin.GetAsync("/api/notifications/templates?maxResultCount=1000")).ReadJsonAsync();
        templates.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "decision-decided" && t.GetProperty("culture").GetString() == "en")
            .GetProperty("isOverride").GetBoolean().ShouldBeTrue();

        var title = $"Library hours {p}";
        var alphaMember = $"{p}-a";
        var betaMember = $"{p}-b";
        var alphaCouncil = await _alpha.CouncilAsync($"{p} council", await _alpha.UserAsync(alphaMember));
        var betaCouncil = await _beta.CouncilAsync($"{p} council", await _beta.UserAsync(betaMember));
        var (alphaDecision, _) = await _alpha.DecisionAsync(alphaCouncil, title);
        var (betaDecision, _) = await _beta.DecisionAsync(betaCouncil, title);
        await _alpha.OpenVotingAsync(alphaDecision);
        await _beta.OpenVotingAsync(betaDecision);
        await _alpha.DecideAsync(alphaDecision, [alphaMember], outcome: $"Open until 8 pm {p}.");
        await _beta.DecideAsync(betaDecision, [betaMember], outcome: $"Open until 8 pm {p}.");
        await app.DeliverAsync();

        var alphaMail = MailSink.To(_alpha.Email(alphaMember)).Single(m => m.Header("X-EngagementPlatform-Category") == "FeedbackLoop");
        alphaMail.Subject.ShouldBe($"Alpha council news: {title}");
        alphaMail.Text().ShouldContain($"Hi {alphaMember}, we decided: Open until 8 pm {p}.");
        alphaMail.Html().ShouldContain($"<p>Hi {alphaMember}, we decided: Open until 8 pm {p}.</p>");
        var betaMail = MailSink.To(_beta.Email(betaMember)).Single(m => m.Header("X-EngagementPlatform-Category") == "FeedbackLoop");
        betaMail.Subject.ShouldBe($"What came of your input: {title}");

        // Beta's administrator sees only the shipped template; deleting alpha's override restores it for alpha.
        using var betaAdmin = await _beta.AdminAsync();
        (await (await betaAdmin.GetAsync("/api/notifications/templates?maxResultCount=1000")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ShouldAllBe(t => !t.GetProperty("isOverride").GetBoolean());
        (await betaAdmin.GetAsync($"/api/notifications/templates/overrides/{overrideId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await alphaAdmin.DeleteAsync($"/api/notifications/templates/overrides/{overrideId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (again, _) = await _alpha.DecisionAsync(alphaCouncil, $"{title} again");
        await _alpha.OpenVotingAsync(again);
        await _alpha.DecideAsync(again, [alphaMember]);
        await app.DeliverAsync();
        MailSink.To(_alpha.Email(alphaMember)).Count(m => m.Subject == $"What came of your input: {title} again").ShouldBe(1);
    }

    [Fact]
    public async Task A_template_with_a_syntax_error_is_refused_with_the_error_of_each_part()
    {
        using var admin = await _alpha.AdminAsync();
        var problem = await (await admin.PostAsJsonAsync("/api/notifications/templates/overrides", new
        {
            name = "voting-opened",
            culture = "es",
            subject = "{% if decision.title %}sin cierre",
            text = "Hola {{ recipientName }}",
            html = "<p>{% for x in inputs %}{{ x }}</p>",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Notifications:InvalidTemplate");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("subject").GetArrayLength().ShouldBe(1);
        errors.GetProperty("html").GetArrayLength().ShouldBe(1);
        errors.TryGetProperty("text", out _).ShouldBeFalse();
        (await IsOverriddenAsync(admin, "voting-opened", "es")).ShouldBeFalse();

        // Preview checks the same way.
        await (await admin.PostAsJsonAsync("/api/notifications/templates/preview", new { name = "voting-opened", culture = "en", subject = "{% if x %}" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Notifications:InvalidTemplate");
        await (await admin.PostAsJsonAsync("/api/notifications/templates/preview", new { name = "no-such-template", culture = "en" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "Notifications:UnknownTemplate");
    }

    [Fact]
    public async Task Preview_renders_sample_content_in_the_chosen_language()
    {
        using var admin = await _beta.AdminAsync();
        var es = await (await admin.PostAsJsonAsync("/api/notifications/templates/preview", new { name = "decision-decided", culture = "es" })).ReadJsonAsync();
        es.GetProperty("subject").GetString()!.ShouldBe("Qué pasó con su aporte: Abrir la clínica los sábados");
        es.GetProperty("text").GetString()!.ShouldContain("Hola María:");
        es.GetProperty("text").GetString()!.ShouldContain("Se adoptó con cambios. Por ahora, solo por la mañana.");
        es.GetProperty("html").GetString()!.ShouldContain("<p>Hola Mar");

        var opened = await (await admin.PostAsJsonAsync("/api/notifications/templates/preview", new { name = "voting-opened", culture = "en" })).ReadJsonAsync();
        opened.GetProperty("subject").GetString()!.ShouldBe("Your vote is open: Open the clinic on Saturdays");
        opened.GetProperty("text").GetString()!.ShouldContain("Why you got this email: you hold a voting seat");
        opened.GetProperty("text").GetString()!.ShouldNotContain("Stop emails like this");

        // A draft that is not saved yet renders with the sample too.
        var draft = await (await admin.PostAsJsonAsync("/api/notifications/templates/preview", new { name = "decision-decided", culture = "en", subject = "Decided: {{ decision.title | upcase }}" })).ReadJsonAsync();
        draft.GetProperty("subject").GetString()!.ShouldBe("Decided: OPEN THE CLINIC ON SATURDAYS");
        draft.GetProperty("text").GetString()!.ShouldContain("Hello Maria,");
    }

    [Fact]
    public async Task A_member_or_staff_cannot_edit_templates()
    {
        using var member = await app.ClientAsync("alpha", "alpha-member");
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        foreach (var client in new[] { member, staff })
        {
            await (await client.GetAsync("/api/notifications/templates")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
            await (await client.PostAsJsonAsync("/api/notifications/templates/overrides", new { name = "voting-opened", culture = "en", subject = "Hacked", text = "x", html = "x" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
            await (await client.PostAsJsonAsync("/api/notifications/templates/preview", new { name = "voting-opened", culture = "en" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        }

        await (await member.GetAsync("/api/notifications/outbox")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Framework:Forbidden");
        using var admin = await _alpha.AdminAsync();
        (await IsOverriddenAsync(admin, "voting-opened", "en")).ShouldBeFalse();
    }

    private static async Task<bool> IsOverriddenAsync(HttpClient admin, string name, string culture)
        => (await (await admin.GetAsync("/api/notifications/templates?maxResultCount=1000")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == name && t.GetProperty("culture").GetString() == culture).GetProperty("isOverride").GetBoolean();
}
