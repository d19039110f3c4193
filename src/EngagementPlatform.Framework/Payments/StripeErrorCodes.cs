namespace EngagementPlatform.Framework.Payments;

public static class StripeErrorCodes
{
    /// <summary>A Stripe operation was asked for while no <c>Stripe:SecretKey</c> is configured (422).</summary>
    public const string NotConfigured = "Stripe:NotConfigured";

    // The webhook receiver's refusals (400 unless said otherwise); nothing is stored or changed for any of them.

    /// <summary>No <c>Stripe:WebhookSecret</c> is configured, so no delivery can be verified (422).</summary>
    public const string WebhookNotConfigured = "Stripe:WebhookNotConfigured";

    /// <summary>The <c>Stripe-Signature</c> header is missing, malformed or does not match the body.</summary>
    public const string WebhookBadSignature = "Stripe:WebhookBadSignature";

    /// <summary>The signature matches but its timestamp is outside the tolerance (a replayed delivery).</summary>
    public const string WebhookTooOld = "Stripe:WebhookTooOld";

    /// <summary>Authentic, but not an event Stripe.net can read.</summary>
    public const string WebhookUnreadable = "Stripe:WebhookUnreadable";

    /// <summary>Authentic, but rendered for another API release train than Stripe.net's (ADR 0015).</summary>
    public const string WebhookApiVersionMismatch = "Stripe:WebhookApiVersionMismatch";
}
