using EngagementPlatform.DataSharing.Domain;
using MimeKit;

namespace EngagementPlatform.DataSharing.Tests.Jobs;

/// <summary>
/// The daily job on a moved clock, with every email checked on the real SMTP sink: activation and expiry, the end-date
/// reminders once each even when the job runs twice a day, destruction reminders until a party attests, the
/// attestation endpoint's rules, and partnerships kept apart. Every test uses its own people and addresses (the sink is
/// shared).
/// </summary>
public sealed class AgreementDailyJobTests(DataSharingMailFixture app) : IClassFixture<DataSharingMailFixture>
{
    private sealed record Party(Guid Id, string Name, PartyRole Role, Guid? SignatoryUserId, string? Contact, bool SignatureRequired = true)
    {
        public AgreementParty ToDomain() => new(Id, Name, PartyRole.Recipient == Role ? PartyKind.ResearchPartner : PartyKind.Agency, Role, SignatoryUserId, Contact, SignatureRequired);
    }

    private static AgreementContent Content(IEnumerable<Party> parties, DateOnly from, DateOnly? to, DateOnly? destruction, string title) => new(
        title,
        "Share survey answers so the council can see what changed in the neighborhood.",
        DataSensitivity.LimitedDataSet,
        [.. parties.Select(p => p.ToDomain())],
        [new DataElement("ZIP code", "Five digits", DataSensitivity.LimitedDataSet)],
        new GovernanceTerms("Eastside Neighbors", "The university, after the association's review", true, "A community meeting each spring"),
        ["Program evaluation"],
        "Until six months after the end date",
        destruction,
        "Secure deletion with a certificate",
        30,
        from,
        to);

    private async Task<(Party Agency, Party Community, Party University)> ThreePartiesAsync(string tenant, string prefix)
    {
        var agency = await app.CreateUserAsync(tenant, $"{prefix}-agency", "staff");
        var community = await app.CreateUserAsync(tenant, $"{prefix}-community", "member");
        var university = await app.CreateUserAsync(tenant, $"{prefix}-university", "member");
        return (
            new Party(Guid.NewGuid(), "County Health Department", PartyRole.DataProvider, agency, $"{prefix}-office@county.example.org"),
            new Party(Guid.NewGuid(), "Eastside Neighbors Association", PartyRole.CommunityOwner, community, null),
            new Party(Guid.NewGuid(), "State University", PartyRole.Recipient, university, $"{prefix}-irb@university.example.edu"));
    }

    private static string UserEmail(string tenant, string userName) => $"{userName}@{tenant}.test";

    private static int WithSubject(IEnumerable<MimeMessage> messages, string part)
        => messages.Count(m => m.Title().Contains(part, StringComparison.Ordinal));

    [Fact]
    public async Task Expiry_reminders_go_out_once_each_at_60_30_and_7_days_and_the_job_expires_the_agreement()
    {
        var (agency, community, university) = await ThreePartiesAsync("alpha", "dsj-exp");
        var contacts = new[]
        {
            UserEmail("alpha", "dsj-exp-agency"), UserEmail("alpha", "dsj-exp-community"), UserEmail("alpha", "dsj-exp-university"),
            agency.Contact!, university.Contact!,
        };
        var end = app.Today.AddDays(75);
        var id = await app.CreateSignedAgreementAsync(app.AlphaId, Content([agency, community, university], app.Today.AddDays(-10), end, null, "DSJ expiry survey data"));
        (await app.AgreementAsync(app.AlphaId, id)).State.ShouldBe(AgreementState.Active, "signed by all three after its effective date");

        // 61 days before the end nothing is due yet.
        app.MoveClockTo(end.AddDays(-61));
        await app.TriggerDailyJobAsync();
        await app.DeliverAsync();
        WithSubject(MailSink.To(contacts), "ends in").ShouldBe(0);

        foreach (var daysBefore in new[] { 60, 30, 7 })
        {
            app.MoveClockTo(end.AddDays(-daysBefore));
            await app.TriggerDailyJobAsync();
            await app.RunDailyJobInAsync(app.AlphaId);
            await app.DeliverAsync();
            foreach (var contact in contacts)
            {
                var messages = MailSink.To(contact);
                WithSubject(messages, $"ends in {daysBefore} days").ShouldBe(1, $"{contact}: one {daysBefore}-day reminder");
            }
        }

        // The day after the end date the job expires it (twice: once only) and every contact is told once.
        app.MoveClockTo(end.AddDays(1));
        await app.TriggerDailyJobAsync();
        await app.RunDailyJobInAsync(app.AlphaId);
        await app.DeliverAsync();
        var expired = await app.AgreementAsync(app.AlphaId, id);
        expired.State.ShouldBe(AgreementState.Expired);
        expired.Current.EndedAt.ShouldNotBeNull();

        // A later day's run finds nothing more to send.
        app.MoveClockTo(end.AddDays(2));
        await app.TriggerDailyJobAsync();
        await app.DeliverAsync();

        foreach (var contact in contacts)
        {
            var messages = MailSink.To(contact).Where(m => !m.Title().StartsWith("Please sign", StringComparison.Ordinal)).ToList();
            WithSubject(messages, "ends in 60 days").ShouldBe(1, contact);
            WithSubject(messages, "ends in 30 days").ShouldBe(1, contact);
            WithSubject(messages, "ends in 7 days").ShouldBe(1, contact);
            WithSubject(messages, "has expired").ShouldBe(1, contact);
            messages.Count.ShouldBe(4, $"{contact} got exactly the three reminders and the expiry notice");
        }

        // Read as a mail client would: the addresses parse, the link is absolute and names the partnership.
        var notice = MailSink.To(agency.Contact!).Single(m => m.Title().Contains("has expired", StringComparison.Ordinal));
        var to = MailboxAddress.Parse(notice.Header(HeaderId.To));
        to.Address.ShouldBe(agency.Contact);
        to.Name.ShouldBe("County Health Department");
        InternetAddressList.Parse(notice.Header(HeaderId.From)).Mailboxes.Single().Address.ShouldEndWith("@" + MailFixture.FromDomain);
        notice.Text().ShouldContain($"{MailFixture.PublicUrl}/data-sharing/agreements/{id:D}?__tenant=alpha");
        notice.Html().ShouldContain($"href=\"{MailFixture.PublicUrl}/data-sharing/agreements/{id:D}?__tenant=alpha\"");
        notice.Text().ShouldContain(end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_first_run_five_days_before_the_end_sends_only_the_7_day_reminder()
    {
        var (agency, community, university) = await ThreePartiesAsync("alpha", "dsj-late");
        var end = app.Today.AddDays(20);
        await app.CreateSignedAgreementAsync(app.AlphaId, Content([agency, community, university], app.Today.AddDays(-10), end, null, "DSJ late survey data"));

        app.MoveClockTo(end.AddDays(-5));
        await app.TriggerDailyJobAsync();
        await app.DeliverAsync();
        app.MoveClockTo(end.AddDays(-4));
        await app.TriggerDailyJobAsync();
        await app.DeliverAsync();

        var messages = MailSink.To(agency.Contact!);
        WithSubject(messages, "ends in 5 days").ShouldBe(1, "the 7-day reminder, sent on the first day past its mark");
        WithSubject(messages, "ends in").ShouldBe(1, "neither the 60- nor the 30-day reminder, nor the 7-day one again");
    }

    [Fact]
    public async Task Destruction_reminders_ask_recipients_and_stewards_and_stop_after_attestation()
    {
        var (agency, community, university) = await ThreePartiesAsync("alpha", "dsj-destroy");
        var steward = new Party(Guid.NewGuid(), "Regional Data Trust", PartyRole.Steward, null, "dsj-destroy-steward@trust.example.org", SignatureRequired: false);
        var destruction = app.Today.AddDays(50);
        var id = await app.CreateSignedAgreementAsync(app.AlphaId,
            Content([agency, community, university, steward], app.Today.AddDays(-10), null, destruction, "DSJ destruction survey data"));
        var universityEmail = UserEmail("alpha", "dsj-destroy-university");

        app.MoveClockTo(destruction.AddDays(-30));
        await app.TriggerDailyJobAsync();
        await app.RunDailyJobInAsync(app.AlphaId);
        await app.DeliverAsync();
        foreach (var address in new[] { universityEmail, university.Contact!, steward.Contact! })
        {
            var reminders = MailSink.To(address).Where(m => m.Title().StartsWith("Destroy the data", StringComparison.Ordinal)).ToList();
            reminders.Count.ShouldBe(1, address);
            reminders[0].Text().ShouldContain($"{MailFixture.PublicUrl}/data-sharing/agreements/{id:D}/destruction?__tenant=alpha");
        }

        MailSink.To(agency.Contact!, UserEmail("alpha", "dsj-destroy-agency"), UserEmail("alpha", "dsj-destroy-community"))
            .Where(m => m.Title().StartsWith("Destroy the data", StringComparison.Ordinal)).ShouldBeEmpty("the data provider and the community owner destroy nothing");

        // The university's signatory attests.
        using var signer = await app.ClientAsync("alpha", "dsj-destroy-university");
        var destroyedOn = app.Today.AddDays(-1);
        var created = await (await signer.PostAsJsonAsync($"/api/data-sharing/agreements/{id}/destruction-attestations", new
        {
            partyId = university.Id, typedName = "Dana Whitfield", method = "Secure deletion; certificate 2027-114", destroyedOn, note = "Both copies",
        })).ReadJsonAsync();
        var attestationId = created.GetProperty("id").GetGuid();

        var agreement = await app.AgreementAsync(app.AlphaId, id);
        var attestation = agreement.DestructionAttestations.ShouldHaveSingleItem();
        attestation.Id.ShouldBe(attestationId);
        attestation.PartyId.ShouldBe(university.Id);
        attestation.AttestedBy.ShouldBe(university.SignatoryUserId!.Value);
        attestation.TypedName.ShouldBe("Dana Whitfield");
        attestation.Method.ShouldBe("Secure deletion; certificate 2027-114");
        attestation.DestroyedOn.ShouldBe(destroyedOn);
        attestation.AttestedAt.ShouldBe(app.Clock.Now, TimeSpan.FromMinutes(1));

        // At 7 days the steward is asked again; the university, which attested, is not.
        app.MoveClockTo(destruction.AddDays(-7));
        await app.TriggerDailyJobAsync();
        await app.DeliverAsync();
        MailSink.To(steward.Contact!).Count(m => m.Title().StartsWith("Destroy the data", StringComparison.Ordinal)).ShouldBe(2);
        MailSink.To(universityEmail, university.Contact!).Count(m => m.Title().StartsWith("Destroy the data", StringComparison.Ordinal)).ShouldBe(2, "one each, before the attestation");
    }

    [Fact]
    public async Task Attesting_is_for_the_partys_signatory_or_a_manager_once_with_a_method_and_a_past_date()
    {
        var (agency, community, university) = await ThreePartiesAsync("alpha", "dsj-attest");
        var id = await app.CreateSignedAgreementAsync(app.AlphaId,
            Content([agency, community, university], app.Today.AddDays(-10), app.Today.AddDays(100), app.Today.AddDays(200), "DSJ attest survey data"));
        var url = $"/api/data-sharing/agreements/{id}/destruction-attestations";
        object Body(Guid partyId, string method = "Shredded", DateOnly? on = null) => new { partyId, typedName = "Someone", method, destroyedOn = on ?? app.Today };

        using var community1 = await app.ClientAsync("alpha", "dsj-attest-community");
        await (await community1.PostAsJsonAsync(url, Body(university.Id))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, DataSharingErrorCodes.NotTheSignatory);
        using var universitySigner = await app.ClientAsync("alpha", "dsj-attest-university");
        await (await universitySigner.PostAsJsonAsync(url, Body(university.Id, method: " "))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await universitySigner.PostAsJsonAsync(url, Body(university.Id, method: new string('x', DestructionAttestation.MaxMethodLength + 1)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await universitySigner.PostAsJsonAsync(url, Body(university.Id, on: app.Today.AddDays(1))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, Application.Destruction.DestructionErrorCodes.DestroyedInFuture);
        (await app.AgreementAsync(app.AlphaId, id)).DestructionAttestations.ShouldBeEmpty("refusals change nothing");

        (await universitySigner.PostAsJsonAsync(url, Body(university.Id))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await universitySigner.PostAsJsonAsync(url, Body(university.Id))).ShouldBeProblemAsync(HttpStatusCode.Conflict, DataSharingErrorCodes.AlreadyAttested);

        // Staff who manage agreements record it for a party; the attestation names who recorded it.
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        (await staff.PostAsJsonAsync(url, Body(agency.Id))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var attestations = (await app.AgreementAsync(app.AlphaId, id)).DestructionAttestations;
        attestations.Count.ShouldBe(2);

        // Another partnership cannot see it at all.
        using var beta = await app.ClientAsync("beta", "beta-staff");
        await (await beta.PostAsJsonAsync(url, Body(community.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_run_for_alpha_never_touches_beta()
    {
        var (alphaAgency, alphaCommunity, alphaUniversity) = await ThreePartiesAsync("alpha", "dsj-iso-a");
        var (betaAgency, betaCommunity, betaUniversity) = await ThreePartiesAsync("beta", "dsj-iso-b");
        var end = app.Today.AddDays(3);
        var alphaId = await app.CreateSignedAgreementAsync(app.AlphaId, Content([alphaAgency, alphaCommunity, alphaUniversity], app.Today.AddDays(-10), end, null, "DSJ isolation alpha"));
        var betaId = await app.CreateSignedAgreementAsync(app.BetaId, Content([betaAgency, betaCommunity, betaUniversity], app.Today.AddDays(-10), end, null, "DSJ isolation beta"));

        app.MoveClockTo(end.AddDays(1));
        await app.RunDailyJobInAsync(app.AlphaId);
        await app.DeliverAsync();

        (await app.AgreementAsync(app.AlphaId, alphaId)).State.ShouldBe(AgreementState.Expired);
        (await app.AgreementAsync(app.BetaId, betaId)).State.ShouldBe(AgreementState.Active, "beta's job has not run");
        WithSubject(MailSink.To(alphaAgency.Contact!), "has expired").ShouldBe(1);
        MailSink.To(betaAgency.Contact!, UserEmail("beta", "dsj-iso-b-agency")).Where(m => !m.Title().StartsWith("Please sign", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Over_http_submitting_asks_each_signatory_to_sign_and_the_attestation_is_on_the_agreement()
    {
        var (agency, community, university) = await ThreePartiesAsync("alpha", "dsj-sign");
        using var admin = await app.ClientAsync("alpha", "admin");
        object PartyBody(Party p) => new { name = p.Name, kind = p.Role == PartyRole.Recipient ? "ResearchPartner" : "Agency", role = p.Role.ToString(), signatoryUserId = p.SignatoryUserId, contactEmail = p.Contact, signatureRequired = true };
        var created = await admin.PostAsJsonAsync("/api/data-sharing/agreements", new
        {
            title = "DSJ sign survey data",
            purpose = "Share survey answers so the council can see what changed in the neighborhood.",
            sensitivity = "LimitedDataSet",
            parties = new[] { PartyBody(agency), PartyBody(community), PartyBody(university) },
            dataElements = new[] { new { name = "ZIP code", description = "Five digits", sensitivity = "LimitedDataSet" } },
            governance = new { dataOwner = "Eastside Neighbors", whoMayPublish = "The university, after review", communityReviewBeforePublication = true, returnOfResults = "A meeting each spring" },
            permittedUses = new[] { "Program evaluation" },
            retentionPeriod = "Until the destruction date",
            destructionDate = app.Today.AddDays(200),
            destructionMethod = "Secure deletion",
            breachNotificationDays = 30,
            effectiveFrom = app.Today,
            effectiveTo = app.Today.AddDays(100),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsync($"/api/data-sharing/agreements/{id}/submit", null)).ShouldBeSuccessAsync();
        await app.DeliverAsync();

        var signers = new[] { ("dsj-sign-agency", agency), ("dsj-sign-community", community), ("dsj-sign-university", university) };
        foreach (var (user, party) in signers)
        {
            var request = (await MailSink.WaitForAsync(UserEmail("alpha", user), 1)).Single();
            request.Title().ShouldBe("Please sign: DSJ sign survey data (version 1)");
            request.Text().ShouldContain($"signs for {party.Name}");
            request.Text().ShouldContain($"{MailFixture.PublicUrl}/data-sharing/agreements/{id:D}/sign?__tenant=alpha");
            request.Html().ShouldContain($"href=\"{MailFixture.PublicUrl}/data-sharing/agreements/{id:D}/sign?__tenant=alpha\"");
            request.Header("X-EngagementPlatform-Category").ShouldBe("Essential");
        }

        MailSink.To(agency.Contact!).ShouldBeEmpty("a contact address is not a signatory");

        // Each signs what the link leads to; the third signature makes it active (its effective date is today).
        var universityPartyId = Guid.Empty;
        foreach (var (user, _) in signers)
        {
            using var signer = await app.ClientAsync("alpha", user);
            var ask = (await (await signer.GetAsync($"/api/data-sharing/agreements/{id}")).ReadJsonAsync()).GetProperty("mySignatureRequests").EnumerateArray().Single();
            await (await signer.PostAsJsonAsync($"/api/data-sharing/agreements/{id}/signatures", new
            {
                versionNumber = ask.GetProperty("versionNumber").GetInt32(),
                partyId = ask.GetProperty("partyId").GetGuid(),
                contentHash = ask.GetProperty("contentHash").GetString(),
                typedName = user,
            })).ShouldBeSuccessAsync();
            universityPartyId = user == "dsj-sign-university" ? ask.GetProperty("partyId").GetGuid() : universityPartyId;
        }

        using var universitySigner = await app.ClientAsync("alpha", "dsj-sign-university");
        (await universitySigner.PostAsJsonAsync($"/api/data-sharing/agreements/{id}/destruction-attestations", new
        {
            partyId = universityPartyId, typedName = "Dana Whitfield", method = "Secure deletion; certificate 114", destroyedOn = app.Today,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var detail = await (await admin.GetAsync($"/api/data-sharing/agreements/{id}")).ReadJsonAsync();
        detail.GetProperty("state").GetString().ShouldBe("Active");
        var attestation = detail.GetProperty("destructionAttestations").EnumerateArray().ShouldHaveSingleItem();
        attestation.GetProperty("partyId").GetGuid().ShouldBe(universityPartyId);
        attestation.GetProperty("partyName").GetString().ShouldBe(university.Name);
        attestation.GetProperty("attestedBy").GetGuid().ShouldBe(university.SignatoryUserId!.Value);
        attestation.GetProperty("method").GetString().ShouldBe("Secure deletion; certificate 114");
        attestation.GetProperty("typedName").GetString().ShouldBe("Dana Whitfield");
        attestation.GetProperty("attestedAt").GetDateTimeOffset().ShouldBe(app.Clock.Now, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Each_reader_gets_the_email_in_their_language_and_outside_contacts_in_the_partnerships()
    {
        var (agency, community, university) = await ThreePartiesAsync("beta", "dsj-lang");
        var end = app.Today.AddDays(40);
        var id = await app.CreateSignedAgreementAsync(app.BetaId, Content([agency, community, university], app.Today.AddDays(-10), end, end.AddDays(90), "DSJ idioma"));

        app.MoveClockTo(end.AddDays(-30));
        await app.TriggerDailyJobAsync();
        await app.DeliverAsync();

        // The signatory chose English; the county's outside address gets beta's language, Spanish.
        var english = MailSink.To(UserEmail("beta", "dsj-lang-agency")).Single(m => m.Title().Contains("ends in", StringComparison.Ordinal));
        english.Title().ShouldBe($"DSJ idioma ends in 30 days ({end:yyyy-MM-dd})");
        english.Text().ShouldContain("Why you got this email: you are a contact of a party");
        var spanish = MailSink.To(agency.Contact!).Single(m => m.Title().Contains("termina en", StringComparison.Ordinal));
        spanish.Title().ShouldBe($"DSJ idioma termina en 30 días ({end:yyyy-MM-dd})");
        spanish.Text().ShouldContain("Por qué recibe este correo: usted es contacto de una de las partes");
        spanish.Html().ShouldContain($"href=\"{MailFixture.PublicUrl}/data-sharing/agreements/{id:D}?__tenant=beta\"");
        MailSink.To(agency.Contact!).ShouldNotContain(m => m.Title().Contains("ends in", StringComparison.Ordinal));
    }
}
