using EngagementPlatform.Framework.Exceptions;
using Microsoft.Extensions.Options;
using Stripe;

namespace EngagementPlatform.Framework.Payments;

/// <summary>
/// Hands out a <see cref="StripeClient"/> configured from <see cref="StripeOptions"/>: the secret key, the API base
/// (Stripe's, or the tests' loopback fake) and an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>
/// (named <see cref="HttpClientName"/>, so its handler is pooled and rotated). Ask <see cref="IsConfigured"/> first:
/// with no key, billing and payouts are off and <see cref="GetClient"/> refuses with <c>Stripe:NotConfigured</c>
/// before anything leaves the process.
/// </summary>
public sealed class StripeClientProvider(IOptions<StripeOptions> options, IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "Stripe";

    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>
    /// A client for one unit of work. It is cheap (it holds the options and a factory-made HttpClient), so take a
    /// new one per operation rather than keeping it: the factory's handler rotation then applies.
    /// </summary>
    /// <exception cref="RuleBrokenException"><c>Stripe:NotConfigured</c> when no secret key is configured.</exception>
    public StripeClient GetClient()
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            throw new RuleBrokenException(StripeErrorCodes.NotConfigured);
        }

        var http = new SystemNetHttpClient(
            httpClientFactory.CreateClient(HttpClientName),
            maxNetworkRetries: o.MaxNetworkRetries,
            appInfo: null,
            enableTelemetry: false);
        return new StripeClient(new StripeClientOptions
        {
            ApiKey = o.SecretKey,
            ApiBase = o.ApiBase.TrimEnd('/'),
            HttpClient = http,
        });
    }
}
