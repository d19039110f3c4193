using System.Globalization;
using System.Text.RegularExpressions;

namespace EngagementPlatform.Framework.Payments;

/// <summary>
/// Idempotency keys for Stripe calls that create something (a transfer, a checkout session). Stripe remembers the
/// first answer to a key and replays it for every later request with the same key, so a retry after a timeout or a
/// crash cannot pay twice or open two subscriptions. A key is derived, never random, so that whoever retries (a
/// job run again, another node) computes the same one:
/// <c>{purpose}:{entity id}:{attempt}</c>, e.g. <c>payout:3f2c...e1:1</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>purpose: what the call does, lower case (<c>payout</c>, <c>checkout</c>, <c>portal</c>), so one entity can own
/// several different calls without their keys colliding.</item>
/// <item>entity id: the id of the row the call is for (a payable item, a tenant). Guids are unique across tenants, so
/// keys from different tenants never collide on the one platform account.</item>
/// <item>attempt: starts at 1 and is raised only by a deliberate new attempt after the previous one ended for good
/// (e.g. a transfer refused and the payee's details then corrected). A retry of the same attempt keeps the number.
/// Stripe answers 400 (<c>idempotency_error</c>) if the same key comes with different parameters.</item>
/// </list>
/// Stripe keeps keys for at least 24 hours; a retry later than that must first look for what the earlier attempt
/// created (the stored Stripe id, or the object's metadata) instead of relying on the key.
/// </remarks>
public static partial class StripeIdempotencyKey
{
    /// <summary>Stripe's limit on an idempotency key's length.</summary>
    public const int MaxLength = 255;

    public static string For(string purpose, Guid entityId, int attempt = 1)
        => For(purpose, entityId.ToString("N"), attempt);

    public static string For(string purpose, string entityId, int attempt = 1)
    {
        if (string.IsNullOrEmpty(purpose) || !Purpose().IsMatch(purpose))
        {
            throw new ArgumentException("The purpose is lower-case letters, digits, '-', '_' or '.', starting with a letter.", nameof(purpose));
        }

        if (string.IsNullOrEmpty(entityId) || !EntityId().IsMatch(entityId))
        {
            throw new ArgumentException("The entity id is letters, digits, '-' or '_'.", nameof(entityId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var key = string.Create(CultureInfo.InvariantCulture, $"{purpose}:{entityId}:{attempt}");
        return key.Length <= MaxLength
            ? key
            : throw new ArgumentException($"The key would be longer than Stripe's {MaxLength} characters.", nameof(entityId));
    }

    [GeneratedRegex("^[a-z][a-z0-9._-]*$")]
    private static partial Regex Purpose();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex EntityId();
}
