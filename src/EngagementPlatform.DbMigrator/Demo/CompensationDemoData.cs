using EngagementPlatform.Compensation.Application.Items;
using EngagementPlatform.Compensation.Application.Payees;
using EngagementPlatform.Compensation.Application.Rates;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.DbMigrator.Demo;

/// <summary>
/// The partnership's hourly stipend, set before the council's past meeting is recorded so its attendance is paid
/// (120 minutes at $25.00 an hour: $50.00 for each person present, submitted by the staff member who recorded it).
/// </summary>
internal sealed class CompensationRatesDemoData : IDemoDataContributor
{
    public const string HourlyRate = "Community stipend (per hour)";

    public string Name => "Compensation: the partnership's hourly stipend";

    public async Task SeedAsync(DemoContext demo, CancellationToken cancellationToken)
    {
        var db = demo.Get<ICompensationDbContext>();
        if (await db.Rates.AnyAsync(r => r.Name == HourlyRate, cancellationToken))
        {
            return;
        }

        using var asFinance = demo.ActAs("finance");
        await demo.Mediator.Send(new CreateRateCommand(HourlyRate, RateUnit.Hour, 25.00m, "USD", null, demo.Today.AddYears(-1)), cancellationToken);
        demo.Logger.LogInformation("Created the rate {Rate}", HourlyRate);
    }
}

/// <summary>
/// Payments in every state, through the module's own commands: the past meeting's items paid, approved, waiting and
/// one voided (staff attend as part of their job); a deliverable and a childcare reimbursement entered by staff; a
/// partner organization paid for outreach; a council meeting stipend and a deliverable rate for what comes next.
/// </summary>
internal sealed class CompensationDemoData : IDemoDataContributor
{
    public const string MeetingRate = "Council meeting stipend";
    public const string DeliverableRate = "Listening session facilitation";
    public const string Organization = "Eastside Promotoras Network";

    public string Name => "Compensation: rates, payees and payable items in each state";

    public async Task SeedAsync(DemoContext demo, CancellationToken cancellationToken)
    {
        var db = demo.Get<ICompensationDbContext>();
        var m = demo.Mediator;
        var councilId = await demo.Get<Governance.Persistence.IGovernanceDbContext>().Councils
            .Where(c => c.Name == GovernanceDemoData.CouncilName).Select(c => c.Id).FirstAsync(cancellationToken);

        using (demo.ActAs("finance"))
        {
            if (!await db.Rates.AnyAsync(r => r.Name == MeetingRate, cancellationToken))
            {
                await m.Send(new CreateRateCommand(MeetingRate, RateUnit.Meeting, 75.00m, "USD", councilId, demo.Today), cancellationToken);
            }

            if (!await db.Rates.AnyAsync(r => r.Name == DeliverableRate, cancellationToken))
            {
                await m.Send(new CreateRateCommand(DeliverableRate, RateUnit.Deliverable, 150.00m, "USD", null, demo.Today.AddYears(-1)), cancellationToken);
            }
        }

        await MeetingItemsAsync(demo, db, cancellationToken);
        await EnteredItemsAsync(demo, db, cancellationToken);
        await PayeeDetailsAsync(demo, db, cancellationToken);
    }

    /// <summary>
    /// The payee side: preferences (a bank transfer, a check, a gift card; details sealed like any other), W-9 status,
    /// and one member who read the payment notice and declined payment, so their item shows as declined in the queue.
    /// Only set where nothing is set yet, so a re-run changes nothing.
    /// </summary>
    private static async Task PayeeDetailsAsync(DemoContext demo, ICompensationDbContext db, CancellationToken cancellationToken)
    {
        var m = demo.Mediator;
        var payees = await db.Payees.AsNoTracking().ToListAsync(cancellationToken);
        Payee? Of(string userName) => payees.FirstOrDefault(p => p.UserId == demo.Id(userName));
        var preferences = new List<(Payee? Payee, PaymentPreferenceRequest Preference, TaxFormRequest? TaxForm)>
        {
            (Of("member"), new PaymentPreferenceRequest(PaymentMethod.GiftCard, null, null, null, null, "Fred Meyer", null), null),
            (Of("aisha"), new PaymentPreferenceRequest(PaymentMethod.Check, new MailingAddress("1200 SE Division St", "Apt 4", "Portland", "OR", "97202", "US"), null, null, null, null, null),
                new TaxFormRequest(true, demo.Today.AddDays(-40), "4321")),
            (Of("priya"), new PaymentPreferenceRequest(PaymentMethod.BankTransfer, null, "Priya Raman", "123000848", "4456789012", null, null),
                new TaxFormRequest(true, demo.Today.AddDays(-20), null)),
            (payees.FirstOrDefault(p => p.Name == Organization), new PaymentPreferenceRequest(PaymentMethod.BankTransfer, null, Organization, "121000248", "009876543210", null, null),
                new TaxFormRequest(true, demo.Today.AddDays(-60), "7788")),
        };
        using (demo.ActAs("finance"))
        {
            foreach (var (payee, preference, taxForm) in preferences)
            {
                if (payee is null || payee.PreferredMethod is not null)
                {
                    continue;
                }

                await m.Send(new SetPaymentPreferenceCommand(payee.Id, preference), cancellationToken);
                if (taxForm is not null)
                {
                    await m.Send(new SetTaxFormCommand(payee.Id, taxForm), cancellationToken);
                }
            }
        }

        if (Of("jorge") is { Choice: null })
        {
            using var asJorge = demo.ActAs("jorge");
            await m.Send(new SetMyPaymentChoiceCommand(new PaymentChoiceRequest(PaymentChoice.Decline, null, PaymentNotice.CurrentVersion)), cancellationToken);
            demo.Logger.LogInformation("jorge read the payment notice and declined payment");
        }
    }

    /// <summary>The past meeting's attendance items (made when Governance's demo recorded it, submitted by staff).</summary>
    private static async Task MeetingItemsAsync(DemoContext demo, ICompensationDbContext db, CancellationToken cancellationToken)
    {
        var items = await db.PayableItems.AsNoTracking()
            .Where(i => i.SourceKind == PayableItemSourceKind.Meeting && i.Description == GovernanceDemoData.PastMeetingTitle + " (2 h)")
            .Join(db.Payees.AsNoTracking(), i => i.PayeeId, p => p.Id, (i, p) => new { i.Id, i.Status, p.UserId })
            .ToListAsync(cancellationToken);
        Guid? Of(string userName) => items.FirstOrDefault(i => i.UserId == demo.Id(userName) && i.Status == PayableItemStatus.Submitted)?.Id;
        var m = demo.Mediator;

        if (Of("staff") is { } staffItem)
        {
            using var asFinance = demo.ActAs("finance");
            await m.Send(new VoidPayableItemCommand(staffItem, "Staff attend council meetings as part of their job; no stipend is due."), cancellationToken);
        }

        var paid = new[] { Of("member"), Of("aisha") }.OfType<Guid>().ToList();
        var approved = Of("rosa");
        using (demo.ActAs("finance"))
        {
            if (paid.Count > 0 || approved is not null)
            {
                await m.Send(new ApprovePayableItemsCommand([.. paid, .. approved is null ? Array.Empty<Guid>() : [approved.Value]]), cancellationToken);
            }

            if (paid.Count > 0)
            {
                await m.Send(new PayPayableItemsCommand(paid, PaymentMethod.GiftCard, $"Visa gift cards, batch {demo.Today.AddDays(-10):yyyy-MM}", demo.Today.AddDays(-10)), cancellationToken);
                demo.Logger.LogInformation("Paid {Count} meeting stipends", paid.Count);
            }
        }
    }

    /// <summary>Items entered by staff: a deliverable, a reimbursement, and a partner organization's outreach (paid).</summary>
    private static async Task EnteredItemsAsync(DemoContext demo, ICompensationDbContext db, CancellationToken cancellationToken)
    {
        var m = demo.Mediator;
        var descriptions = await db.PayableItems.Select(i => i.Description).ToListAsync(cancellationToken);
        using var asStaff = demo.ActAs("staff");

        const string review = "Reviewed the community health survey in English and Spanish";
        if (!descriptions.Contains(review))
        {
            var rate = await db.Rates.Where(r => r.Name == DeliverableRate).Select(r => r.Id).FirstAsync(cancellationToken);
            await m.Send(new CreatePayableItemCommand(new PayableItemRequest(demo.Id("priya"), null, review, 1, rate, null, null, null, null)), cancellationToken);
        }

        const string childcare = "Childcare during the quarterly council meeting";
        if (!descriptions.Contains(childcare))
        {
            await m.Send(new CreatePayableItemCommand(new PayableItemRequest(demo.Id("jorge"), null, childcare, null, null, 45.00m, "USD", PayableItemSourceKind.Reimbursement, null)),
                cancellationToken);
        }

        const string outreach = "Door-to-door outreach for the listening sessions";
        if (!descriptions.Contains(outreach))
        {
            var payee = await db.Payees.Where(p => p.Name == Organization).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
                        ?? (await m.Send(new CreateOrganizationPayeeCommand(Organization, "payments@promotoras.example.org"), cancellationToken)).Id;
            var item = await m.Send(new CreatePayableItemCommand(new PayableItemRequest(null, payee, outreach, null, null, 1200.00m, "USD", PayableItemSourceKind.Deliverable, null)),
                cancellationToken);
            using var asFinance = demo.ActAs("finance");
            await m.Send(new ApprovePayableItemsCommand([item.Id]), cancellationToken);
            await m.Send(new PayPayableItemsCommand([item.Id], PaymentMethod.BankTransfer, $"ACH {demo.Today.AddDays(-15):yyyy-MM-dd} #0457", demo.Today.AddDays(-15)), cancellationToken);
        }

        demo.Logger.LogInformation("Demo payable items are in place");
    }
}
