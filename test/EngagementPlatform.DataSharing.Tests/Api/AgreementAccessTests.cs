namespace EngagementPlatform.DataSharing.Tests.Api;

/// <summary>Who may read and sign: another partnership (404 everywhere), the plan (403), signatories without the permission.</summary>
public sealed class AgreementAccessTests(DataSharingFixture app) : IClassFixture<DataSharingFixture>
{
    private readonly AgreementApi _api = new(app);

    /// <summary>Every agreement endpoint that names an agreement, with a body that would otherwise be accepted.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> EveryAgreementEndpoint(Guid id, object body) =>
    [
        (HttpMethod.Get, $"{AgreementApi.Base}/{id}", null),
        (HttpMethod.Get, $"{AgreementApi.Base}/{id}/versions", null),
        (HttpMethod.Get, $"{AgreementApi.Base}/{id}/versions/1", null),
        (HttpMethod.Put, $"{AgreementApi.Base}/{id}/draft", body),
        (HttpMethod.Post, $"{AgreementApi.Base}/{id}/submit", null),
        (HttpMethod.Post, $"{AgreementApi.Base}/{id}/return-to-draft", null),
        (HttpMethod.Post, $"{AgreementApi.Base}/{id}/signatures", new { versionNumber = 1, partyId = Guid.NewGuid(), contentHash = new string('a', 64), typedName = "Someone" }),
        (HttpMethod.Post, $"{AgreementApi.Base}/{id}/terminate", new { reason = "Ended" }),
        (HttpMethod.Post, $"{AgreementApi.Base}/{id}/amendments", null),
    ];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task Another_partnership_gets_404_for_every_agreement_endpoint_and_changes_nothing()
    {
        var draft = await _api.CreateAsync(AgreementBodies.ThreeParty(app, "Alpha's draft"));
        var active = await _api.ActiveAsync("Alpha's active agreement");
        var before = await _api.SnapshotAsync();
        using var betaAdmin = await app.ClientAsync("beta", "admin");
        var betaBody = new
        {
            title = "Beta's try", purpose = "Overwrite alpha's agreement", sensitivity = "Public",
            parties = new[] { new { name = "Beta party", kind = "Agency", role = "DataProvider", signatoryUserId = app.BetaSignerId } },
            dataElements = Array.Empty<object>(),
            governance = new { dataOwner = "Beta", whoMayPublish = "Beta", communityReviewBeforePublication = false },
            permittedUses = Array.Empty<string>(),
            effectiveFrom = "2026-01-01",
        };

        var seen = 0;
        foreach (var id in new[] { draft, active })
        {
            foreach (var (method, path, body) in EveryAgreementEndpoint(id, betaBody))
            {
                await (await SendAsync(betaAdmin, method, path, body)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
                seen++;
            }
        }

        seen.ShouldBe(18);
        (await _api.SnapshotAsync()).ShouldBe(before);
        (await (await betaAdmin.GetAsync("/api/data-sharing/me/signature-requests")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_partnership_without_the_feature_gets_403_feature_not_enabled()
    {
        using var gamma = await app.ClientAsync("gamma", "admin");
        var id = await _api.CreateAsync(AgreementBodies.ThreeParty(app, "Alpha's, asked for by gamma"));
        var before = await _api.SnapshotAsync();
        foreach (var (method, path, body) in EveryAgreementEndpoint(id, AgreementBodies.ThreeParty(app)).Append((HttpMethod.Post, AgreementApi.Base, AgreementBodies.ThreeParty(app)))
                     .Append((HttpMethod.Get, "/api/data-sharing/me/signature-requests", null)).Append((HttpMethod.Get, "/api/data-sharing/settings", null))
                     .Append((HttpMethod.Put, "/api/data-sharing/settings", new { requireCommunityOwner = true, expiryReminderDays = new[] { 30 }, destructionReminderDays = new[] { 30 } })))
        {
            await (await SendAsync(gamma, method, path, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Saas:FeatureNotEnabled");
        }

        (await _api.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_signatory_without_the_permission_reads_and_signs_their_agreement_but_not_another()
    {
        var theirs = await _api.CreateAsync(AgreementBodies.ThreeParty(app, "Signed by the community"));
        await _api.SubmitAsync(theirs);
        // An agreement that does not name community-signer.
        var other = await _api.CreateAsync(new
        {
            title = "County and university only",
            purpose = "A two-party exchange",
            sensitivity = "Deidentified",
            parties = new object[]
            {
                new { name = "County Health Department", kind = "Agency", role = "DataProvider", signatoryUserId = app.AgencySignerId },
                new { name = "State University", kind = "ResearchPartner", role = "Recipient", signatoryUserId = app.UniversitySignerId },
            },
            dataElements = Array.Empty<object>(),
            governance = new { dataOwner = "County", whoMayPublish = "University", communityReviewBeforePublication = false },
            permittedUses = new[] { "Evaluation" },
            effectiveFrom = "2026-01-01",
        });
        await _api.SubmitAsync(other);

        using var community = await app.ClientAsync("alpha", "community-signer");
        var detail = await (await community.GetAsync($"{AgreementApi.Base}/{theirs}")).ReadJsonAsync();
        detail.GetProperty("canManage").GetBoolean().ShouldBeFalse();
        detail.GetProperty("mySignatureRequests").GetArrayLength().ShouldBe(1);
        await (await community.GetAsync($"{AgreementApi.Base}/{theirs}/versions")).ShouldBeSuccessAsync();
        await (await community.GetAsync($"{AgreementApi.Base}/{theirs}/versions/1")).ShouldBeSuccessAsync();
        var requests = await (await community.GetAsync("/api/data-sharing/me/signature-requests")).ReadJsonAsync();
        requests.EnumerateArray().Select(r => r.GetProperty("agreementId").GetGuid()).ShouldBe([theirs]);
        requests[0].GetProperty("partyName").GetString().ShouldBe("Eastside Neighbors Association");

        var before = await _api.SnapshotAsync();
        foreach (var path in new[] { $"{AgreementApi.Base}/{other}", $"{AgreementApi.Base}/{other}/versions", $"{AgreementApi.Base}/{other}/versions/1" })
        {
            await (await community.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        using var admin = await app.ClientAsync("alpha", "admin");
        var otherVersion = await (await admin.GetAsync($"{AgreementApi.Base}/{other}/versions/1")).ReadJsonAsync();
        await (await community.PostAsJsonAsync($"{AgreementApi.Base}/{other}/signatures", new
        {
            versionNumber = 1,
            partyId = otherVersion.GetProperty("parties")[0].GetProperty("id").GetGuid(),
            contentHash = otherVersion.GetProperty("contentHash").GetString(),
            typedName = "Not mine",
        })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Managing needs the permission even on one's own agreement; the register is not theirs to read.
        await (await community.PostAsync($"{AgreementApi.Base}/{theirs}/return-to-draft", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await community.PostAsJsonAsync(AgreementApi.Base, AgreementBodies.ThreeParty(app))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await community.GetAsync("/api/data-sharing/settings")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Signing for another party of their own agreement: 403, the domain's code.
        var university = detail.GetProperty("current").GetProperty("parties")[2];
        await (await community.PostAsJsonAsync($"{AgreementApi.Base}/{theirs}/signatures", new
        {
            versionNumber = 1,
            partyId = university.GetProperty("id").GetGuid(),
            contentHash = detail.GetProperty("current").GetProperty("contentHash").GetString(),
            typedName = "Not my party",
        })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, DataSharingErrorCodes.NotTheSignatory);
        (await _api.SnapshotAsync()).ShouldBe(before);

        await (await _api.SignAsync(theirs, "community-signer")).ShouldBeSuccessAsync();
        var signed = await (await community.GetAsync($"{AgreementApi.Base}/{theirs}")).ReadJsonAsync();
        signed.GetProperty("current").GetProperty("parties")[1].GetProperty("signature").GetProperty("signerUserId").GetGuid().ShouldBe(app.CommunitySignerId);
        signed.GetProperty("mySignatureRequests").GetArrayLength().ShouldBe(0);
        (await (await community.GetAsync("/api/data-sharing/me/signature-requests")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Two_signatures_of_one_party_at_once_give_one_signature_and_one_409_already_signed()
    {
        var id = await _api.CreateAsync(AgreementBodies.ThreeParty(app, "Raced signature"));
        await _api.SubmitAsync(id);
        using var agency = await app.ClientAsync("alpha", "agency-signer");
        var request = (await (await agency.GetAsync($"{AgreementApi.Base}/{id}")).ReadJsonAsync()).GetProperty("mySignatureRequests")[0];
        var body = new
        {
            versionNumber = 1,
            partyId = request.GetProperty("partyId").GetGuid(),
            contentHash = request.GetProperty("contentHash").GetString(),
            typedName = "Ana Ruiz",
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => agency.PostAsJsonAsync($"{AgreementApi.Base}/{id}/signatures", body)));
        responses.Count(r => r.StatusCode == HttpStatusCode.NoContent).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.NoContent))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, DataSharingErrorCodes.AlreadySigned);
        }

        (await _api.CountAsync("agreement_signatures", $"version_id IN (SELECT id FROM data_sharing.agreement_versions WHERE agreement_id = '{id}')")).ShouldBe("1");

        // Two parties signing at once both get their signature (the row lock makes the second wait, not fail).
        var both = await Task.WhenAll(_api.SignAsync(id, "community-signer"), _api.SignAsync(id, "university-signer"));
        foreach (var response in both)
        {
            await response.ShouldBeSuccessAsync();
        }

        (await _api.GetAsync(id)).GetProperty("state").GetString().ShouldBe("Active");
    }
}
