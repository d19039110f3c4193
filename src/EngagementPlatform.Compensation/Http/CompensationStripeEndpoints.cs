using EngagementPlatform.Compensation.Application.Items;
using EngagementPlatform.Compensation.Application.Payouts;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Framework.Features;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.SaaS;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace EngagementPlatform.Compensation.Http;

/// <summary>
/// Stripe payouts (issue 12): a payee's connected account and onboarding link, and an item's payout attempts. Besides
/// the feature <c>Compensation</c>, the connected-account endpoints need <c>StripePayouts</c> (403
/// <c>Saas:FeatureNotEnabled</c>) and a configured Stripe key (422 <c>Stripe:NotConfigured</c>).
/// </summary>
internal static class CompensationStripeEndpoints
{
    public static void MapCompensationStripe(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/payees/{payeeId:guid}/stripe-account").RequireFeature(SaasFeatures.StripePayouts);
        accounts.MapPost("/", async (Guid payeeId, HttpContext http, IConfiguration configuration, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new StartStripeOnboardingCommand(payeeId, AppBaseUrl(http, configuration)), ct)))
            .RequirePermission(CompensationPermissions.ItemsApprove).WithName("StartPayeeStripeOnboarding")
            .WithDescription("Creates the payee's Stripe Express connected account the first time (once, whatever the retries) and answers "
                             + "{ accountId, onboardingUrl, status } with a fresh single-use onboarding link (Stripe's page; it returns to "
                             + "/compensation/payees/{payeeId} on the public address). Status then follows Stripe's account.updated events.");
        accounts.MapGet("/", async (Guid payeeId, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetStripeAccountQuery(payeeId), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetPayeeStripeAccount")
            .WithDescription("The payee's connected account and its status (Onboarding, Restricted, Enabled); 404 Compensation:NoStripeAccount when it has none.");
        api.MapGet("/payable-items/{id:guid}/stripe-payouts", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetStripePayoutsQuery(id), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetPayableItemStripePayouts")
            .WithDescription("The item's Stripe payout attempts, oldest first: idempotency key, status (Pending, Paid, Failed with Stripe's code, "
                             + "Reversed with the amount and reason), transfer id. The money trail of a Stripe payment.");
    }

    /// <summary>Pays by Stripe transfer (ADR 0017) or records a payment made another way.</summary>
    public static async Task<PayableItemBatchDto> PayAsync(IMediator m, IReadOnlyList<Guid> itemIds, PaymentMethod method, string? reference, DateOnly? paidOn, CancellationToken ct)
        => method == PaymentMethod.StripeTransfer
            ? await m.Send(new PayByStripeTransferCommand(itemIds, reference, paidOn), ct)
            : await m.Send(new PayPayableItemsCommand(itemIds, method, reference, paidOn), ct);

    /// <summary>The configured public address (<c>App:SelfUrl</c>), else the address the request came to.</summary>
    private static string AppBaseUrl(HttpContext http, IConfiguration configuration)
        => configuration["App:SelfUrl"] is { Length: > 0 } self ? self : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
