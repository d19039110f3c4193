namespace EngagementPlatform.DataSharing.Tests.Api;

/// <summary>The lifecycle over HTTP: three signatures make an agreement Active, an active one is only amended, amendments keep history.</summary>
public sealed class AgreementLifecycleApiTests(DataSharingFixture app) : IClassFixture<DataSharingFixture>
{
    private readonly AgreementApi _api = new(app);

    [Fact]
    public async Task A_three_party_agreement_becomes_active_only_after_all_three_sign_as_themselves()
    {
        var id = await _api.CreateAsync(AgreementBodies.ThreeParty(app));
        var draft = await _api.GetAsync(id);
        draft.GetProperty("state").GetString().ShouldBe("Draft");
        draft.GetProperty("currentVersionNumber").GetInt32().ShouldBe(1);
        draft.GetProperty("canManage").GetBoolean().ShouldBeTrue();
        var parties = draft.GetProperty("current").GetProperty("parties").EnumerateArray().ToList();
        parties.Select(p => p.GetProperty("signatoryName").GetString()).ShouldAllBe(n => !string.IsNullOrEmpty(n));
        parties[0].GetProperty("contactEmail").GetString().ShouldBe("data-office@county.example.org");

        await _api.SubmitAsync(id);
        var inReview = await _api.GetAsync(id);
        inReview.GetProperty("state").GetString().ShouldBe("InReview");
        var hash = inReview.GetProperty("current").GetProperty("contentHash").GetString()!;
        hash.Length.ShouldBe(64);

        for (var i = 0; i < AgreementApi.Signers.Length; i++)
        {
            var signer = AgreementApi.Signers[i];
            var response = await _api.SignAsync(id, signer, typedName: $"Signer {i}");
            response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
            var after = await _api.GetAsync(id);
            after.GetProperty("state").GetString().ShouldBe(i < 2 ? "InReview" : "Active");
            after.GetProperty("versions")[0].GetProperty("signatureCount").GetInt32().ShouldBe(i + 1);
        }

        var active = await _api.GetAsync(id);
        var version = active.GetProperty("current");
        version.GetProperty("state").GetString().ShouldBe("Active");
        version.GetProperty("activatedAt").ValueKind.ShouldBe(JsonValueKind.String);
        var signatures = version.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("signature")).ToList();
        signatures.Select(s => s.GetProperty("signerUserId").GetGuid()).ShouldBe([app.AgencySignerId, app.CommunitySignerId, app.UniversitySignerId]);
        signatures.Select(s => s.GetProperty("typedName").GetString()).ShouldBe(["Signer 0", "Signer 1", "Signer 2"]);
        signatures.ShouldAllBe(s => s.GetProperty("contentHash").GetString() == hash);
        signatures.ShouldAllBe(s => s.GetProperty("ipAddress").GetString() == DataSharingFixture.PeerAddress);
        (await _api.CountAsync("agreement_signatures", $"version_id IN (SELECT id FROM data_sharing.agreement_versions WHERE agreement_id = '{id}')")).ShouldBe("3");
    }

    [Fact]
    public async Task Editing_an_active_agreement_is_refused_with_a_code_and_changes_nothing()
    {
        var id = await _api.ActiveAsync("Active, not editable");
        var before = await _api.SnapshotAsync();
        using var admin = await app.ClientAsync("alpha", "admin");

        var problem = await (await admin.PutAsJsonAsync($"{AgreementApi.Base}/{id}/draft", AgreementBodies.ThreeParty(app, "Changed title")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, DataSharingErrorCodes.AgreementNotEditable);
        problem.GetProperty("title").GetString()!.ShouldContain("amendment");

        (await _api.SnapshotAsync()).ShouldBe(before);
        var detail = await _api.GetAsync(id);
        detail.GetProperty("title").GetString().ShouldBe("Active, not editable");
        detail.GetProperty("state").GetString().ShouldBe("Active");
    }

    [Fact]
    public async Task An_amendment_keeps_version_1_and_its_signatures_readable_and_supersedes_it_once_signed()
    {
        var id = await _api.ActiveAsync("Amended agreement");
        using var admin = await app.ClientAsync("alpha", "admin");
        var v1Before = await (await admin.GetAsync($"{AgreementApi.Base}/{id}/versions/1")).ReadJsonAsync();

        var amend = await admin.PostAsync($"{AgreementApi.Base}/{id}/amendments", null);
        amend.StatusCode.ShouldBe(HttpStatusCode.Created, await amend.Content.ReadAsStringAsync());
        (await amend.ReadJsonAsync()).GetProperty("versionNumber").GetInt32().ShouldBe(2);
        amend.Headers.Location!.ToString().ShouldBe($"{AgreementApi.Base}/{id}/versions/2");

        // The draft v2 keeps the parties' identities; its edit changes v2 only.
        var amended = await _api.GetAsync(id);
        amended.GetProperty("state").GetString().ShouldBe("Active");
        amended.GetProperty("amendmentState").GetString().ShouldBe("Draft");
        var v2Parties = amended.GetProperty("amendment").GetProperty("parties").EnumerateArray().ToList();
        var body = Edited(v2Parties, "Amended agreement, second version");
        await (await admin.PutAsJsonAsync($"{AgreementApi.Base}/{id}/draft", body)).ShouldBeSuccessAsync();

        var v1 = await (await admin.GetAsync($"{AgreementApi.Base}/{id}/versions/1")).ReadJsonAsync();
        v1.GetRawText().ShouldBe(v1Before.GetRawText());
        v1.GetProperty("state").GetString().ShouldBe("Active");
        v1.GetProperty("parties").EnumerateArray().ShouldAllBe(p => p.GetProperty("signature").ValueKind == JsonValueKind.Object);
        var v2 = await (await admin.GetAsync($"{AgreementApi.Base}/{id}/versions/2")).ReadJsonAsync();
        v2.GetProperty("state").GetString().ShouldBe("Draft");
        v2.GetProperty("title").GetString().ShouldBe("Amended agreement, second version");
        v2.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())
            .ShouldBe(v1.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        v2.GetProperty("parties").EnumerateArray().ShouldAllBe(p => p.GetProperty("signature").ValueKind == JsonValueKind.Null);

        await _api.SubmitAsync(id);
        foreach (var signer in AgreementApi.Signers)
        {
            await (await _api.SignAsync(id, signer)).ShouldBeSuccessAsync();
        }

        var after = await _api.GetAsync(id);
        after.GetProperty("currentVersionNumber").GetInt32().ShouldBe(2);
        after.GetProperty("title").GetString().ShouldBe("Amended agreement, second version");
        after.GetProperty("amendment").ValueKind.ShouldBe(JsonValueKind.Null);
        var versions = await (await admin.GetAsync($"{AgreementApi.Base}/{id}/versions")).ReadJsonAsync();
        versions.EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("state").GetString(), v.GetProperty("signatureCount").GetInt32()))
            .ShouldBe([(1, "Superseded", 3), (2, "Active", 3)]);
        var supersededV1 = await (await admin.GetAsync($"{AgreementApi.Base}/{id}/versions/1")).ReadJsonAsync();
        supersededV1.GetProperty("state").GetString().ShouldBe("Superseded");
        supersededV1.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("signature").GetRawText())
            .ShouldBe(v1Before.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("signature").GetRawText()));
    }

    /// <summary>An edit body from a version's parties (ids kept) and the usual terms, with another title.</summary>
    private object Edited(List<JsonElement> parties, string title)
    {
        var usual = JsonSerializer.SerializeToElement(AgreementBodies.ThreeParty(app, title), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var dict = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(usual.GetRawText())!;
        dict["parties"] = JsonSerializer.SerializeToElement(parties.Select(p => new
        {
            id = p.GetProperty("id").GetGuid(),
            name = p.GetProperty("name").GetString(),
            kind = p.GetProperty("kind").GetString(),
            role = p.GetProperty("role").GetString(),
            signatoryUserId = p.GetProperty("signatoryUserId").GetGuid(),
            contactEmail = p.GetProperty("contactEmail").GetString(),
            signatureRequired = p.GetProperty("signatureRequired").GetBoolean(),
        }));
        return dict;
    }
}
