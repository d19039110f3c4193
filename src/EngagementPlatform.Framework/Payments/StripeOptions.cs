using Microsoft.Extensions.Options;

namespace EngagementPlatform.Framework.Payments;

/// <summary>
/// The <c>Stripe</c> configuration section. With no <see cref="SecretKey"/> the platform runs with billing and Stripe
/// payouts off (<see cref="StripeClientProvider.IsConfigured"/> is false) and nothing ever calls Stripe.
/// Secrets come from configuration only (environment variables or a secret store in production), never from code.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>Stripe's own API address; Stripe.net's default.</summary>
    public const string DefaultApiBase = "https://api.stripe.com";

    /// <summary>Stripe's default tolerance for a webhook's signed timestamp, in seconds.</summary>
    public const int DefaultWebhookTolerance = 300;

    /// <summary>The platform account's secret (or restricted) key, <c>sk_...</c>/<c>rk_...</c>. Empty: Stripe is off.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret, <c>whsec_...</c>. Empty: every webhook is refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Where API calls go. The secret key travels to this address, so it must be https, or http on a loopback
    /// address only (the tests' local fake).
    /// </summary>
    public string ApiBase { get; set; } = DefaultApiBase;

    /// <summary>How far a webhook's signed timestamp may be from now, in seconds (replay window).</summary>
    public int WebhookTolerance { get; set; } = DefaultWebhookTolerance;

    /// <summary>Stripe.net's retries of a failed call (network errors, 409 lock timeouts, 5xx), each with the same idempotency key.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>Whether a secret key is set: the one switch for "billing and payouts on".</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}

/// <summary>Refuses a configuration that would send the secret key somewhere unsafe or verify webhooks without a window.</summary>
public sealed class StripeOptionsValidator : IValidateOptions<StripeOptions>
{
    public ValidateOptionsResult Validate(string? name, StripeOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.ApiBase, UriKind.Absolute, out var apiBase)
            || (apiBase.Scheme != Uri.UriSchemeHttps && !(apiBase.Scheme == Uri.UriSchemeHttp && apiBase.IsLoopback)))
        {
            failures.Add($"Stripe:ApiBase must be an absolute https address (http only on a loopback address), not '{options.ApiBase}'.");
        }
        else if (apiBase.AbsolutePath != "/" || apiBase.Query.Length > 0)
        {
            failures.Add($"Stripe:ApiBase must be a scheme, host and port only (Stripe.net adds /v1/...), not '{options.ApiBase}'.");
        }

        if (options.WebhookTolerance <= 0)
        {
            failures.Add("Stripe:WebhookTolerance must be a positive number of seconds.");
        }

        if (options.MaxNetworkRetries is < 0 or > 10)
        {
            failures.Add("Stripe:MaxNetworkRetries must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
