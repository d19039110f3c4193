using EngagementPlatform.Framework.Http;
using EngagementPlatform.Compensation.Application.Items;
using EngagementPlatform.Compensation.Application.Payees;
using EngagementPlatform.Compensation.Application.Rates;
using EngagementPlatform.Compensation.Application.Reports;
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
        MapStatements(api);
        MapAnnualTotals(api);
        MapAgeing(api);
        MapPrograms(api);
        MapCsvExports(api);
        MapPayeeDetails(api.MapGroup("/payees"));
        MapMyPayment(api.MapGroup("/me"));
        api.MapCompensationStripe();
    }

    private static async Task<int> YearOr(int? year, ReportCalendar calendar, CancellationToken ct) => year ?? (await calendar.TodayAsync(ct)).Year;

    private static void MapStatements(RouteGroupBuilder api)
    {
        api.MapGet("/payees/{userId:guid}/statement", async (Guid userId, int? year, ReportCalendar calendar, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetStatementQuery(userId, null, await YearOr(year, calendar, ct)), ct)))
            .RequireAuthorization().WithName("GetPersonStatement")
            .WithDescription("A person's statement for a year (the partnership's current year when left out): the items paid in the year (by paidOn, "
                             + "adjustments included as negative amounts) first, by payment date, then the items still pending (Submitted or Approved) "
                             + "created in the year (by creationTime in the partnership's time zone), by creation time; voided items are left out. "
                             + "totals: paid and pending per currency, never mixed, exact to the cent. Any signed-in person may read their own "
                             + "statement; reading someone else's needs Compensation.Items, and without it (or when the person has never had an item) "
                             + "the answer is 404 Compensation:StatementNotFound.");
        api.MapGet("/organizations/{payeeId:guid}/statement", async (Guid payeeId, int? year, ReportCalendar calendar, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetStatementQuery(null, payeeId, await YearOr(year, calendar, ct)), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetOrganizationStatement")
            .WithDescription("A partner organization's statement for a year, counted as a person's is (see GetPersonStatement); a payee that is "
                             + "not an organization of this partnership is 404 Compensation:StatementNotFound.");
    }

    private static void MapAnnualTotals(RouteGroupBuilder api)
    {
        api.MapGet("/annual-totals", async ([AsParameters] PageRequest page, int? year, bool? exceedsOnly, ReportCalendar calendar, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetAnnualTotalsQuery(page, await YearOr(year, calendar, ct), exceedsOnly ?? false), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetAnnualTotals")
            .WithDescription("Per payee and currency, what the partnership paid in the year, counted by payment date (paidOn in the year), Paid items "
                             + "only, net of paid adjustments; paymentCount leaves adjustments out. threshold is the information-return threshold in "
                             + "force for the year when it is in the row's currency (else null); exceedsReportingThreshold is total >= threshold. "
                             + "exceedsOnly=true keeps the flagged rows. " + SortedBy(GetAnnualTotalsHandler.Sorting.Keys) + " Default: total desc.");
        api.MapGet("/reporting-thresholds", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetThresholdsQuery(), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetReportingThresholds")
            .WithDescription("The information-return thresholds by year: each applies to payments from its year until the next row's year. "
                             + "Seeded with the US Form 1099-NEC values: 600.00 USD from 2000 (payments through 2025), 2000.00 USD from 2026.");
        api.MapPut("/reporting-thresholds/{year:int}", async (int year, ThresholdRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetThresholdCommand(year, r.Amount, r.Currency), ct)))
            .RequirePermission(CompensationPermissions.RatesManage).WithName("SetReportingThreshold")
            .WithDescription("Sets the threshold that applies from the year on (until a later row), adding the row or changing it; audited. "
                             + "The amount is greater than zero in whole minor units of a known currency.");
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

    /// <summary>A payee's payment preference (details sealed, shown masked), tax form and own choice, for staff.</summary>
    private static void MapPayeeDetails(RouteGroupBuilder payees)
    {
        payees.MapGet("/{payeeId:guid}", async (Guid payeeId, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetPayeeQuery(payeeId), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetPayee")
            .WithDescription("A payee: kind, name, the payment preference with sensitive details masked (account number ••••6789), "
                             + "the tax form (W-9 on file, date, last 4 digits of the tax id) and the payee's own choice (Accept, Decline or "
                             + "not chosen yet, with the notice version and when). Another partnership's payee: 404.");
        payees.MapPut("/{payeeId:guid}/payment-preference", async (Guid payeeId, PaymentPreferenceRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetPaymentPreferenceCommand(payeeId, r), ct)))
            .RequirePermission(CompensationPermissions.PayeesManage).WithName("SetPayeePaymentPreference")
            .WithDescription("Sets the method and its details: Check needs mailingAddress; BankTransfer accountHolder, routingNumber (9 digits) "
                             + "and accountNumber (4-17 digits); GiftCard optional giftCardVendor and deliveryEmail; Cash and StripeTransfer none. "
                             + "A missing or unused detail: 400 Compensation:InvalidPaymentDetails. Details are stored encrypted; the answer and "
                             + "the audit log show them masked.");
        payees.MapGet("/{payeeId:guid}/payment-details", async (Guid payeeId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetPaymentDetailsQuery(payeeId), ct)))
            .RequirePermission(CompensationPermissions.PayeesViewDetails).WithName("GetPayeePaymentDetails")
            .WithDescription("The payment details in full. Every read is recorded in the audit log (action Read). Details sealed for "
                             + "another payee or partnership cannot be read: 409 Compensation:PaymentDetailsUnreadable.");
        payees.MapPut("/{payeeId:guid}/tax-form", async (Guid payeeId, TaxFormRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetTaxFormCommand(payeeId, r), ct)))
            .RequirePermission(CompensationPermissions.PayeesManage).WithName("SetPayeeTaxForm")
            .WithDescription("W-9 status: w9OnFile, receivedOn (required when on file) and optionally tinLast4, the last 4 digits of the "
                             + "tax id only: anything longer or not digits is a 400 Compensation:TinLast4Only and nothing is stored.");
    }

    /// <summary>The signed-in member's own payment notice, choice and preference; no payee id, so never another's.</summary>
    private static void MapMyPayment(RouteGroupBuilder me)
    {
        me.MapGet("/payment-notice", () => TypedResults.Ok(PaymentNotice.For()))
            .RequireAuthorization().WithName("GetMyPaymentNotice")
            .WithDescription("The plain-language notice to read before choosing (what a stipend is, that it may count as income for "
                             + "benefits such as Medicaid, SNAP or SSI, declining or choosing a form, changing one's mind, who to ask), in the "
                             + "caller's language (English or Spanish), with its version.");
        me.MapGet("/payment-choice", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetMyPaymentChoiceQuery(), ct)))
            .RequireAuthorization().WithName("GetMyPaymentChoice")
            .WithDescription("The caller's choice (null until they choose), the notice version they acknowledged, and the current version.");
        me.MapPut("/payment-choice", async (PaymentChoiceRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetMyPaymentChoiceCommand(r), ct)))
            .RequireAuthorization().WithName("SetMyPaymentChoice")
            .WithDescription("Accept or Decline, optionally the preferred form of payment, and noticeVersion, which must be the current "
                             + "notice's (400 Compensation:NoticeNotAcknowledged otherwise, nothing changed). Decline keeps new items coming "
                             + "but stops their approval and payment (409 Compensation:PayeeDeclined) until the caller accepts again.");
        me.MapGet("/payment-preference", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetMyPaymentPreferenceQuery(), ct)))
            .RequireAuthorization().WithName("GetMyPaymentPreference")
            .WithDescription("The caller's payment method and its details, masked.");
        me.MapPut("/payment-preference", async (PaymentPreferenceRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetPaymentPreferenceCommand(null, r), ct)))
            .RequireAuthorization().WithName("SetMyPaymentPreference")
            .WithDescription("Sets the caller's own method and details, as staff would (see SetPayeePaymentPreference); the answer is masked.");
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

    private static void MapAgeing(RouteGroupBuilder api)
    {
        api.MapGet("/ageing", async (int? year, ReportCalendar calendar, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetAgeingQuery(await YearOr(year, calendar, ct)), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetPaymentAgeing")
            .WithDescription("Late-payment ageing per council: days from the service date (the meeting's date for attendance, the day of entry "
                             + "for staff's items) to paidOn. paidCount, averageDays, medianDays, maxDays and buckets 0-14, 15-30, 31-60, 61+ count "
                             + "the items paid in the year (adjustments left out); unpaidCount and oldestUnpaidDays the items still Submitted or "
                             + "Approved whose service date is on or before the year's end, aged to today in the partnership's time zone. "
                             + "Items of no council are one row with councilId and councilName null.");
    }

    private static void MapPrograms(RouteGroupBuilder api)
    {
        api.MapPost("/programs", async (ProgramRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new CreateProgramCommand(r.Name, r.CouncilIds ?? []), ct);
                return TypedResults.Created("/api/compensation/programs", created);
            })
            .RequirePermission(CompensationPermissions.RatesManage).WithName("CreateProgram")
            .WithDescription("A program (a named line of work) and the councils it covers; a council belongs to one program at most "
                             + "(409 Compensation:CouncilInAnotherProgram), a name is unique (409 Compensation:DuplicateProgram). Attendance items "
                             + "take their council's program when they are made and keep it. Audited. Location is the programs list.");
        api.MapGet("/programs", async ([AsParameters] PageRequest page, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetProgramsQuery(page), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetPrograms")
            .WithDescription("The programs by name, with their councils and budgets by year.");
        api.MapPut("/programs/{id:guid}/budgets/{year:int}", async (Guid id, int year, BudgetRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new SetBudgetCommand(id, year, r.Amount, r.Currency), ct)))
            .RequirePermission(CompensationPermissions.RatesManage).WithName("SetProgramBudget")
            .WithDescription("Sets the program's budget for the year (adds or changes it; zero or more, whole minor units); audited.");
        api.MapGet("/budget-vs-actual", async (int? year, ReportCalendar calendar, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetBudgetVsActualQuery(await YearOr(year, calendar, ct)), ct)))
            .RequirePermission(CompensationPermissions.Items).WithName("GetBudgetVsActual")
            .WithDescription("Per program and currency: the year's budget, actual (the program's Paid items with paidOn in the year, net of "
                             + "adjustments), remaining (budget - actual, negative when overspent) and percentUsed (one decimal); budget, remaining "
                             + "and percentUsed are null where spending has no budget in that currency.");
    }

    private static void MapCsvExports(RouteGroupBuilder api)
    {
        api.MapGet("/payments.csv", async (int? year, ReportCalendar calendar, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetPaymentsCsvQuery(await YearOr(year, calendar, ct)), ct);
                return TypedResults.File(file.Content, CsvFile.ContentType, file.FileName);
            })
            .RequirePermission(CompensationPermissions.Items).WithName("GetPaymentsCsv")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithDescription("Every item paid in the year (by paidOn; adjustments as negative amounts) as CSV: paid on, payee, payee kind, "
                             + "description, source, council, program, amount, currency, method, reference, item id. RFC 4180, UTF-8 with a "
                             + "byte-order mark, amounts with a dot and the currency's decimals, text that would start a formula prefixed with '.");
        api.MapGet("/annual-totals.csv", async (int? year, ReportCalendar calendar, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetAnnualTotalsCsvQuery(await YearOr(year, calendar, ct)), ct);
                return TypedResults.File(file.Content, CsvFile.ContentType, file.FileName);
            })
            .RequirePermission(CompensationPermissions.Items).WithName("GetAnnualTotalsCsv")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .WithDescription("The annual totals of every payee (see GetAnnualTotals) as CSV, by payee name, in the same format as payments.csv.");
    }
}
