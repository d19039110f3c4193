using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.DataSharing.Tests.Api;

/// <summary>
/// Alpha and beta on a plan with data sharing, gamma on none. In alpha three signatories, one per party of the usual
/// three-party agreement (<c>agency-signer</c> staff, <c>community-signer</c> and <c>university-signer</c> members),
/// besides the admin and staff every tenant has. Counts SQL statements for the list tests.
/// </summary>
public sealed class DataSharingFixture : QueryCountFixture
{
    public Guid AgencySignerId { get; private set; }

    public Guid CommunitySignerId { get; private set; }

    public Guid UniversitySignerId { get; private set; }

    public Guid BetaSignerId { get; private set; }

    /// <summary>The address every request comes from (the in-memory server has no TCP peer): a signature records it.</summary>
    public const string PeerAddress = "203.0.113.7";

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IStartupFilter, FixedPeerAddress>();
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var edition = await CreateEditionAsync("Partnership with data sharing", "dataSharing");
        await AssignEditionAsync("alpha", edition);
        await AssignEditionAsync("beta", edition);

        await CreateTenantAsync("gamma");
        AgencySignerId = await CreateUserAsync("alpha", "agency-signer", "staff");
        CommunitySignerId = await CreateUserAsync("alpha", "community-signer", "member");
        UniversitySignerId = await CreateUserAsync("alpha", "university-signer", "member");
        BetaSignerId = await CreateUserAsync("beta", "beta-signer", "member");
    }
}

/// <summary>Gives each request <see cref="DataSharingFixture.PeerAddress"/> as its remote address, as a real connection would have one.</summary>
internal sealed class FixedPeerAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, call) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Parse(DataSharingFixture.PeerAddress);
            await call(context);
        });
        next(app);
    };
}

/// <summary>The usual agreement bodies, as the web app would send them.</summary>
internal static class AgreementBodies
{
    /// <summary>
    /// A three-party agreement: the county (data provider, signed by <c>agency-signer</c>), a community organization
    /// (community owner, <c>community-signer</c>) and a university (recipient, <c>university-signer</c>).
    /// </summary>
    public static object ThreeParty(DataSharingFixture app, string title = "Community health survey data", string sensitivity = "LimitedDataSet",
        string effectiveFrom = "2026-01-01", string? effectiveTo = "2027-12-31", string? destructionDate = "2028-06-30", int? breachNotificationDays = 30) => new
    {
        title,
        purpose = "Share survey answers so the council and the university can see what changed in the neighborhood.",
        sensitivity,
        parties = new object[]
        {
            new { name = "County Health Department", kind = "Agency", role = "DataProvider", signatoryUserId = app.AgencySignerId, contactEmail = "data-office@county.example.org", signatureRequired = true },
            new { name = "Eastside Neighbors Association", kind = "CommunityOrganization", role = "CommunityOwner", signatoryUserId = app.CommunitySignerId, contactEmail = (string?)null, signatureRequired = true },
            new { name = "State University School of Public Health", kind = "ResearchPartner", role = "Recipient", signatoryUserId = app.UniversitySignerId, contactEmail = "irb@university.example.edu", signatureRequired = true },
        },
        dataElements = new object[]
        {
            new { name = "ZIP code", description = "Five-digit ZIP code of the respondent's home", sensitivity = "LimitedDataSet" },
            new { name = "Survey answers", description = "Answers to the 20 questions, no names", sensitivity = "Deidentified" },
        },
        governance = new
        {
            dataOwner = "Eastside Neighbors Association",
            whoMayPublish = "The university, after the association's review",
            communityReviewBeforePublication = true,
            returnOfResults = "A community meeting and a plain-language summary each spring",
        },
        permittedUses = new[] { "Program evaluation", "Peer-reviewed publication after community review" },
        retentionPeriod = "Until six months after the end date",
        destructionDate,
        destructionMethod = "Secure deletion, with a certificate from the university's IT office",
        breachNotificationDays,
        effectiveFrom,
        effectiveTo,
    };
}
