using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EngagementPlatform.Framework.Timing;
using Microsoft.Extensions.Options;
using Stripe;

namespace EngagementPlatform.Framework.Payments;

/// <summary>What <see cref="StripeWebhookVerifier.Verify"/> found. Only <see cref="Valid"/> carries an event to act on.</summary>
public enum StripeWebhookStatus
{
    /// <summary>Signed with the configured secret, within the tolerance, an event of Stripe.net's API release train.</summary>
    Valid,

    /// <summary>No <c>Stripe:WebhookSecret</c> is configured: nothing can be verified, so nothing is accepted.</summary>
    NotConfigured,

    /// <summary>No <c>Stripe-Signature</c> header, a malformed one, or no <c>v1</c> signature that matches the body and secret.</summary>
    BadSignature,

    /// <summary>
    /// The signature matches but its timestamp is further from now than <c>Stripe:WebhookTolerance</c> (a replay of an
    /// old delivery, or a clock far off; a timestamp too far in the future counts here too).
    /// </summary>
    TooOld,

    /// <summary>Authentic (the signature matches, in time) but not a Stripe event Stripe.net can read.</summary>
    Unparseable,

    /// <summary>
    /// Authentic and readable, but rendered for an API release train other than the one Stripe.net pins
    /// (<see cref="StripeConfiguration.ApiVersion"/>). Refused, never deserialized into objects to act on; see ADR 0015.
    /// </summary>
    ApiVersionMismatch,
}

/// <summary>
/// The outcome of verifying one webhook delivery. <see cref="Event"/> is set only when <see cref="Status"/> is
/// <see cref="StripeWebhookStatus.Valid"/>; <see cref="EventId"/>, <see cref="EventType"/> and <see cref="ApiVersion"/>
/// are also read (for logging) from an authentic event whose API version does not match.
/// </summary>
public sealed record StripeWebhookResult(
    StripeWebhookStatus Status,
    Event? Event = null,
    string? EventId = null,
    string? EventType = null,
    string? ApiVersion = null)
{
    public bool IsValid => Status == StripeWebhookStatus.Valid;
}

/// <summary>
/// Verifies a webhook delivery with Stripe.net's <see cref="EventUtility.ConstructEvent(string, string, string, long, long, bool)"/>
/// using <c>Stripe:WebhookSecret</c>, <c>Stripe:WebhookTolerance</c> and the platform clock, and answers with a typed
/// <see cref="StripeWebhookResult"/> instead of an exception. The body must be the raw request body, byte for byte as
/// received (the signature covers it exactly), read as UTF-8.
/// </summary>
/// <remarks>
/// API versions (ADR 0015): an event of the same release train as Stripe.net's pinned version (the part after the dot,
/// e.g. <c>.endive</c>) is accepted, as Stripe.net itself accepts it; any other, or an event without a release train, is
/// <see cref="StripeWebhookStatus.ApiVersionMismatch"/>: the caller answers it with a non-2xx status so Stripe keeps
/// retrying while the operator pins the webhook endpoint to Stripe.net's version, and nothing acts on it.
/// </remarks>
public sealed class StripeWebhookVerifier(IOptions<StripeOptions> options, IClock clock)
{
    public StripeWebhookResult Verify(string payload, string? signatureHeader)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.WebhookSecret))
        {
            return new(StripeWebhookStatus.NotConfigured);
        }

        ArgumentNullException.ThrowIfNull(payload);
        if (!TryReadSignatureHeader(signatureHeader, out var timestamp, out var signatures))
        {
            return new(StripeWebhookStatus.BadSignature);
        }

        var now = clock.Now.ToUnixTimeSeconds();
        Event? stripeEvent;
        try
        {
            // The API version is checked below, explicitly, so a mismatch is a result and not an exception.
            stripeEvent = EventUtility.ConstructEvent(payload, signatureHeader!, o.WebhookSecret, o.WebhookTolerance, now, throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            // Stripe.net says only "invalid"; tell a wrong signature from a stale one ourselves.
            if (!SignatureMatches(o.WebhookSecret, timestamp, payload, signatures))
            {
                return new(StripeWebhookStatus.BadSignature);
            }

            return Math.Abs(now - timestamp) > o.WebhookTolerance
                ? new(StripeWebhookStatus.TooOld)
                : new(StripeWebhookStatus.Unparseable);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            // The signature was verified before parsing began: authentic, but not an event Stripe.net can read.
            return new(StripeWebhookStatus.Unparseable);
        }

        if (stripeEvent is null || string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type) || stripeEvent.Object != "event")
        {
            return new(StripeWebhookStatus.Unparseable);
        }

        var apiVersion = stripeEvent.ApiVersion;
        if (string.IsNullOrEmpty(apiVersion) || !EventUtility.IsCompatibleApiVersion(apiVersion))
        {
            return new(StripeWebhookStatus.ApiVersionMismatch, null, stripeEvent.Id, stripeEvent.Type, apiVersion);
        }

        return new(StripeWebhookStatus.Valid, stripeEvent, stripeEvent.Id, stripeEvent.Type, apiVersion);
    }

    /// <summary>Reads <c>t=...</c> (Unix seconds) and every <c>v1=...</c> from a <c>Stripe-Signature</c> header.</summary>
    internal static bool TryReadSignatureHeader(string? header, out long timestamp, out List<string> v1Signatures)
    {
        timestamp = 0;
        v1Signatures = [];
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var haveTimestamp = false;
        foreach (var item in header.Split(','))
        {
            var parts = item.Trim().Split('=', 2);
            if (parts.Length != 2)
            {
                return false;
            }

            switch (parts[0])
            {
                case "t":
                    if (haveTimestamp || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out timestamp)
                        || timestamp > int.MaxValue)
                    {
                        return false;
                    }

                    haveTimestamp = true;
                    break;
                case "v1":
                    v1Signatures.Add(parts[1]);
                    break;
            }
        }

        return haveTimestamp && v1Signatures.Count > 0;
    }

    private static bool SignatureMatches(string secret, long timestamp, string payload, List<string> signatures)
    {
        string expected;
        try
        {
            expected = EventUtility.ComputeSignature(secret, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), payload);
        }
        catch (EncoderFallbackException)
        {
            return false;
        }

        var expectedBytes = Encoding.ASCII.GetBytes(expected);
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expectedBytes));
    }
}
