using System.Text;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Http;
using EngagementPlatform.Framework.Payments;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.UnitOfWork;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;

namespace EngagementPlatform.SaaS.Webhooks;

/// <summary>What the receiver did with a verified delivery.</summary>
public sealed record StripeWebhookReceipt(string EventId, string Type, bool AlreadyProcessed, int Handlers);

/// <summary>
/// The platform's one Stripe webhook: verifies a delivery (<see cref="StripeWebhookVerifier"/>), stores its event id once
/// and hands the event to every <see cref="IStripeEventHandler"/> registered for its type, in one transaction. A
/// refused delivery (bad or stale signature, unreadable, another API version) is a 400 problem with a <c>Stripe:</c> code
/// and changes nothing; an event seen before is a 200 that changes nothing; a handler's failure rolls everything back
/// and answers 500, so Stripe delivers the event again.
/// </summary>
public sealed class StripeWebhookReceiver(
    StripeWebhookVerifier verifier,
    IEnumerable<IStripeEventHandler> handlers,
    IStripeWebhookEventsDbContext db,
    IUnitOfWork unitOfWork,
    IClock clock,
    ILogger<StripeWebhookReceiver> logger)
{
    public const string Path = "/api/saas/stripe/webhook";

    /// <summary>Stripe's events are small; anything far larger is not one of them.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public async Task<StripeWebhookReceipt> ReceiveAsync(string payload, string? signature, CancellationToken cancellationToken)
    {
        var result = verifier.Verify(payload, signature);
        switch (result.Status)
        {
            case StripeWebhookStatus.Valid:
                break;
            case StripeWebhookStatus.NotConfigured:
                throw new RuleBrokenException(StripeErrorCodes.WebhookNotConfigured);
            case StripeWebhookStatus.BadSignature:
                throw new InvalidRequestException(StripeErrorCodes.WebhookBadSignature);
            case StripeWebhookStatus.TooOld:
                throw new InvalidRequestException(StripeErrorCodes.WebhookTooOld);
            case StripeWebhookStatus.ApiVersionMismatch:
                logger.LogWarning("Stripe event {EventId} ({EventType}) is in API version {ApiVersion}; the webhook endpoint must be pinned to {Expected}",
                    result.EventId, result.EventType, result.ApiVersion, StripeConfiguration.ApiVersion);
                throw new InvalidRequestException(StripeErrorCodes.WebhookApiVersionMismatch)
                    .WithData("apiVersion", result.ApiVersion ?? "none").WithData("expected", StripeConfiguration.ApiVersion);
            default:
                throw new InvalidRequestException(StripeErrorCodes.WebhookUnreadable);
        }

        var stripeEvent = result.Event!;
        var interested = handlers.Where(h => h.EventTypes.Contains(stripeEvent.Type, StringComparer.Ordinal)).ToList();
        await using var scope = await unitOfWork.BeginAsync(cancellationToken);
        // The insert takes the key at once: a second delivery of the same id running now waits for this one and then
        // finds the row (committed) or inserts it itself (rolled back), so the event is processed once either way.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO saas.stripe_webhook_events (id, type, created, received_at)
                VALUES ({stripeEvent.Id}, {stripeEvent.Type}, {new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc))}, {clock.Now})
                ON CONFLICT (id) DO NOTHING
                """, cancellationToken);
        if (inserted == 0)
        {
            await scope.CompleteAsync(cancellationToken);
            return new StripeWebhookReceipt(stripeEvent.Id, stripeEvent.Type, true, 0);
        }

        foreach (var handler in interested)
        {
            await handler.HandleAsync(stripeEvent, cancellationToken);
        }

        await scope.CompleteAsync(cancellationToken);
        return new StripeWebhookReceipt(stripeEvent.Id, stripeEvent.Type, false, interested.Count);
    }
}

internal static class StripeWebhookEndpoint
{
    public static void MapStripeWebhook(this IEndpointRouteBuilder endpoints)
        => endpoints.MapPost(StripeWebhookReceiver.Path, async (HttpRequest request, StripeWebhookReceiver receiver, CancellationToken ct) =>
            {
                if (request.ContentLength > StripeWebhookReceiver.MaxBodyBytes)
                {
                    throw new InvalidRequestException(StripeErrorCodes.WebhookUnreadable);
                }

                // The signature covers the body byte for byte: read it raw, as UTF-8, and never through a model binder.
                using var reader = new StreamReader(request.Body, new UTF8Encoding(false, false), false);
                var payload = await reader.ReadToEndAsync(ct);
                var receipt = await receiver.ReceiveAsync(payload, request.Headers["Stripe-Signature"].FirstOrDefault(), ct);
                return TypedResults.Ok(receipt);
            })
            .AllowAnonymous()
            .RequireRateLimiting(AnonymousRateLimit.Policy)
            .DisableAntiforgery()
            .Accepts<string>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithTags("SaaS")
            .WithName("ReceiveStripeWebhook")
            .WithSummary("Stripe's webhook deliveries (host-level, no sign-in: authenticated by the Stripe-Signature header).")
            .WithDescription("Verifies the Stripe-Signature over the raw body (400 Stripe:WebhookBadSignature, Stripe:WebhookTooOld, "
                             + "Stripe:WebhookUnreadable or Stripe:WebhookApiVersionMismatch otherwise; nothing changes), stores the event id once "
                             + "(a repeated delivery is a 200 that changes nothing) and hands the event to the modules that handle its type.");
}
