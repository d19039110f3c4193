using EngagementPlatform.Notifications.Tests.Support;
using System.Diagnostics;
using EngagementPlatform.Notifications.Templates;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>Issue 9, "Mail, templates": no state crosses renders or partnerships, and no template can occupy the host.</summary>
public sealed class TemplateSafetyTests
{
    private static readonly Guid Alpha = Guid.NewGuid();
    private static readonly Guid Beta = Guid.NewGuid();

    [Fact]
    public async Task An_assign_or_capture_in_one_render_never_reaches_the_next_render_or_another_partnership()
    {
        // The same text for two partnerships: only the first one's model carries a signature.
        const string source = "{% if signature %}{% assign sig = signature %}{% capture footer %}Regards, {{ signature }}{% endcapture %}{% endif %}[{{ sig }}][{{ footer }}]";
        var template = new TemplateText(source, source, source);
        var renderer = new TemplateRenderer();

        var alpha = await renderer.RenderAsync(template, new { signature = "Alpha Health" }, Alpha);
        alpha.Text.Trim().ShouldBe("[Alpha Health][Regards, Alpha Health]");

        var beta = await renderer.RenderAsync(template, new { signature = (string?)null }, Beta);
        beta.Text.Trim().ShouldBe("[][]");
        beta.Html.ShouldBe("[][]");

        // And the same partnership's next render of the same text starts fresh too.
        (await renderer.RenderAsync(template, new { signature = (string?)null }, Alpha)).Subject.ShouldBe("[][]");
    }

    [Fact]
    public async Task The_cache_of_parsed_templates_is_keyed_by_partnership_and_bounded()
    {
        var renderer = new TemplateRenderer(new TemplateLimits { CacheEntries = 8 });
        for (var i = 0; i < 50; i++)
        {
            var text = $"Hello {i} {{{{ recipientName }}}}";
            var rendered = await renderer.RenderAsync(new TemplateText(text, text, text), new { recipientName = "Ana" }, i % 2 == 0 ? Alpha : Beta);
            rendered.Subject.ShouldBe($"Hello {i} Ana");
        }

        // MemoryCache compacts in the background once the limit is reached; it never grows past it.
        renderer.CachedCount.ShouldBeLessThanOrEqualTo(8);
    }

    [Fact]
    public async Task A_nested_loop_stops_at_the_iteration_limit_at_once()
    {
        const string loop = "{% for a in (1..100000) %}{% for b in (1..100000) %}{% endfor %}{% endfor %}";
        var watch = Stopwatch.StartNew();
        await Should.ThrowAsync<TemplateLimitException>(() => new TemplateRenderer().RenderAsync(new TemplateText("s", loop, "h"), new { }));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_slow_render_stops_at_the_time_limit()
    {
        var renderer = new TemplateRenderer(new TemplateLimits { MaxIterations = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(300) });
        const string loop = "{% for a in (1..100000) %}{% for b in (1..100000) %}{% if a == b %}{% endif %}{% endfor %}{% endfor %}";
        var watch = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<TemplateLimitException>(() => renderer.RenderAsync(new TemplateText("s", loop, "h"), new { }));
        error.Message.ShouldContain("longer than");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Output_past_the_cap_is_refused()
    {
        var big = "{% for a in (1..5000) %}" + new string('x', 100) + "{% endfor %}";
        var error = await Should.ThrowAsync<TemplateLimitException>(() => new TemplateRenderer().RenderAsync(new TemplateText("s", big, "h"), new { }));
        error.Message.ShouldContain("characters");
    }

    [Fact]
    public async Task A_render_stops_when_its_caller_cancels()
    {
        var renderer = new TemplateRenderer(new TemplateLimits { MaxIterations = int.MaxValue, Timeout = TimeSpan.FromMinutes(5), MaxOutputChars = int.MaxValue });
        const string endless = "{% for a in (1..100000) %}{% for b in (1..100000) %}x{% endfor %}{% endfor %}";
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();
        // Cancelled mid-render it is a limit; cancelled before it began (a slow machine), plain cancellation.
        var error = await Should.ThrowAsync<Exception>(() => renderer.RenderAsync(new TemplateText("s", endless, "h"), new { }, null, cancel.Token));
        (error is TemplateLimitException or OperationCanceledException).ShouldBeTrue(error.GetType().Name);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Our_own_templates_render_well_inside_the_limits()
    {
        var inputs = Enumerable.Range(1, 200).Select(i => new { text = $"Idea {i}", use = "Adopted", explanation = "Yes." }).ToArray();
        foreach (var (key, template) in ShippedTemplates.All)
        {
            var rendered = await new TemplateRenderer().RenderAsync(template, new { decision = new { title = "T", outcome = "O", rationale = "R", url = "https://x.org/d", closesAt = "soon" }, inputs, voted = true, recipientName = "Ana" });
            rendered.Text.ShouldNotBeEmpty(key.ToString());
        }
    }
}
