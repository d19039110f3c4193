using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace EngagementPlatform.TestBase.Payments;

/// <summary>
/// Signs webhook payloads the way Stripe does, computed here independently of Stripe.net: the <c>Stripe-Signature</c>
/// header is <c>t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{payload}" keyed with the endpoint secret}</c>. Also builds
/// event payloads shaped like Stripe's snapshot events.
/// </summary>
public sealed class StripeWebhookSigner(string secret = StripeFake.DefaultWebhookSecret)
{
    public string Secret => secret;

    /// <summary>The <c>Stripe-Signature</c> header for <paramref name="payload"/> signed at <paramref name="signedAt"/>.</summary>
    public string Sign(string payload, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Signature(secret, timestamp, payload)}";
    }

    /// <summary>The hex HMAC-SHA256 Stripe puts in <c>v1</c>.</summary>
    public static string Signature(string secret, string timestamp, string payload)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}")));

    /// <summary>
    /// A snapshot event: <c>id</c>, <c>object: "event"</c>, <c>api_version</c> (Stripe.net's pinned
    /// <see cref="global::Stripe.StripeConfiguration.ApiVersion"/> unless given), <c>created</c>, <c>type</c>,
    /// <c>data.object</c>, <c>livemode</c>, <c>pending_webhooks</c>, <c>request</c>.
    /// </summary>
    public static string Event(string type, JsonObject dataObject, string? id = null, DateTimeOffset? created = null, string? apiVersion = null)
        => new JsonObject
        {
            ["id"] = id ?? StripeFake.NewId("evt_"),
            ["object"] = "event",
            ["api_version"] = apiVersion ?? global::Stripe.StripeConfiguration.ApiVersion,
            ["created"] = (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = dataObject },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        }.ToJsonString();
}
