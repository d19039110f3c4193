namespace EngagementPlatform.DataSharing.Tests.Api;

/// <summary>Bad input and broken rules over HTTP: each refusal has its code and changes nothing; PHI rules; settings; the audit log.</summary>
public sealed class AgreementRulesApiTests(DataSharingFixture app) : IClassFixture<DataSharingFixture>
{
    private readonly AgreementApi _api = new(app);

    /// <summary>The usual body as a mutable JSON object, to break one field at a time.</summary>
    private System.Text.Json.Nodes.JsonObject Body(string title = "Rules", string sensitivity = "LimitedDataSet", int? breachNotificationDays = 30, string? destructionDate = "2028-06-30")
        => System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(
            AgreementBodies.ThreeParty(app, title, sensitivity, breachNotificationDays: breachNotificationDays, destructionDate: destructionDate),
            new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.AsObject();

    private static string Values(JsonElement entry)
        => entry.TryGetProperty("valuesJson", out var values) && values.ValueKind == JsonValueKind.String ? values.GetString()! : string.Empty;

    private static System.Text.Json.Nodes.JsonObject Party(System.Text.Json.Nodes.JsonObject body, int index) => body["parties"]![index]!.AsObject();

    [Fact]
    public async Task Bad_input_is_refused_with_a_code_naming_the_field_and_changes_nothing()
    {
        var before = await _api.SnapshotAsync();
        using var admin = await app.ClientAsync("alpha", "admin");
        var cases = new List<(string Field, Action<System.Text.Json.Nodes.JsonObject> Break)>
        {
            ("title", b => b["title"] = ""),
            ("title", b => b["title"] = new string('t', 201)),
            ("purpose", b => b["purpose"] = new string('p', 8001)),
            ("parties", b => b["parties"]!.AsArray().Add(Party(b, 0).DeepClone())),
            ("parties[0].name", b => Party(b, 0)["name"] = " "),
            ("parties[0].contactEmail", b => Party(b, 0)["contactEmail"] = "County <data-office@county.example.org>"),
            ("parties[0].contactEmail", b => Party(b, 0)["contactEmail"] = "a b@county.example.org"),
            ("parties[0].contactEmail", b => Party(b, 0)["contactEmail"] = "one@x.org, two@x.org"),
            ("parties[0].contactEmail", b => Party(b, 0)["contactEmail"] = "no-domain"),
            ("parties[2].kind", b => Party(b, 2)["kind"] = 9),
            ("dataElements", b => b["dataElements"]![1]!["name"] = "ZIP CODE"),
            ("dataElements[0].sensitivity", b => b["dataElements"]![0]!["sensitivity"] = 7),
            ("governance.dataOwner", b => b["governance"]!["dataOwner"] = ""),
            ("permittedUses[0]", b => b["permittedUses"]![0] = ""),
            ("breachNotificationDays", b => b["breachNotificationDays"] = 0),
            ("breachNotificationDays", b => b["breachNotificationDays"] = 366),
            ("effectiveFrom", b => b.Remove("effectiveFrom")),
            ("effectiveTo", b => b["effectiveTo"] = "9999-12-31"),
        };
        foreach (var (field, breakIt) in cases)
        {
            var body = Body();
            breakIt(body);
            // A validator's refusal (Framework:ValidationFailed) or, for a number where an enum name belongs, the JSON reader's
            // (Framework:BadRequest): either way a 400 naming the field.
            var problem = await (await admin.PostAsJsonAsync(AgreementApi.Base, body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("code").GetString().ShouldBeOneOf("Framework:ValidationFailed", "Framework:BadRequest");
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"{field}: {problem}");
        }

        var tooMany = Body();
        for (var i = 0; i < 21; i++)
        {
            var party = Party(tooMany, 0).DeepClone().AsObject();
            party["name"] = $"Party {i}";
            tooMany["parties"]!.AsArray().Add(party);
        }

        (await (await admin.PostAsJsonAsync(AgreementApi.Base, tooMany)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("parties", out _).ShouldBeTrue();
        await (await admin.PostAsJsonAsync(AgreementApi.Base, new { title = "Only a title" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        await (await admin.PostAsync(AgreementApi.Base, JsonContent.Create(new { sensitivity = "Secret" }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // A signatory who is no active person of this partnership: 422 naming the field.
        foreach (var stranger in new[] { Guid.NewGuid(), app.BetaSignerId })
        {
            var body = Body();
            Party(body, 1)["signatoryUserId"] = stranger.ToString();
            var problem = await (await admin.PostAsJsonAsync(AgreementApi.Base, body)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, DataSharingErrorCodes.UnknownUser);
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["parties[1].signatoryUserId"]);
        }

        (await _api.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_deactivated_person_cannot_be_named_as_signatory()
    {
        var inactive = await app.CreateUserAsync("alpha", "inactive-signer", "member");
        using var admin = await app.ClientAsync("alpha", "admin");
        var user = await (await admin.GetAsync($"/api/identity/users/{inactive}")).ReadJsonAsync();
        var update = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(user.GetRawText())!;
        update["isActive"] = JsonSerializer.SerializeToElement(false);
        await (await admin.PutAsJsonAsync($"/api/identity/users/{inactive}", update)).ShouldBeSuccessAsync();

        var body = Body();
        Party(body, 2)["signatoryUserId"] = inactive.ToString();
        var before = await _api.SnapshotAsync();
        (await (await admin.PostAsJsonAsync(AgreementApi.Base, body)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, DataSharingErrorCodes.UnknownUser))
            .GetProperty("errors").TryGetProperty("parties[2].signatoryUserId", out _).ShouldBeTrue();
        (await _api.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Every_lifecycle_refusal_has_its_code_and_changes_nothing()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var draft = await _api.CreateAsync(AgreementBodies.ThreeParty(app, "Refusals"));

        async Task RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string code)
        {
            var before = await _api.SnapshotAsync();
            await (await send()).ShouldBeProblemAsync(status, code);
            (await _api.SnapshotAsync()).ShouldBe(before);
        }

        await RefusedAsync(() => admin.PostAsync($"{AgreementApi.Base}/{draft}/return-to-draft", null), HttpStatusCode.Conflict, DataSharingErrorCodes.IllegalTransition);
        await RefusedAsync(() => admin.PostAsJsonAsync($"{AgreementApi.Base}/{draft}/terminate", new { reason = "Too early" }), HttpStatusCode.Conflict, DataSharingErrorCodes.IllegalTransition);
        await RefusedAsync(() => admin.PostAsync($"{AgreementApi.Base}/{draft}/amendments", null), HttpStatusCode.Conflict, DataSharingErrorCodes.IllegalTransition);
        await RefusedAsync(() => admin.GetAsync($"{AgreementApi.Base}/{draft}/versions/2"), HttpStatusCode.NotFound, "Framework:EntityNotFound");
        await RefusedAsync(() => admin.PostAsJsonAsync($"{AgreementApi.Base}/{draft}/terminate", new { reason = "" }), HttpStatusCode.BadRequest, "Framework:ValidationFailed");

        await _api.SubmitAsync(draft);
        var detail = await _api.GetAsync(draft);
        var hash = detail.GetProperty("current").GetProperty("contentHash").GetString()!;
        var agencyParty = detail.GetProperty("current").GetProperty("parties")[0].GetProperty("id").GetGuid();
        using var agency = await app.ClientAsync("alpha", "agency-signer");
        await RefusedAsync(() => admin.PostAsync($"{AgreementApi.Base}/{draft}/submit", null), HttpStatusCode.Conflict, DataSharingErrorCodes.IllegalTransition);
        await RefusedAsync(() => admin.PutAsJsonAsync($"{AgreementApi.Base}/{draft}/draft", AgreementBodies.ThreeParty(app, "In review")), HttpStatusCode.Conflict, DataSharingErrorCodes.AgreementNotEditable);
        await RefusedAsync(() => agency.PostAsJsonAsync($"{AgreementApi.Base}/{draft}/signatures", new { versionNumber = 1, partyId = agencyParty, contentHash = new string('0', 64), typedName = "Ana" }),
            HttpStatusCode.Conflict, DataSharingErrorCodes.VersionChanged);
        await RefusedAsync(() => agency.PostAsJsonAsync($"{AgreementApi.Base}/{draft}/signatures", new { versionNumber = 2, partyId = agencyParty, contentHash = hash, typedName = "Ana" }),
            HttpStatusCode.Conflict, DataSharingErrorCodes.VersionChanged);
        await RefusedAsync(() => agency.PostAsJsonAsync($"{AgreementApi.Base}/{draft}/signatures", new { versionNumber = 1, partyId = agencyParty, contentHash = hash, typedName = "" }),
            HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        await RefusedAsync(() => admin.PostAsJsonAsync($"{AgreementApi.Base}/{draft}/signatures", new { versionNumber = 1, partyId = agencyParty, contentHash = hash, typedName = "Admin" }),
            HttpStatusCode.Forbidden, DataSharingErrorCodes.NotTheSignatory);

        await (await _api.SignAsync(draft, "agency-signer")).ShouldBeSuccessAsync();
        await RefusedAsync(() => agency.PostAsJsonAsync($"{AgreementApi.Base}/{draft}/signatures", new { versionNumber = 1, partyId = agencyParty, contentHash = hash, typedName = "Ana again" }),
            HttpStatusCode.Conflict, DataSharingErrorCodes.AlreadySigned);

        // Back to draft withdraws the signature given; a new submission has a new hash, and the old one no longer signs.
        await (await admin.PostAsync($"{AgreementApi.Base}/{draft}/return-to-draft", null)).ShouldBeSuccessAsync();
        var returned = await _api.GetAsync(draft);
        returned.GetProperty("state").GetString().ShouldBe("Draft");
        returned.GetProperty("current").GetProperty("parties").EnumerateArray().ShouldAllBe(p => p.GetProperty("signature").ValueKind == JsonValueKind.Null);
        await RefusedAsync(() => agency.PostAsJsonAsync($"{AgreementApi.Base}/{draft}/signatures", new { versionNumber = 1, partyId = agencyParty, contentHash = hash, typedName = "Ana" }),
            HttpStatusCode.Conflict, DataSharingErrorCodes.VersionChanged);

        var active = await _api.ActiveAsync("Refusals, active");
        await (await admin.PostAsync($"{AgreementApi.Base}/{active}/amendments", null)).ShouldBeSuccessAsync();
        await RefusedAsync(() => admin.PostAsync($"{AgreementApi.Base}/{active}/amendments", null), HttpStatusCode.Conflict, DataSharingErrorCodes.AmendmentOpen);
        await (await admin.PostAsJsonAsync($"{AgreementApi.Base}/{active}/terminate", new { reason = "The program ended" })).ShouldBeSuccessAsync();
        var terminated = await _api.GetAsync(active);
        terminated.GetProperty("state").GetString().ShouldBe("Terminated");
        terminated.GetProperty("current").GetProperty("terminationReason").GetString().ShouldBe("The program ended");
        await RefusedAsync(() => admin.PostAsJsonAsync($"{AgreementApi.Base}/{active}/terminate", new { reason = "Again" }), HttpStatusCode.Conflict, DataSharingErrorCodes.IllegalTransition);
        await RefusedAsync(() => admin.PutAsJsonAsync($"{AgreementApi.Base}/{active}/draft", AgreementBodies.ThreeParty(app)), HttpStatusCode.Conflict, DataSharingErrorCodes.AgreementNotEditable);
    }

    [Fact]
    public async Task Submission_rules_are_422_with_their_codes_and_the_partnership_setting_requires_a_community_owner()
    {
        using var admin = await app.ClientAsync("alpha", "admin");

        async Task RefusedOnSubmitAsync(System.Text.Json.Nodes.JsonObject body, string code)
        {
            var id = await _api.CreateAsync(body);
            var before = await _api.SnapshotAsync();
            await (await admin.PostAsync($"{AgreementApi.Base}/{id}/submit", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, code);
            (await _api.SnapshotAsync()).ShouldBe(before);
            (await _api.GetAsync(id)).GetProperty("state").GetString().ShouldBe("Draft");
        }

        // PHI needs a breach window and a destruction date; a draft may lack them, submission may not.
        await RefusedOnSubmitAsync(Body("PHI, no window", "PHI", breachNotificationDays: null), DataSharingErrorCodes.PhiNeedsBreachWindow);
        await RefusedOnSubmitAsync(Body("PHI, no destruction", "PHI", destructionDate: null), DataSharingErrorCodes.PhiNeedsDestructionDate);
        await RefusedOnSubmitAsync(Body("Less sensitive than its elements", "Deidentified"), DataSharingErrorCodes.SensitivityBelowElements);
        var backwards = Body("Ends before it starts");
        backwards["effectiveTo"] = "2025-12-31";
        await RefusedOnSubmitAsync(backwards, DataSharingErrorCodes.EndBeforeStart);
        var unsigned = Body("No signatory");
        Party(unsigned, 2).Remove("signatoryUserId");
        await RefusedOnSubmitAsync(unsigned, DataSharingErrorCodes.SignatoryRequired);
        var alone = Body("One party");
        alone["parties"]!.AsArray().RemoveAt(2);
        alone["parties"]!.AsArray().RemoveAt(1);
        await RefusedOnSubmitAsync(alone, DataSharingErrorCodes.TooFewParties);

        // With the window and the date, PHI goes through.
        var phi = await _api.CreateAsync(Body("PHI, complete", "PHI"));
        await _api.SubmitAsync(phi);

        // The partnership's setting: a community owner required.
        var noOwner = Body("No community owner");
        Party(noOwner, 1)["role"] = "Steward";
        var noOwnerId = await _api.CreateAsync(noOwner);
        var settings = await (await admin.GetAsync("/api/data-sharing/settings")).ReadJsonAsync();
        settings.GetProperty("requireCommunityOwner").GetBoolean().ShouldBeFalse();
        settings.GetProperty("expiryReminderDays").EnumerateArray().Select(d => d.GetInt32()).ShouldBe([60, 30, 7]);
        var saved = await (await admin.PutAsJsonAsync("/api/data-sharing/settings", new { requireCommunityOwner = true, expiryReminderDays = new[] { 7, 90, 30, 7 }, destructionReminderDays = new[] { 14 } })).ReadJsonAsync();
        saved.GetProperty("expiryReminderDays").EnumerateArray().Select(d => d.GetInt32()).ShouldBe([90, 30, 7]);
        try
        {
            var before = await _api.SnapshotAsync();
            await (await admin.PostAsync($"{AgreementApi.Base}/{noOwnerId}/submit", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, DataSharingErrorCodes.CommunityOwnerRequired);
            (await _api.SnapshotAsync()).ShouldBe(before);
            using var staff = await app.ClientAsync("alpha", "alpha-staff");
            (await (await staff.GetAsync("/api/data-sharing/settings")).ReadJsonAsync()).GetProperty("requireCommunityOwner").GetBoolean().ShouldBeTrue();
            await (await staff.PutAsJsonAsync("/api/data-sharing/settings", new { requireCommunityOwner = false, expiryReminderDays = new[] { 30 }, destructionReminderDays = new[] { 30 } }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            foreach (var bad in new object[]
                     {
                         new { requireCommunityOwner = false, expiryReminderDays = new[] { 0 }, destructionReminderDays = new[] { 30 } },
                         new { requireCommunityOwner = false, expiryReminderDays = new[] { 30 }, destructionReminderDays = new[] { 367 } },
                         new { requireCommunityOwner = false, expiryReminderDays = new[] { 1, 2, 3, 4, 5, 6, 7 }, destructionReminderDays = new[] { 30 } },
                     })
            {
                await (await admin.PutAsJsonAsync("/api/data-sharing/settings", bad)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
            }

            (await _api.SnapshotAsync()).ShouldBe(before);
        }
        finally
        {
            await (await admin.PutAsJsonAsync("/api/data-sharing/settings", new { requireCommunityOwner = false, expiryReminderDays = new[] { 60, 30, 7 }, destructionReminderDays = new[] { 60, 30, 7 } }))
                .ShouldBeSuccessAsync();
        }

        await _api.SubmitAsync(noOwnerId);
    }

    [Fact]
    public async Task Party_ids_given_on_edit_keep_identity_and_unknown_ones_are_new_parties()
    {
        var id = await _api.CreateAsync(AgreementBodies.ThreeParty(app, "Identity across edits"));
        var parties = (await _api.GetAsync(id)).GetProperty("current").GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        var body = Body("Identity across edits, edited");
        Party(body, 0)["id"] = parties[0].ToString();
        var invented = Guid.NewGuid();
        Party(body, 1)["id"] = invented.ToString();
        using var admin = await app.ClientAsync("alpha", "admin");
        await (await admin.PutAsJsonAsync($"{AgreementApi.Base}/{id}/draft", body)).ShouldBeSuccessAsync();

        var edited = (await _api.GetAsync(id)).GetProperty("current").GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        edited[0].ShouldBe(parties[0]);
        edited[1].ShouldNotBe(invented);
        edited[1].ShouldNotBe(parties[1]);
        edited[2].ShouldNotBe(parties[2]);

        var duplicated = Body("Two parties, one id");
        Party(duplicated, 0)["id"] = parties[0].ToString();
        Party(duplicated, 1)["id"] = parties[0].ToString();
        var before = await _api.SnapshotAsync();
        (await (await admin.PutAsJsonAsync($"{AgreementApi.Base}/{id}/draft", duplicated)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("parties", out _).ShouldBeTrue();
        (await _api.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_audit_log_holds_every_change_and_each_view_of_a_PHI_agreement()
    {
        var phi = await _api.CreateAsync(Body("Audited PHI agreement", "PHI"));
        await _api.SubmitAsync(phi);
        foreach (var signer in AgreementApi.Signers)
        {
            await (await _api.SignAsync(phi, signer)).ShouldBeSuccessAsync();
        }

        using var admin = await app.ClientAsync("alpha", "admin");

        async Task<List<JsonElement>> EntriesAsync(string type, Guid? id = null)
        {
            var page = await (await admin.GetAsync($"/api/audit-logs?EntityType={type}{(id is null ? string.Empty : $"&EntityId={id}")}&sorting=time&maxResultCount=1000")).ReadJsonAsync();
            return page.GetProperty("items").EnumerateArray().ToList();
        }

        var readsBefore = (await EntriesAsync("Agreement", phi)).Count(e => e.GetProperty("action").GetString() == "Read");
        using var university = await app.ClientAsync("alpha", "university-signer");
        await (await university.GetAsync($"{AgreementApi.Base}/{phi}")).ShouldBeSuccessAsync();
        await (await admin.GetAsync($"{AgreementApi.Base}/{phi}/versions/1")).ShouldBeSuccessAsync();

        var entries = await EntriesAsync("Agreement", phi);
        var reads = entries.Where(e => e.GetProperty("action").GetString() == "Read").ToList();
        reads.Count.ShouldBe(readsBefore + 2);
        reads[^2].GetProperty("userName").GetString().ShouldBe("university-signer");
        reads[^1].GetProperty("userName").GetString().ShouldBe("admin");
        var changes = entries.Where(e => e.GetProperty("action").GetString() != "Read").ToList();
        changes[0].GetProperty("action").GetString().ShouldBe("Created");
        changes.ShouldContain(e => e.GetProperty("action").GetString() == "Updated"
                                   && Values(e).Contains("\"Active\"", StringComparison.Ordinal));
        var signatures = await EntriesAsync("AgreementSignature");
        signatures.Count(e => e.GetProperty("action").GetString() == "Created" && Values(e).Contains(DataSharingFixture.PeerAddress, StringComparison.Ordinal))
            .ShouldBeGreaterThanOrEqualTo(3);
        (await EntriesAsync("AgreementVersion")).ShouldContain(e => e.GetProperty("action").GetString() == "Updated");

        // A view of an agreement that covers no PHI is not recorded.
        var plain = await _api.CreateAsync(Body("Not PHI", "LimitedDataSet"));
        await (await admin.GetAsync($"{AgreementApi.Base}/{plain}")).ShouldBeSuccessAsync();
        (await EntriesAsync("Agreement", plain)).ShouldNotContain(e => e.GetProperty("action").GetString() == "Read");
    }
}
