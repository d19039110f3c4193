using EngagementPlatform.Notifications.Tests.Support;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EngagementPlatform.Notifications.Templates;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>
/// A template never prints a hole ("La votación cierra el ."): every default template, in English and Spanish, text
/// and HTML, is rendered with each optional value missing (null, empty or blank) and must still read as whole sentences.
/// </summary>
public sealed partial class TemplateHoleTests
{
    /// <summary>Every value a template may be given without.</summary>
    public static readonly string[] Optional =
    [
        "recipientName", "decision.outcome", "decision.rationale", "decision.closesAt", "decision.url", "reason", "unsubscribeUrl",
        "preferencesUrl", "inputs", "inputs.0.text", "inputs.0.explanation", "voted",
    ];

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (name, culture) in ShippedTemplates.Keys)
        {
            foreach (var path in Optional)
            {
                foreach (var missing in new[] { "null", "empty", "blank" })
                {
                    data.Add(name, culture, path, missing);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Reads_as_whole_sentences_with_a_value_missing(string name, string culture, string path, string missing)
    {
        var model = Full();
        Remove(model, path, missing);
        var rendered = await new TemplateRenderer().RenderAsync(ShippedTemplates.Get(name, culture), model);

        ShouldHaveNoHole(rendered.Subject, "subject");
        ShouldHaveNoHole(rendered.Text, "text");
        ShouldHaveNoHole(Tags().Replace(rendered.Html, string.Empty), "html");
        EmptyHtmlLabel().IsMatch(rendered.Html).ShouldBeFalse($"{name}/{culture} without {path}: a label with nothing after it");
        foreach (var empty in new[] { "href=\"\"", "<strong></strong>", "<p></p>", "<li></li>", "<br></p>", "<p><br>" })
        {
            rendered.Html.ShouldNotContain(empty, customMessage: $"{name}/{culture} without {path}");
        }
    }

    [Theory]
    [InlineData("en", "No closing time is set yet.")]
    [InlineData("es", "Aún no tiene hora de cierre.")]
    public async Task Voting_opened_without_a_closing_time_says_so(string culture, string sentence)
    {
        var model = Full();
        Remove(model, "decision.closesAt", "null");
        var rendered = await new TemplateRenderer().RenderAsync(ShippedTemplates.Get(NotificationsEmailTemplates.VotingOpened, culture), model);
        rendered.Text.ShouldContain(sentence);
        rendered.Html.ShouldContain(sentence);
        rendered.Text.ShouldNotContain("cierra el .");
    }

    [Fact]
    public async Task The_full_model_prints_every_value()
    {
        var rendered = await new TemplateRenderer().RenderAsync(ShippedTemplates.Get(NotificationsEmailTemplates.VotingOpened, "es"), Full());
        rendered.Text.ShouldContain("La votación cierra el martes, 1 de diciembre, 18:00 CST.");
        rendered.Text.ShouldContain("Vote o cambie su voto: https://ep.test/decisions/1?__tenant=alpha");
        rendered.Text.ShouldContain("Elegir qué correos recibo: https://ep.test/notifications/preferences?__tenant=alpha");
    }

    private static void ShouldHaveNoHole(string text, string part)
    {
        foreach (var hole in new[] { SpaceBeforePunctuation(), LabelWithoutValue(), EmptyQuotes() })
        {
            var match = hole.Match(text);
            match.Success.ShouldBeFalse($"{part} has a hole near \"{(match.Success ? text.Substring(Math.Max(0, match.Index - 30), Math.Min(60, text.Length - Math.Max(0, match.Index - 30))) : string.Empty)}\"");
        }
    }

    private static JsonObject Full() => new()
    {
        ["recipientName"] = "Ana",
        ["decision"] = new JsonObject
        {
            ["title"] = "Open on Saturdays",
            ["outcome"] = "The clinic opens on Saturdays.",
            ["rationale"] = "Members work on weekdays.",
            ["closesAt"] = "martes, 1 de diciembre, 18:00 CST",
            ["url"] = "https://ep.test/decisions/1?__tenant=alpha",
        },
        ["inputs"] = new JsonArray(new JsonObject { ["text"] = "Saturdays too", ["use"] = "Adapted", ["explanation"] = "Mornings only." }),
        ["voted"] = true,
        ["reason"] = "you hold a voting seat.",
        ["unsubscribeUrl"] = "https://ep.test/api/notifications/unsubscribe/abc",
        ["preferencesUrl"] = "https://ep.test/notifications/preferences?__tenant=alpha",
        ["confirmUrl"] = "https://ep.test/public/confirm-email?token=abc&__tenant=alpha",
    };

    private static void Remove(JsonObject model, string path, string missing)
    {
        var parts = path.Split('.');
        JsonNode node = model;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        JsonNode? value = missing switch
        {
            "null" => null,
            "empty" => path == "inputs" ? new JsonArray() : path == "voted" ? false : "",
            _ => path == "inputs" ? new JsonArray() : path == "voted" ? false : "   ",
        };
        node[parts[^1]] = value;
    }

    [GeneratedRegex(@":\s*</strong>\s*(<br>|</p>)")]
    private static partial Regex EmptyHtmlLabel();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    // "cierra el ." / "Hello ," / "on ." — a value that should have stood before the mark is missing.
    [GeneratedRegex(@"\s[.,;:!?]")]
    private static partial Regex SpaceBeforePunctuation();

    // "What was decided: " at the end of a line: a label with nothing after it.
    [GeneratedRegex(@":[ \t]+(\r?\n|$)")]
    private static partial Regex LabelWithoutValue();

    [GeneratedRegex("\"\"|“”|\\(\\)")]
    private static partial Regex EmptyQuotes();
}
