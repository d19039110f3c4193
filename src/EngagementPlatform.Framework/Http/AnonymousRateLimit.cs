using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Framework.Http;

/// <summary>
/// The rate limit for endpoints that answer without sign-in and have no stricter policy of their own (the app
/// configuration a signed-out browser reads, one-click unsubscribe): a fixed one-minute window per client address,
/// <c>App:RateLimits:AnonymousPerMinute</c> requests (600 by default). Refusals are the host's 429 problem details.
/// </summary>
public static class AnonymousRateLimit
{
    public const string Policy = "anonymous";

    internal static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var limit = Math.Max(1, configuration.GetValue("App:RateLimits:AnonymousPerMinute", 600));
        services.AddRateLimiter(o => o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }
}
