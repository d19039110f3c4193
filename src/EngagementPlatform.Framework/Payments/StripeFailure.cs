using System.Net;
using Stripe;

namespace EngagementPlatform.Framework.Payments;

/// <summary>Stripe's error types (<c>error.type</c>), plus what a call can fail with before Stripe answers.</summary>
public enum StripeFailureKind
{
    /// <summary><c>card_error</c> (402): the payment method or the balance refused, e.g. <c>card_declined</c>, <c>insufficient_funds</c>.</summary>
    Card,

    /// <summary><c>invalid_request_error</c> (400, 404): wrong or missing parameters, an unknown object, a closed account.</summary>
    InvalidRequest,

    /// <summary><c>idempotency_error</c> (400): the same key came with different parameters.</summary>
    Idempotency,

    /// <summary>401 or 403: the key is wrong, revoked, or lacks the permission.</summary>
    Authentication,

    /// <summary>429: too many requests; try again later with the same key.</summary>
    RateLimit,

    /// <summary><c>api_error</c> or 5xx: Stripe's side; try again later with the same key.</summary>
    Api,

    /// <summary>No answer (a timeout, a refused connection): the outcome is unknown; try again with the same key.</summary>
    Connection,
}

/// <summary>
/// A failed Stripe call, read from the <see cref="StripeException"/> Stripe.net throws: the kind, Stripe's codes, and
/// whether trying again with the same idempotency key can change the outcome. Modules map it to their own codes
/// (e.g. a refused payout becomes the item's failure reason).
/// </summary>
public sealed record StripeFailure(
    StripeFailureKind Kind,
    HttpStatusCode? StatusCode,
    string? Code,
    string? DeclineCode,
    string? Param,
    string? Message,
    string? RequestId)
{
    /// <summary>Another try with the same key may succeed (rate limit, Stripe's own error, no answer).</summary>
    public bool IsRetryable => Kind is StripeFailureKind.RateLimit or StripeFailureKind.Api or StripeFailureKind.Connection;

    public static StripeFailure From(StripeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = exception.StripeError;
        var status = exception.HttpStatusCode == 0 ? (HttpStatusCode?)null : exception.HttpStatusCode;
        var kind = (error?.Type, status) switch
        {
            ("card_error", _) => StripeFailureKind.Card,
            ("idempotency_error", _) => StripeFailureKind.Idempotency,
            (_, HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) => StripeFailureKind.Authentication,
            (_, HttpStatusCode.TooManyRequests) => StripeFailureKind.RateLimit,
            ("invalid_request_error", _) => StripeFailureKind.InvalidRequest,
            ("api_error", _) => StripeFailureKind.Api,
            (_, null) => StripeFailureKind.Connection,
            (_, >= HttpStatusCode.InternalServerError) => StripeFailureKind.Api,
            _ => StripeFailureKind.InvalidRequest,
        };
        return new(kind, status, error?.Code, error?.DeclineCode, error?.Param, error?.Message ?? exception.Message, exception.StripeResponse?.RequestId);
    }
}
