using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace EngagementPlatform.Web.Tests;

/// <summary>What every browser test does: sign in through the real sign-in page, check accessibility, save screenshots.</summary>
public static class WebTestHelpers
{
    /// <summary>Signs in from the start page through the server's sign-in page (code + PKCE) and waits for the app.</summary>
    public static async Task SignInAsync(this IPage page, string? tenant, string userName, string password = ApiFixture.Password)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Iniciar sesión" })).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.Locator("#tenant").FillAsync(tenant ?? string.Empty);
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal) && !url.Contains("/auth/callback", StringComparison.Ordinal));
        await page.Locator("a.account").WaitForAsync();
    }

    /// <summary>
    /// Finishes a sign-in that following a link started: the link's page sent the signed-out reader to the sign-in page,
    /// which must already name the partnership the link carried (<paramref name="tenant"/>), so the reader never types it.
    /// </summary>
    public static async Task SignInFromLinkAsync(this IPage page, string tenant, string userName, string password = ApiFixture.Password)
    {
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        (await page.Locator("#tenant").InputValueAsync()).ShouldBe(tenant);
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal) && !url.Contains("/auth/callback", StringComparison.Ordinal));
        await page.Locator("a.account").WaitForAsync();
    }

    /// <summary>The absolute link in an email body whose path matches <paramref name="pathPattern"/> (a regex), HTML-decoded.</summary>
    public static string EmailLink(string? body, string pathPattern)
    {
        var match = System.Text.RegularExpressions.Regex.Match(body ?? string.Empty, $@"https?://[^\s""<>]+?{pathPattern}");
        match.Success.ShouldBeTrue($"no link matching {pathPattern} in:\n{body}");
        return System.Net.WebUtility.HtmlDecode(match.Value);
    }

    /// <summary>
    /// Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails on any serious or critical
    /// violation, naming each rule and element; saves a screenshot named <paramref name="name"/> beside the reports.
    /// </summary>
    public static async Task CheckPageAsync(this IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ScreenshotAsync(page, name);
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()).Take(5))}")
            .ToList();
        serious.ShouldBeEmpty($"axe found serious or critical violations on {name}");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(TestArtifacts.Directory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Translation keys the app asked for that the current language lacks (recorded by the app's I18n service).</summary>
    public static async Task<string[]> MissingTranslationsAsync(this IPage page)
        => await page.EvaluateAsync<string[]>("() => Array.from(globalThis.__epMissingKeys ?? [])");

    /// <summary>Switches the page language with the header's switch.</summary>
    public static async Task UseLanguageAsync(this IPage page, string language)
    {
        await page.Locator("header select").SelectOptionAsync(language);
        await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{language}'");
    }
}
