using EngagementPlatform.Notifications.Tests.Support;
using EngagementPlatform.Notifications.Templates;

namespace EngagementPlatform.Notifications.Tests;

public sealed class TemplateRendererTests
{
    private static readonly object Model = new
    {
        decision = new { title = "Open <b>Saturdays</b>", outcome = "Yes, from March", rationale = "Members work weekdays", url = "https://x.org/d/1" },
        inputs = new[]
        {
            new { text = "Saturdays & Sundays", use = "Adapted", explanation = "Saturdays only" },
            new { text = "Later hours", use = "NotAdopted", explanation = "No staff in the evening" },
        },
        voted = true,
        recipientName = "María",
        unsubscribeUrl = "https://x.org/u/abc",
        reason = (string?)null,
    };

    [Fact]
    public async Task The_decision_email_lists_each_input_with_its_use_in_English_and_Spanish()
    {
        var renderer = new TemplateRenderer();
        var en = await renderer.RenderAsync(ShippedTemplates.Get(NotificationsEmailTemplates.DecisionDecided, "en"), Model);
        en.Subject.ShouldBe("What came of your input: Open <b>Saturdays</b>");
        en.Text.ShouldContain("Hello María,");
        en.Text.ShouldContain("You shared 2 ideas.");
        en.Text.ShouldContain("- \"Saturdays & Sundays\"");
        en.Text.ShouldContain("Adopted with changes. Saturdays only");
        en.Text.ShouldContain("Not adopted this time. No staff in the evening");
        en.Text.ShouldContain("Thank you for voting.");
        en.Text.ShouldContain("Stop emails like this: https://x.org/u/abc");
        en.Text.ShouldNotContain("Why you got this email");

        var es = await renderer.RenderAsync(ShippedTemplates.Get(NotificationsEmailTemplates.DecisionDecided, "es"), Model);
        es.Subject.ShouldBe("Qué pasó con su aporte: Open <b>Saturdays</b>");
        es.Text.ShouldContain("Se adoptó con cambios. Saturdays only");
        es.Text.ShouldContain("Gracias por votar.");
    }

    [Fact]
    public async Task Values_are_escaped_in_the_html_part_but_not_in_the_text_part()
    {
        var rendered = await new TemplateRenderer().RenderAsync(ShippedTemplates.Get(NotificationsEmailTemplates.DecisionDecided, "en"), Model);
        rendered.Html.ShouldContain("Open &lt;b&gt;Saturdays&lt;/b&gt;");
        rendered.Html.ShouldNotContain("<b>Saturdays</b>");
        rendered.Html.ShouldContain("Saturdays &amp; Sundays");
        rendered.Text.ShouldContain("Saturdays & Sundays");
    }

    [Fact]
    public void A_broken_template_is_reported_not_thrown_later()
    {
        TemplateRenderer.Check("{% if x %}no end").ShouldNotBeNull();
        TemplateRenderer.Check("Hello {{ recipientName }}").ShouldBeNull();
    }
}
