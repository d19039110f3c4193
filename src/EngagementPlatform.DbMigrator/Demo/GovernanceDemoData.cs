using EngagementPlatform.Governance.Application.Councils;
using EngagementPlatform.Governance.Application.Decisions;
using EngagementPlatform.Governance.Application.Meetings;
using EngagementPlatform.Governance.Application.AccessSupports;
using EngagementPlatform.Governance.Application.Attendance;
using EngagementPlatform.Governance.Application.CompositionRules;
using EngagementPlatform.Governance.Application.Inputs;
using EngagementPlatform.Governance.Application.Seats;
using EngagementPlatform.Governance.Application.Voting;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Meetings;
using EngagementPlatform.Governance.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.DbMigrator.Demo;

/// <summary>
/// A council that has been working for a while: seats held by the demo people, equity rules for its make-up, a meeting
/// last month and one coming up (agenda, attendance, access supports), and decisions at every stage, from a draft to a
/// recorded decision that answers each input. A second, newer group is still recruiting and out of compliance, so
/// staff see what needs them. Everything goes through the Governance commands, so the domain's rules hold.
/// </summary>
internal sealed class GovernanceDemoData : IDemoDataContributor
{
    public const string CouncilName = "Eastside Community Health Advisory Council";
    public const string WorkgroupName = "Behavioral Health Data Workgroup";

    public const string DraftTitle = "Text-message reminders for clinic appointments";
    public const string InputTitle = "How to spend the community health worker grant";
    public const string VotingTitle = "Open the Eastside clinic on Saturday mornings";
    public const string DecidedTitle = "Interpretation and childcare at every council meeting";

    public const string PastMeetingTitle = "Quarterly council meeting";
    public const string NextMeetingTitle = "Council meeting: clinic hours and the health worker grant";

    public string Name => "Governance: councils, meetings and decisions";

    public async Task SeedAsync(DemoContext demo, CancellationToken cancellationToken)
    {
        using var asStaff = demo.ActAs("staff");
        var db = demo.Get<IGovernanceDbContext>();
        var councilId = await CouncilAsync(demo, db, cancellationToken);
        await WorkgroupAsync(demo, db, cancellationToken);

        var decided = await DecidedAsync(demo, db, councilId, cancellationToken);
        var voting = await VotingAsync(demo, db, councilId, cancellationToken);
        var input = await OpenForInputAsync(demo, db, councilId, cancellationToken);
        await DraftAsync(demo, db, councilId, cancellationToken);
        await MeetingsAsync(demo, db, councilId, decided, voting, input, cancellationToken);
    }

    private static async Task<Guid> CouncilAsync(DemoContext demo, IGovernanceDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Councils.Where(c => c.Name == CouncilName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var m = demo.Mediator;
        var council = await m.Send(new CreateCouncilCommand(
            CouncilName,
            "Residents of the Eastside neighborhoods, the county health department and local clinics deciding together how "
            + "community health money and services are used. Meets every quarter; meetings are open to the public.",
            "The council advises the Demo County Health Department on services for the Eastside. At least half of its "
            + "voting members are residents who use the services, and a resident chairs it. Decisions are made by vote "
            + "after the community has had at least two weeks to give input, and every decision is published with an "
            + "answer to each input.",
            RequireComplianceToVote: true,
            MinimumCellSize: 3), cancellationToken);

        // The term started last year: everyone is seated today.
        var termStart = demo.Today.AddMonths(-8);
        (string Title, SeatCategory Category, bool Voting, SeatRole Role, string? Holder)[] seats =
        [
            ("Chair (resident)", SeatCategory.CommunityMember, true, SeatRole.Chair, "member"),
            ("Resident, Eastside North", SeatCategory.CommunityMember, true, SeatRole.Member, "aisha"),
            ("Resident, Eastside South", SeatCategory.CommunityMember, true, SeatRole.Member, "rosa"),
            ("Medicaid member", SeatCategory.MedicaidMember, true, SeatRole.Member, "jorge"),
            ("Community organization: Eastside Family Services", SeatCategory.CommunityOrganization, true, SeatRole.Member, "linh"),
            ("Health department", SeatCategory.AgencyStaff, true, SeatRole.Member, "staff"),
            ("Clinic provider", SeatCategory.Provider, true, SeatRole.Member, "priya"),
            ("Youth representative (non-voting)", SeatCategory.CommunityMember, false, SeatRole.Member, null),
        ];
        foreach (var (title, category, voting, role, holder) in seats)
        {
            var seat = await m.Send(new AddSeatCommand(council.Id, title, category, voting, role), cancellationToken);
            if (holder is not null)
            {
                await m.Send(new AssignSeatCommand(council.Id, seat.Id, demo.Id(holder), termStart, termStart.AddYears(2)), cancellationToken);
            }
        }

        await m.Send(new AddCompositionRuleCommand(council.Id, new CompositionRuleRequest(
            "Residents and Medicaid members hold a majority", CompositionRuleKind.MinimumShare,
            [SeatCategory.CommunityMember, SeatCategory.MedicaidMember], 0.51m, null, null, "Council charter, section 2")), cancellationToken);
        await m.Send(new AddCompositionRuleCommand(council.Id, new CompositionRuleRequest(
            "A resident chairs the council", CompositionRuleKind.ChairFrom,
            [SeatCategory.CommunityMember, SeatCategory.MedicaidMember], null, null, null, "Council charter, section 3")), cancellationToken);
        demo.Logger.LogInformation("Created the council {Council}", CouncilName);
        return council.Id;
    }

    private static async Task WorkgroupAsync(DemoContext demo, IGovernanceDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Councils.AnyAsync(c => c.Name == WorkgroupName, cancellationToken))
        {
            return;
        }

        var m = demo.Mediator;
        var group = await m.Send(new CreateCouncilCommand(
            WorkgroupName,
            "A new group that will decide which behavioral health data the county shares and with whom. Still recruiting "
            + "Medicaid members, so it may not vote yet.",
            null,
            RequireComplianceToVote: true,
            MinimumCellSize: null), cancellationToken);
        var termStart = demo.Today.AddDays(-20);
        (string Title, SeatCategory Category, string? Holder)[] seats =
        [
            ("Medicaid member", SeatCategory.MedicaidMember, "jorge"),
            ("Medicaid member", SeatCategory.MedicaidMember, null),
            ("Medicaid member", SeatCategory.MedicaidMember, null),
            ("County data lead", SeatCategory.AgencyStaff, "staff"),
            ("Clinic provider", SeatCategory.Provider, "priya"),
        ];
        foreach (var (title, category, holder) in seats)
        {
            var seat = await m.Send(new AddSeatCommand(group.Id, title, category, true, SeatRole.Member), cancellationToken);
            if (holder is not null)
            {
                await m.Send(new AssignSeatCommand(group.Id, seat.Id, demo.Id(holder), termStart, null), cancellationToken);
            }
        }

        await m.Send(new AddCompositionRuleCommand(group.Id, new CompositionRuleRequest(
            "Medicaid members hold a majority", CompositionRuleKind.MinimumShare, [SeatCategory.MedicaidMember], 0.51m, null, null, "Workgroup charter")),
            cancellationToken);
        demo.Logger.LogInformation("Created the council {Council}", WorkgroupName);
    }

    /// <summary>A decision taken last month: input, a vote, and a record that says what became of each input.</summary>
    private static async Task<Guid> DecidedAsync(DemoContext demo, IGovernanceDbContext db, Guid councilId, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, councilId, DecidedTitle, cancellationToken) is { } id)
        {
            return id;
        }

        var m = demo.Mediator;
        var decision = await m.Send(new CreateDecisionCommand(
            councilId,
            DecidedTitle,
            "Several members have missed meetings because they had no one to watch their children or could not follow the "
            + "discussion in English. Should the council pay for Spanish and Vietnamese interpretation and on-site childcare "
            + "at every meeting, from the council's own budget?",
            VotingMethod.YesNo, null, 0.5m, Threshold.SimpleMajority, SecretBallot: false, VotingClosesAt: null,
            ConcurrentMajority: true, CommunityQuorum: null, AllowPublicInput: false), cancellationToken);
        await m.Send(new OpenDecisionInputCommand(decision.Id), cancellationToken);
        var inputs = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (author, text) in new[]
                 {
                     ("member", "Sí, por favor. Sin intérprete no puedo opinar de verdad; tengo que pedirle a mi hija que me traduzca."),
                     ("aisha", "Childcare yes, but the room next door is too small. Could the library's community room be used instead?"),
                     ("linh", "Please add Vietnamese. Many of our families at Eastside Family Services would come if they could follow along."),
                     ("priya", "Instead of paying interpreters, members could bring a relative to translate for them."),
                 })
        {
            using (demo.ActAs(author))
            {
                inputs[author] = (await m.Send(new AddInputCommand(decision.Id, text), cancellationToken)).Id;
            }
        }

        await m.Send(new OpenVotingCommand(decision.Id), cancellationToken);
        foreach (var (voter, choice) in new[] { ("member", "Yes"), ("aisha", "Yes"), ("rosa", "Yes"), ("jorge", "Yes"), ("linh", "Yes"), ("staff", "Yes"), ("priya", "Abstain") })
        {
            using (demo.ActAs(voter))
            {
                await m.Send(new CastVoteCommand(decision.Id, choice, null, null), cancellationToken);
            }
        }

        await m.Send(new CloseVotingCommand(decision.Id), cancellationToken);
        await m.Send(new RecordDecisionCommand(
            decision.Id,
            "Adopted: from the next meeting on, every council meeting has Spanish and Vietnamese interpreters and free childcare.",
            "Six members voted yes and one abstained, a majority among community members as well. The council's budget covers "
            + "interpreters and two childcare workers for four meetings a year.",
            [
                new InputUseRequest(inputs["member"], InputUse.Adopted,
                    "Spanish interpretation is now booked for every meeting; ask for it when you confirm you are coming."),
                new InputUseRequest(inputs["aisha"], InputUse.Adapted,
                    "Childcare is in; the library room was booked for the summer, so childcare moves to the clinic's larger "
                    + "waiting room, which is closed during meetings."),
                new InputUseRequest(inputs["linh"], InputUse.Adopted,
                    "Vietnamese was added alongside Spanish."),
                new InputUseRequest(inputs["priya"], InputUse.NotAdopted,
                    "Relatives may still come, but the council wants trained interpreters so that nobody depends on family "
                    + "to take part and everything said is carried over accurately."),
            ]), cancellationToken);
        demo.Logger.LogInformation("Created the decided decision {Decision}", DecidedTitle);
        return decision.Id;
    }

    /// <summary>A vote under way: input given, some ballots cast, closing in five days.</summary>
    private static async Task<Guid> VotingAsync(DemoContext demo, IGovernanceDbContext db, Guid councilId, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, councilId, VotingTitle, cancellationToken) is { } id)
        {
            return id;
        }

        var m = demo.Mediator;
        var closesAt = demo.At(demo.Today.AddDays(5), new TimeOnly(17, 0));
        var decision = await m.Send(new CreateDecisionCommand(
            councilId,
            VotingTitle,
            "The clinic is open on weekdays from 8 to 5, when many working families cannot come. The clinic can open on "
            + "Saturdays from 9 to 1 by closing one weekday afternoon, keeping staff hours the same.",
            VotingMethod.YesNo, null, 0.5m, Threshold.SimpleMajority, SecretBallot: false, VotingClosesAt: closesAt,
            ConcurrentMajority: true, CommunityQuorum: null, AllowPublicInput: true), cancellationToken);
        await m.Send(new OpenDecisionInputCommand(decision.Id), cancellationToken);
        foreach (var (author, text) in new[]
                 {
                     ("rosa", "Los sábados serían una gran ayuda. Trabajo de lunes a viernes y siempre tengo que pedir permiso para llevar a mis hijos."),
                     ("priya", "If we close a weekday afternoon, please make it Wednesday: it is our quietest afternoon."),
                 })
        {
            using (demo.ActAs(author))
            {
                await m.Send(new AddInputCommand(decision.Id, text), cancellationToken);
            }
        }

        await m.Send(new OpenVotingCommand(decision.Id), cancellationToken);
        foreach (var (voter, choice) in new[] { ("aisha", "Yes"), ("jorge", "Yes"), ("staff", "No") })
        {
            using (demo.ActAs(voter))
            {
                await m.Send(new CastVoteCommand(decision.Id, choice, null, null), cancellationToken);
            }
        }

        demo.Logger.LogInformation("Created the decision in voting {Decision}", VotingTitle);
        return decision.Id;
    }

    /// <summary>Open for input, with a few comments already; members and the public link can add more.</summary>
    private static async Task<Guid> OpenForInputAsync(DemoContext demo, IGovernanceDbContext db, Guid councilId, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, councilId, InputTitle, cancellationToken) is { } id)
        {
            return id;
        }

        var m = demo.Mediator;
        var decision = await m.Send(new CreateDecisionCommand(
            councilId,
            InputTitle,
            "The state grant pays for three community health workers for two years. Which work should they do first? Choose "
            + "every option you support.",
            VotingMethod.Approval,
            ["Home visits after a hospital stay", "Help signing up for and renewing Medicaid", "Diabetes and blood pressure classes", "Rides to appointments"],
            0.5m, Threshold.SimpleMajority, SecretBallot: true, VotingClosesAt: null,
            ConcurrentMajority: false, CommunityQuorum: 3, AllowPublicInput: true), cancellationToken);
        await m.Send(new OpenDecisionInputCommand(decision.Id), cancellationToken);
        foreach (var (author, text) in new[]
                 {
                     ("jorge", "La renovación de Medicaid es lo más urgente. El año pasado mi vecino perdió su cobertura por un formulario."),
                     ("aisha", "Rides matter most to the seniors on my street; the bus to the clinic takes over an hour."),
                     ("linh", "Whatever is chosen, the health workers should speak the languages of the neighborhood."),
                 })
        {
            using (demo.ActAs(author))
            {
                await m.Send(new AddInputCommand(decision.Id, text), cancellationToken);
            }
        }

        demo.Logger.LogInformation("Created the decision open for input {Decision}", InputTitle);
        return decision.Id;
    }

    private static async Task DraftAsync(DemoContext demo, IGovernanceDbContext db, Guid councilId, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, councilId, DraftTitle, cancellationToken) is not null)
        {
            return;
        }

        await demo.Mediator.Send(new CreateDecisionCommand(
            councilId,
            DraftTitle,
            "Staff are preparing a proposal to send appointment reminders by text message in English, Spanish and Vietnamese. "
            + "Before it opens for input: what should a reminder say, and how early should it arrive?",
            VotingMethod.YesNo, null, 0.5m, Threshold.SimpleMajority, SecretBallot: false, VotingClosesAt: null,
            ConcurrentMajority: null, CommunityQuorum: null, AllowPublicInput: false), cancellationToken);
        demo.Logger.LogInformation("Created the draft decision {Decision}", DraftTitle);
    }

    private static async Task MeetingsAsync(DemoContext demo, IGovernanceDbContext db, Guid councilId, Guid decided, Guid voting, Guid input, CancellationToken cancellationToken)
    {
        var m = demo.Mediator;
        var titles = await db.Meetings.Where(x => x.CouncilId == councilId).Select(x => x.Title).ToListAsync(cancellationToken);
        if (!titles.Contains(PastMeetingTitle))
        {
            var past = await m.Send(new CreateMeetingCommand(councilId, new MeetingRequest(
                PastMeetingTitle,
                demo.At(demo.Today.AddDays(-24), new TimeOnly(18, 0)),
                120,
                "Eastside Public Library, community room, 1400 E Main St",
                [
                    new AgendaItemRequest("Welcome and introductions", "Interpreters introduce themselves; childcare is down the hall.", null),
                    new AgendaItemRequest("Interpretation and childcare at meetings", "Vote on the proposal; see the input received.", decided),
                    new AgendaItemRequest("Saturday clinic hours", "First discussion; input stays open until the vote.", voting),
                    new AgendaItemRequest("Public comment", "Anyone present may speak for up to three minutes.", null),
                ])), cancellationToken);

            // Supports asked for ahead of the meeting, by the members themselves, and what staff arranged.
            Guid interpreter, childcare;
            using (demo.ActAs("member"))
            {
                interpreter = (await m.Send(new RequestSupportCommand(councilId, past.Id, new AccessSupportRequest(
                    AccessSupportKind.Interpreter, "Spanish", "Interpretación al español durante toda la reunión, por favor.", null)), cancellationToken)).Id;
            }

            using (demo.ActAs("aisha"))
            {
                childcare = (await m.Send(new RequestSupportCommand(councilId, past.Id, new AccessSupportRequest(
                    AccessSupportKind.Childcare, null, "Two children, ages 4 and 7.", null)), cancellationToken)).Id;
            }

            await m.Send(new SetSupportStatusCommand(councilId, past.Id, interpreter, AccessSupportStatus.Provided), cancellationToken);
            await m.Send(new SetSupportStatusCommand(councilId, past.Id, childcare, AccessSupportStatus.Provided), cancellationToken);
            await m.Send(new RecordAttendanceCommand(councilId, past.Id,
            [
                new AttendanceEntry(demo.Id("member"), true),
                new AttendanceEntry(demo.Id("aisha"), true),
                new AttendanceEntry(demo.Id("rosa"), true),
                new AttendanceEntry(demo.Id("jorge"), true),
                new AttendanceEntry(demo.Id("linh"), true),
                new AttendanceEntry(demo.Id("staff"), true),
                new AttendanceEntry(demo.Id("priya"), false),
            ]), cancellationToken);
            demo.Logger.LogInformation("Created the past meeting {Meeting}", PastMeetingTitle);
        }

        if (!titles.Contains(NextMeetingTitle))
        {
            var next = await m.Send(new CreateMeetingCommand(councilId, new MeetingRequest(
                NextMeetingTitle,
                demo.At(demo.Today.AddDays(9), new TimeOnly(18, 0)),
                90,
                "Eastside Clinic, large waiting room, 220 S Rivera Ave (also on video)",
                [
                    new AgendaItemRequest("Result of the Saturday hours vote", null, voting),
                    new AgendaItemRequest("Community health worker grant: what we heard", "Summary of the input so far.", input),
                    new AgendaItemRequest("Public comment", null, null),
                ])), cancellationToken);
            using (demo.ActAs("member"))
            {
                await m.Send(new RequestSupportCommand(councilId, next.Id, new AccessSupportRequest(
                    AccessSupportKind.Interpreter, "Spanish", null, null)), cancellationToken);
            }

            using (demo.ActAs("jorge"))
            {
                await m.Send(new RequestSupportCommand(councilId, next.Id, new AccessSupportRequest(
                    AccessSupportKind.Transport, null, "Pick-up from the senior apartments on 5th Street.", null)), cancellationToken);
            }

            demo.Logger.LogInformation("Created the next meeting {Meeting}", NextMeetingTitle);
        }
    }

    private static async Task<Guid?> FindAsync(IGovernanceDbContext db, Guid councilId, string title, CancellationToken cancellationToken)
        => await db.Decisions.Where(d => d.CouncilId == councilId && d.Title == title).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
}
