using System.Threading.RateLimiting;
using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace EngagementPlatform.Identity.Tokens;

/// <summary>
/// Limits on password attempts (token endpoint password grant, sign-in page, first-sign-in password change): a
/// named policy per client address (<see cref="PerClientPolicy"/>, on the endpoints) and a limit per account across
/// all clients (the global limiter, which only counts requests <see cref="SignInAccountKeyMiddleware"/> tagged).
/// Both are fixed windows, so neither outlasts its window once the attempts stop: see docs/security.md.
/// </summary>
public static class SignInRateLimits
{
    public const string PerClientPolicy = "signin";
    public const string Section = "Identity:RateLimits";
    internal const string AccountKeyItem = "EngagementPlatform.SignInAccount";

    public static void Configure(RateLimiterOptions options, IConfiguration configuration)
    {
        var perClient = Limit(configuration, "PerClient", permits: 20, windowSeconds: 60);
        var perAccount = Limit(configuration, "PerAccount", permits: 10, windowSeconds: 300);
        options.AddPolicy(PerClientPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => perClient));

        var accounts = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Items[AccountKeyItem] is string account
                ? RateLimitPartition.GetFixedWindowLimiter(account, _ => perAccount)
                : RateLimitPartition.GetNoLimiter(string.Empty));
        options.GlobalLimiter = options.GlobalLimiter is null ? accounts : PartitionedRateLimiter.CreateChained(options.GlobalLimiter, accounts);
    }

    private static FixedWindowRateLimiterOptions Limit(IConfiguration configuration, string name, int permits, int windowSeconds) => new()
    {
        PermitLimit = Math.Max(1, configuration.GetValue($"{Section}:{name}:PermitLimit", permits)),
        Window = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue($"{Section}:{name}:WindowSeconds", windowSeconds))),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>
/// Names the account a password attempt is for (tenant + user name, case-insensitive), so the per-account limit
/// can count it. Reads the form only on the three endpoints that take a password; the form stays cached for them.
/// </summary>
public sealed class SignInAccountKeyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType && IsPasswordPath(context.Request.Path))
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var isTokenEndpoint = context.Request.Path.StartsWithSegments("/connect/token");
            if (!isTokenEndpoint || string.Equals(form["grant_type"], "password", StringComparison.Ordinal))
            {
                var userName = isTokenEndpoint ? form["username"].ToString() : form["userName"].ToString();
                var tenant = isTokenEndpoint
                    ? context.Request.Headers[MultiTenancyConstants.TenantHeader].ToString() is { Length: > 0 } header ? header : context.Request.Headers[MultiTenancyConstants.AlternativeTenantHeader].ToString()
                    : form["tenant"].ToString();
                if (!string.IsNullOrWhiteSpace(userName))
                {
                    context.Items[SignInRateLimits.AccountKeyItem] = $"{tenant.Trim()}|{userName.Trim()}".ToLowerInvariant();
                }
            }
        }

        await next(context);
    }

    private static bool IsPasswordPath(PathString path)
        => path.StartsWithSegments("/connect/token") || path.StartsWithSegments(LoginPage.Path) || path.StartsWithSegments(ChangePasswordPage.Path);
}
