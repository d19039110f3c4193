namespace EngagementPlatform.Framework.Payments;

public static class StripeErrorCodes
{
    /// <summary>A Stripe operation was asked for while no <c>Stripe:SecretKey</c> is configured (422).</summary>
    public const string NotConfigured = "Stripe:NotConfigured";
}
