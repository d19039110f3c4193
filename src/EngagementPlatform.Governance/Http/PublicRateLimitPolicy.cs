using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Governance.Application.PublicInput;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Governance.Http;

/// <summary>
/// The rate limit of every endpoint that answers without sign-in ("public"): a fixed one-minute window per client
/// address, one budget for reads and a smaller one for writes. IPv6 clients are grouped by their /64, the block one
/// subscriber usually gets, so rotating addresses inside it does not buy more requests. Refusals are 429 problem
/// details with a code and Retry-After.
/// </summary>
public sealed class PublicRateLimitPolicy(IOptions<PublicInputOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "public";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, _) =>
    {
        var http = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var problem = http.RequestServices.GetRequiredService<ProblemDetailsExceptionHandler>()
            .Problem(StatusCodes.Status429TooManyRequests, GovernanceErrorCodes.TooManyRequests);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
        });
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var write = !(HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method));
        var limit = write ? options.Value.WritesPerMinute : options.Value.ReadsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(
            $"{Client(httpContext.Connection.RemoteIpAddress)}|{(write ? "write" : "read")}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, limit), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    internal static string Client(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
