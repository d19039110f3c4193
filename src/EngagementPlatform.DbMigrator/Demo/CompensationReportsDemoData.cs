using System.Globalization;
using EngagementPlatform.Compensation.Application.Items;
using EngagementPlatform.Compensation.Application.Payees;
using EngagementPlatform.Compensation.Application.Reports;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.DbMigrator.Demo;

/// <summary>
/// Something for the reports to show: the program "Community health councils" covering the demo council, with a budget
/// for this year; a monthly advisory stipend for five members from January to this month, each paid after its own
/// typical wait (7, 14, 28, 52 and 75 days, so the ageing buckets all fill, and the months whose wait has not passed
/// yet stay approved and unpaid); and María (<c>member</c>) paid a survey-lead contract that puts her near or over the
/// $2,000.00 information-return threshold. The stipends are back-dated to the 5th of each month: they are written as
/// domain objects (the item commands always date an item today), then approved and paid through the commands.
/// </summary>
internal sealed class CompensationReportsDemoData : IDemoDataContributor
{
    public const string ProgramName = "Community health councils";
    public const string StipendPrefix = "Monthly advisory stipend";
    public const string Contract = "Community health survey lead (contract)";

    // Not jorge: the payee-side demo has him decline payment, and a declined payee's items cannot be approved.
    private static readonly (string UserName, decimal Amount, int WaitDays)[] Stipends =
    [
        ("member", 40.00m, 7), ("aisha", 60.00m, 14), ("rosa", 60.00m, 28), ("priya", 45.00m, 52), ("linh", 35.00m, 75),
    ];

    public string Name => "Compensation: a program with this year's budget, monthly stipends paid after different waits, a payee near the threshold";

    public async Task SeedAsync(DemoContext demo, CancellationToken cancellationToken)
    {
        var db = demo.Get<ICompensationDbContext>();
        // The contract is made on every first run (stipends only once the 5th of January has passed).
        if (await db.PayableItems.AnyAsync(i => i.Description == Contract, cancellationToken))
        {
            return;
        }

        var m = demo.Mediator;
        var today = demo.Today;
        var councilId = await demo.Get<Governance.Persistence.IGovernanceDbContext>().Councils
            .Where(c => c.Name == GovernanceDemoData.CouncilName).Select(c => c.Id).FirstAsync(cancellationToken);
        Guid programId;
        using (demo.ActAs("finance"))
        {
            programId = await db.CompensationPrograms.Where(p => p.Name == ProgramName).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken)
                        ?? (await m.Send(new CreateProgramCommand(ProgramName, [councilId]), cancellationToken)).Id;
            await m.Send(new SetBudgetCommand(programId, today.Year, 6000.00m, "USD"), cancellationToken);
        }

        var toPay = new List<(Guid Id, DateOnly PaidOn)>();
        var toApprove = new List<Guid>();
        using (demo.ActAs("staff"))
        {
            var payees = await demo.Get<PersonPayees>().GetOrCreateAsync(Stipends.Select(s => demo.Id(s.UserName)).ToList(), "payees", cancellationToken);
            for (var month = 1; month <= today.Month; month++)
            {
                var served = new DateOnly(today.Year, month, 1).AddDays(4);
                if (served > today)
                {
                    break;
                }

                foreach (var (userName, amount, wait) in Stipends)
                {
                    var label = served.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
                    var item = PayableItem.Fixed(payees[demo.Id(userName)].Id, $"{StipendPrefix}, {label}", new Money(amount, "USD"), PayableItemSourceKind.Time, councilId, demo.Id("staff"))
                        .Charged(programId, served);
                    item.CreationTime = demo.At(served, new TimeOnly(10, 0));
                    db.PayableItems.Add(item);
                    toApprove.Add(item.Id);
                    if (served.AddDays(wait) <= today)
                    {
                        toPay.Add((item.Id, served.AddDays(wait)));
                    }
                }
            }

            var contract = PayableItem.Fixed(payees[demo.Id("member")].Id, Contract, new Money(1960.00m, "USD"), PayableItemSourceKind.Deliverable, councilId, demo.Id("staff"))
                .Charged(programId, new DateOnly(today.Year, 1, 1));
            contract.CreationTime = demo.At(new DateOnly(today.Year, 1, 1), new TimeOnly(10, 0));
            db.PayableItems.Add(contract);
            toApprove.Add(contract.Id);
            toPay.Add((contract.Id, today.AddDays(-20).Year == today.Year ? today.AddDays(-20) : new DateOnly(today.Year, 1, 1)));
            await db.SaveChangesAsync(cancellationToken);
        }

        using (demo.ActAs("finance"))
        {
            await m.Send(new ApprovePayableItemsCommand(toApprove), cancellationToken);
            foreach (var day in toPay.GroupBy(p => p.PaidOn).OrderBy(g => g.Key))
            {
                await m.Send(new PayPayableItemsCommand(day.Select(p => p.Id).ToList(), PaymentMethod.GiftCard, $"Gift cards {day.Key:yyyy-MM-dd}", day.Key), cancellationToken);
            }
        }

        demo.Logger.LogInformation("Demo report data: {Items} stipends and a contract, {Paid} paid, program {Program} with a budget for {Year}",
            toApprove.Count - 1, toPay.Count, ProgramName, today.Year);
    }
}
