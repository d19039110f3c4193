namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>
/// Endpoints that answer without sign-in and have no stricter policy (the app configuration, one-click unsubscribe)
/// are rate limited per client: past the limit, 429 problem details with a code and Retry-After, and nothing runs.
/// </summary>
public sealed class AnonymousRateLimitTests(AnonymousRateLimitTests.LowLimitFixture app) : IClassFixture<AnonymousRateLimitTests.LowLimitFixture>
{
    public sealed class LowLimitFixture : ApiFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["App:RateLimits:AnonymousPerMinute"] = "3" };
    }

    [Fact]
    public async Task Signed_out_reads_past_the_limit_answer_429_with_a_code_and_retry_after_and_unsubscribe_shares_the_budget()
    {
        using var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/api/app/configuration")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await client.GetAsync("/api/app/configuration");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "Host:TooManyRequests");
        refused.Headers.RetryAfter.ShouldNotBeNull();

        // The one-click unsubscribe link is limited by the same per-client budget, before any token is read.
        using var unsubscribe = await client.PostAsync("/api/notifications/unsubscribe/not-a-token", null);
        await unsubscribe.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "Host:TooManyRequests");
    }
}
