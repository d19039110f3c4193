namespace EngagementPlatform.TestBase.Payments;

/// <summary>One request the fake received, as Stripe.net sent it.</summary>
/// <param name="Form">The form fields (POST body, or the query of a GET), decoded, with Stripe's bracket keys as sent: <c>metadata[item]</c>.</param>
/// <param name="Replayed">Answered from the idempotency store (Stripe's <c>Idempotent-Replayed: true</c>) instead of being executed.</param>
public sealed record StripeFakeRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Form,
    string? IdempotencyKey,
    string? StripeAccount,
    string? StripeVersion,
    string? Authorization,
    int StatusCode,
    bool Replayed)
{
    public string? Field(string name) => Form.TryGetValue(name, out var value) ? value : null;
}

/// <summary>An error the fake answers in Stripe's shape: <c>{"error":{"type":..., "code":..., "message":...}}</c>.</summary>
public sealed record StripeFakeFailure(int StatusCode, string Type, string? Code, string Message, string? DeclineCode = null, string? Param = null)
{
    /// <summary>402 <c>card_error</c>/<c>card_declined</c>, e.g. a subscription's first payment refused.</summary>
    public static StripeFakeFailure CardDeclined(string declineCode = "generic_decline")
        => new(402, "card_error", "card_declined", "The card was declined.", declineCode);

    /// <summary>400 <c>invalid_request_error</c>/<c>balance_insufficient</c>: the platform balance cannot cover a transfer.</summary>
    public static StripeFakeFailure InsufficientBalance()
        => new(400, "invalid_request_error", "balance_insufficient", "The available balance is too low for this transfer.", Param: "amount");

    /// <summary>400 <c>invalid_request_error</c> about one parameter.</summary>
    public static StripeFakeFailure InvalidParameter(string param, string message)
        => new(400, "invalid_request_error", "parameter_invalid", message, Param: param);

    /// <summary>429 <c>rate_limit</c>: too many requests.</summary>
    public static StripeFakeFailure RateLimited()
        => new(429, "invalid_request_error", "rate_limit", "Too many requests hit the API too quickly.");

    /// <summary>500 <c>api_error</c>: Stripe's side failed.</summary>
    public static StripeFakeFailure ApiError()
        => new(500, "api_error", null, "An error occurred with our connection to Stripe.");

    /// <summary>Whether Stripe stores this answer under the idempotency key: only when the endpoint began executing.</summary>
    internal bool Remembered => StatusCode == 402 || StatusCode >= 500;
}
