using EngagementPlatform.Framework.Http;
using EngagementPlatform.Compensation.Application.Items;
using EngagementPlatform.Compensation.Application.Payees;
using EngagementPlatform.Compensation.Application.Rates;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Features;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.SaaS;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.Compensation.Http;

/// <summary>
/// Compensation's HTTP API. Every operation needs the plan feature <c>Compensation</c> (403 <c>Saas:FeatureNotEnabled</c>
/// without it) and a permission; creates answer 201 with <c>Location</c> and <c>{ id }</c>, lists
/// <c>{ totalCount, items }</c> with <c>skipCount</c>, <c>maxResultCount</c> and <c>sorting</c> (the fields in each
/// list's description; any other is a 400 <c>Framework:UnknownSortField</c>), refusals problem details with a code.
/// </summary>
internal static class CompensationEndpoints
{
    private static string SortedBy(IEnumerable<string> fields) => $"Sorting (sorting=field [asc|desc]) by: {string.Join(", ", fields)}.";

    public static void MapCompensationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/compensation").WithTags("Compensation")
            .RequireFeature(SaasFeatures.Compensation)
            .ProducesRefusals();
        MapRates(api.MapGroup("/rates"));
        MapPayees(api.MapGroup("/payees"));
        MapItems(api.MapGroup("/payable-items"));
        api.MapCompensationStripe();
    }

    private static void MapRates(RouteGroupBuilder rates)
    {
        rates.MapPost("/", async (RateRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(CreateRateCommand.From(r), ct);
                return TypedResults.Created($"/api/compensation/rates?councilId={r.CouncilId}", created);
            })
            .RequirePermission(CompensationPermissions.RatesManage).WithName("CreateRate")
            .WithDescription("A rate per Hour, Meeting or Deliverable for the partnership (councilId null) or one council, effective from "
                             + "effectiveFrom (today when left out). Only one Hour and one Meeting rate may apply to a scope on a day: "
                             + "409 Compensation:RateOverlaps; change a rate with a new version instead. Location is the rates list of the scope.");
        rates.MapPost("/{id:guid}/versions", async (Guid id, RateVersionRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new AddRateVersionCommand(id, r.Amount, r.Currency, r.EffectiveFrom), ct);
                return TypedResults.Created("/api/compensation/rates", created);
            })
            .RequirePermission(CompensationPermissions.RatesManage).WithName("AddRateVersion")
            .WithDescription("Changes a rate without rewriting history: the current version ends the day before effectiveFrom and the new "
                             + "version (a new id) applies from then on; items keep the unit amount they were made with.");
        rates.MapGet("/", async ([AsParameters] PageRequest page, Guid? councilId, RateUnit? unit, DateOnly? effectiveOn, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetRatesQuery(page, councilId, unit, effectiveOn), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetRates")
            .WithDescription("Filters: councilId, unit, effectiveOn (the versions in effect that day). " + SortedBy(GetRatesHandler.Sorting.Keys) + " Default: name.");
    }

    private static void MapPayees(RouteGroupBuilder payees)
    {
        payees.MapPost("/", async (OrganizationPayeeRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new CreateOrganizationPayeeCommand(r.Name, r.ContactEmail), ct);
                return TypedResults.Created("/api/compensation/payees", created);
            })
            .RequirePermission(CompensationPermissions.ItemsCreate).WithName("CreateOrganizationPayee")
            .WithDescription("Adds a partner organization as a payee (people become payees with their first item). Location is the payees list.");
        payees.MapGet("/", async ([AsParameters] PageRequest page, PayeeKind? kind, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetPayeesQuery(page, kind), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetPayees")
            .WithDescription("Filter: kind (Person or Organization). " + SortedBy(GetPayeesHandler.Sorting.Keys) + " Default: name.");
    }

    private static void MapItems(RouteGroupBuilder items)
    {
        items.MapPost("/", async (PayableItemRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new CreatePayableItemCommand(r), ct);
                return TypedResults.Created($"/api/compensation/payable-items/{created.Id}", created);
            })
            .RequirePermission(CompensationPermissions.ItemsCreate).WithName("CreatePayableItem")
            .WithDescription("An item entered by staff, submitted by the caller: payeeUserId (a person) or payeeId (a partner organization); "
                             + "rateId (in effect today) and quantity, or amount and currency (400 Compensation:PriceOrAmount otherwise). "
                             + "Attendance at a meeting creates items by itself.");
        items.MapGet("/", async ([AsParameters] PageRequest page, PayableItemStatus? status, Guid? payeeId, Guid? payeeUserId, Guid? councilId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetPayableItemsQuery(page, status, payeeId, payeeUserId, councilId), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetPayableItems")
            .WithDescription("Filters: status, payeeId, payeeUserId, councilId. " + SortedBy(GetPayableItemsHandler.Sorting.Keys) + " Default: creationTime desc.");
        items.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetPayableItemQuery(id), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetPayableItem");

        items.MapPost("/{id:guid}/approve", async (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok((await m.Send(new ApprovePayableItemsCommand([id]), ct)).Items[0]))
            .RequirePermission(CompensationPermissions.ItemsApprove).WithName("ApprovePayableItem")
            .WithDescription("Submitted → Approved. The submitter can never approve their own item: 403 Compensation:SelfApproval, "
                             + "whatever their role; another state is a 409 Compensation:IllegalTransition.");
        items.MapPost("/{id:guid}/pay", async (Guid id, PaymentRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok((await CompensationStripeEndpoints.PayAsync(m, [id], r.Method, r.Reference, r.PaidOn, ct)).Items[0]))
            .RequirePermission(CompensationPermissions.ItemsApprove).WithName("PayPayableItem")
            .WithDescription("Approved → Paid with method (Check, BankTransfer, GiftCard, StripeTransfer, Cash), reference and paidOn "
                             + "(today when left out); the payee gets an email. Paying again: 409 Compensation:AlreadyPaid. StripeTransfer sends a Stripe "
                             + "transfer to the payee's connected account (feature StripePayouts); see PayPayableItems.");
        items.MapPost("/{id:guid}/void", async (Guid id, VoidRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new VoidPayableItemCommand(id, r.Reason), ct)))
            .RequirePermission(CompensationPermissions.ItemsCreate).WithName("VoidPayableItem")
            .WithDescription("Voids an unpaid item with a reason; a paid item is corrected by an adjusting item instead (409 Compensation:PaidCannotBeVoided).");

        items.MapPost("/approve", async (ItemIdsRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ApprovePayableItemsCommand(r.ItemIds ?? []), ct)))
            .RequirePermission(CompensationPermissions.ItemsApprove).WithName("ApprovePayableItems")
            .WithDescription($"Approves up to {BatchLimits.MaxItems} items at once, all or nothing: one refusal refuses the batch and names the item (itemId).");
        items.MapPost("/pay", async (BatchPaymentRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await CompensationStripeEndpoints.PayAsync(m, r.ItemIds ?? [], r.Method, r.Reference, r.PaidOn, ct)))
            .RequirePermission(CompensationPermissions.ItemsApprove).WithName("PayPayableItems")
            .WithDescription($"Marks up to {BatchLimits.MaxItems} approved items paid with one method, reference and date, all or nothing: "
                             + "one refusal refuses the batch and names the item (itemId). StripeTransfer (feature StripePayouts, no reference: "
                             + "the transfer id becomes it): every item is checked first (422 Compensation:PayeeNotOnboarded), then one transfer per "
                             + "item with a key derived from the item; a Stripe refusal is a 422 Compensation:PayoutFailed naming the item and "
                             + "its stripeCode (transfers made before it stay paid, paidItemIds); an unknown outcome a 409 Compensation:PayoutPending "
                             + "(pay again: the same key cannot pay twice).");
    }
}
