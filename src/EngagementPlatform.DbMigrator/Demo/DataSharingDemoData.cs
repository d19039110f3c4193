using EngagementPlatform.DataSharing.Application.Agreements;
using EngagementPlatform.DataSharing.Application.Settings;
using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.DbMigrator.Demo;

/// <summary>
/// Three data-sharing agreements between the county, the Eastside Community Coalition and their partners, in the
/// partnership that requires a community owner on every agreement: an asthma study with the university, active and
/// signed by all three (a limited data set); clinic-to-home-visit referrals, protected health information, in review
/// with the county's signature given and the coalition's and Eastside Family Services' awaited (Tomás and Linh find it
/// in their signature requests); and a de-identified neighborhood dashboard whose end date is less than 30 days away.
/// Everything goes through the module's commands, each person acting as themselves (staff draft and submit, every
/// signatory signs for their own party), so the domain's rules hold; each step is checked before it is taken, so a
/// run interrupted half way is finished by the next one.
/// </summary>
internal sealed class DataSharingDemoData : IDemoDataContributor
{
    public const string ActiveTitle = "Childhood asthma emergency visits in the Eastside";
    public const string InReviewTitle = "Community health worker referrals: clinic and home-visit records";
    public const string ExpiringTitle = "Food pantry visits and diabetes care: neighborhood dashboard";

    /// <summary>The expiring agreement ends this many days after the day it is seeded.</summary>
    public const int ExpiringInDays = 19;

    private const string County = "Demo County Health Department";
    private const string Coalition = "Eastside Community Coalition";
    private const string University = "Riverside State University, School of Public Health";
    private const string FamilyServices = "Eastside Family Services";

    public string Name => "Data sharing: an active three-party agreement, one in review, one expiring soon";

    public async Task SeedAsync(DemoContext demo, CancellationToken cancellationToken)
    {
        await SettingsAsync(demo, cancellationToken);
        foreach (var plan in Plans(demo))
        {
            await AgreementAsync(demo, plan, cancellationToken);
        }
    }

    /// <summary>The partnership's rule, set by its admin: no agreement goes for signature without a community owner among its parties.</summary>
    private static async Task SettingsAsync(DemoContext demo, CancellationToken cancellationToken)
    {
        var settings = await demo.Get<IDataSharingDbContext>().DataSharingSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (settings?.RequireCommunityOwner == true)
        {
            return;
        }

        using var asAdmin = demo.ActAs("admin");
        await demo.Mediator.Send(new UpdateDataSharingSettingsCommand(
            true,
            settings?.ExpiryReminderDays ?? [.. DataSharingSettings.DefaultReminderDays],
            settings?.DestructionReminderDays ?? [.. DataSharingSettings.DefaultReminderDays]), cancellationToken);
        demo.Logger.LogInformation("Data sharing: every agreement needs a community owner");
    }

    /// <summary>
    /// Staff draft the agreement and send it for signature; then each signatory in turn reads it (as the signing page
    /// does) and signs the version and hash they were shown for their own party. Only the steps not yet taken are taken.
    /// </summary>
    private static async Task AgreementAsync(DemoContext demo, AgreementPlan plan, CancellationToken cancellationToken)
    {
        var db = demo.Get<IDataSharingDbContext>();
        var m = demo.Mediator;
        var id = await db.Agreements.Where(a => a.Title == plan.Input.Title).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            using var asStaff = demo.ActAs("staff");
            id = (await m.Send(new CreateAgreementCommand(plan.Input), cancellationToken)).Id;
            demo.Logger.LogInformation("Drafted the agreement {Agreement}", plan.Input.Title);
        }

        var version = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.AgreementId == id)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.State, Signers = v.Signatures.Select(s => s.SignerUserId).ToList() })
            .FirstAsync(cancellationToken);
        if (version.State == AgreementState.Draft)
        {
            using var asStaff = demo.ActAs("staff");
            await m.Send(new SubmitAgreementCommand(id.Value), cancellationToken);
        }
        else if (version.State != AgreementState.InReview)
        {
            return;
        }

        foreach (var signer in plan.Signers.Where(s => !version.Signers.Contains(demo.Id(s))))
        {
            using var asSigner = demo.ActAs(signer);
            var agreement = await m.Send(new GetAgreementQuery(id.Value), cancellationToken);
            var request = agreement.MySignatureRequests.Single();
            await m.Send(new SignAgreementCommand(id.Value, request.VersionNumber, request.PartyId, request.ContentHash, TypedName(demo, signer), null), cancellationToken);
            demo.Logger.LogInformation("{Signer} signed {Agreement} for {Party}", signer, plan.Input.Title, request.PartyName);
        }
    }

    /// <summary>The name a signatory types: their own, without the title and the organization the demo adds in brackets.</summary>
    private static string TypedName(DemoContext demo, string userName)
    {
        var name = demo.People[userName].Name;
        var bracket = name.IndexOf(" (", StringComparison.Ordinal);
        return (bracket > 0 ? name[..bracket] : name).Replace("Dr. ", string.Empty, StringComparison.Ordinal);
    }

    private static AgreementPlan[] Plans(DemoContext demo)
    {
        var today = demo.Today;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);

        var asthmaFrom = thisMonth.AddMonths(-3);
        var asthmaTo = asthmaFrom.AddYears(2).AddDays(-1);
        var asthma = new AgreementInput(
            ActiveTitle,
            "Families in the coalition asked why so many Eastside children end up in the emergency room with asthma "
            + "attacks when school starts in the fall. The county shares two years of emergency department visits with an "
            + "asthma diagnosis for children under 18 who live in the six Eastside ZIP codes, so the university can set them "
            + "beside housing age, bus and truck routes and the school calendar. The coalition owns the questions and the "
            + "findings: its Data Council sees every result before anyone outside the partnership does.",
            DataSensitivity.LimitedDataSet,
            [
                new(null, $"{County}, Epidemiology Unit", PartyKind.Agency, PartyRole.DataProvider, demo.Id("staff"), "epi-data@demo-county.example.gov"),
                new(null, Coalition, PartyKind.CommunityOrganization, PartyRole.CommunityOwner, demo.Id("tomas"), "data-council@eastside-coalition.example.org"),
                new(null, University, PartyKind.ResearchPartner, PartyRole.Recipient, demo.Id("grace"), "asthma-study@riverside-state.example.edu"),
            ],
            [
                new("Visit date", "The date of each emergency department visit with an asthma diagnosis", DataSensitivity.LimitedDataSet),
                new("Home ZIP code", "Five-digit ZIP code of the child's home; no street address", DataSensitivity.LimitedDataSet),
                new("Age at visit", "In whole years", DataSensitivity.Deidentified),
                new("Diagnosis code", "The ICD-10-CM asthma subcategory (J45.x) recorded at discharge", DataSensitivity.Deidentified),
                new("Insurance type", "Medicaid, private or none", DataSensitivity.Deidentified),
            ],
            new GovernanceTerms(
                "Eastside Community Coalition, for the families whose children's visits these are",
                "The university, and only after the coalition's Data Council has read the manuscript and agreed in writing",
                true,
                "Families hear the findings first, at a coalition meeting in English and Spanish; each school gets a one-page "
                + "summary, and the coalition keeps the maps and tables."),
            [
                "Map asthma emergency visits by neighborhood and season",
                "Compare visit rates with housing and traffic data that are already public",
                "A community report and a peer-reviewed article, after the Data Council's review",
            ],
            "For the life of the agreement and six months after it ends, on the university's restricted research server",
            asthmaTo.AddMonths(6),
            "The research volume is erased cryptographically and every copy deleted; the university's information security office certifies it in writing",
            10,
            asthmaFrom,
            asthmaTo);

        var referralsFrom = thisMonth.AddMonths(1);
        var referralsTo = referralsFrom.AddYears(1).AddDays(-1);
        var referrals = new AgreementInput(
            InReviewTitle,
            "When the Eastside Clinic refers a patient to a community health worker, the worker starts from nothing and the "
            + "clinic rarely hears how the visit went. Under this agreement the clinic sends Eastside Family Services the "
            + "referral and what a home visit needs to know, and the worker sends back whether the family was reached and "
            + "what help they asked for, so follow-up care does not fall through the cracks.",
            DataSensitivity.PHI,
            [
                new(null, $"{County}, Eastside Clinic", PartyKind.Agency, PartyRole.DataProvider, demo.Id("staff"), "eastside-clinic@demo-county.example.gov"),
                new(null, FamilyServices, PartyKind.CommunityOrganization, PartyRole.Recipient, demo.Id("linh"), "home-visits@eastside-family.example.org"),
                new(null, Coalition, PartyKind.CommunityOrganization, PartyRole.CommunityOwner, demo.Id("tomas"), "data-council@eastside-coalition.example.org"),
            ],
            [
                new("Patient name and phone number", "So the worker can call the family and arrange the visit", DataSensitivity.PHI),
                new("Home address", "Where the visit takes place", DataSensitivity.PHI),
                new("Reason for referral", "From the clinic's list: diabetes out of control, missed prenatal visits, not enough food, and the like", DataSensitivity.PHI),
                new("Preferred language", null, DataSensitivity.Deidentified),
                new("Visit outcome", "Reached or not, what the family needed, which services they were connected to", DataSensitivity.PHI),
            ],
            new GovernanceTerms(
                "The patients themselves; the coalition speaks for the community on how the records may be used",
                "Nobody publishes records. Quarterly counts may appear in the council's public report when every count is at least 11",
                true,
                "Each quarter the advisory council hears how many families were referred, how many were reached and which needs were met."),
            [
                "Arrange and follow up on home visits for referred patients",
                "Quarterly counts for the advisory council",
            ],
            "One year after the last contact with the family",
            referralsTo.AddDays(90),
            "Deleted from the referral system and its backups; paper referral forms shredded on site",
            5,
            referralsFrom,
            referralsTo);

        var dashboardTo = today.AddDays(ExpiringInDays);
        var dashboardFrom = dashboardTo.AddYears(-1).AddDays(1);
        var dashboard = new AgreementInput(
            ExpiringTitle,
            "A public dashboard, updated every month, that puts food pantry use next to how well diabetes is controlled in "
            + "each Eastside ZIP code, so the coalition and the council can see whether the new produce prescriptions reach "
            + "the neighborhoods that need them most.",
            DataSensitivity.Deidentified,
            [
                new(null, Coalition, PartyKind.CommunityOrganization, PartyRole.CommunityOwner, demo.Id("tomas"), "data-council@eastside-coalition.example.org"),
                new(null, County, PartyKind.Agency, PartyRole.DataProvider, demo.Id("staff"), "epi-data@demo-county.example.gov"),
                new(null, "Riverside State University, Community Data Lab", PartyKind.ResearchPartner, PartyRole.Steward, demo.Id("grace"), "data-lab@riverside-state.example.edu"),
            ],
            [
                new("Pantry visits by month and ZIP code", "Household visits to the coalition's five pantries, counted", DataSensitivity.Deidentified),
                new("Diabetes control by ZIP code", "Share of clinic patients with diabetes whose last A1c was under 8%, each quarter", DataSensitivity.Deidentified),
                new("Produce prescriptions redeemed", "Counts by month and ZIP code", DataSensitivity.Deidentified),
                new("Pantry locations and hours", null, DataSensitivity.Public),
            ],
            new GovernanceTerms(
                "Eastside Community Coalition",
                "The coalition publishes the dashboard; any count under 11 is hidden",
                true,
                "The dashboard is public, and the coalition walks the council through it at every quarterly meeting."),
            [
                "A public neighborhood dashboard",
                "Deciding where produce prescriptions and the mobile pantry go next",
            ],
            "Monthly tables are kept while the dashboard is online",
            null,
            null,
            null,
            dashboardFrom,
            dashboardTo);

        return
        [
            new(asthma, ["staff", "tomas", "grace"]),
            new(referrals, ["staff"]),
            new(dashboard, ["tomas", "staff", "grace"]),
        ];
    }

    /// <summary>An agreement and who signs it, in order (staff drafts and submits every one).</summary>
    private sealed record AgreementPlan(AgreementInput Input, string[] Signers);
}
