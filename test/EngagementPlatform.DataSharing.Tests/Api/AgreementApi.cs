namespace EngagementPlatform.DataSharing.Tests.Api;

/// <summary>The agreement endpoints as the web app calls them, for the module's API tests.</summary>
internal sealed class AgreementApi(DataSharingFixture app)
{
    public const string Base = "/api/data-sharing/agreements";

    /// <summary>The three signatories of <see cref="AgreementBodies.ThreeParty"/>, in party order.</summary>
    public static readonly string[] Signers = ["agency-signer", "community-signer", "university-signer"];

    public Task<string> CountAsync(string table, string? where = null)
        => TestRows.ReadAsync(app.ConnectionString, $"SELECT count(*) FROM data_sharing.{table}{(where is null ? string.Empty : " WHERE " + where)}").ContinueWith(t => t.Result.Single());

    /// <summary>Every row count of the module's tables, to show a refusal changed nothing.</summary>
    public async Task<string> SnapshotAsync()
        => string.Join(",", (await TestRows.ReadAsync(app.ConnectionString,
            "SELECT concat_ws('|', (SELECT count(*) FROM data_sharing.agreements), (SELECT count(*) FROM data_sharing.agreement_versions), "
            + "(SELECT count(*) FROM data_sharing.agreement_signatures), (SELECT count(*) FROM data_sharing.destruction_attestations), "
            + "(SELECT count(*) FROM data_sharing.settings), (SELECT string_agg(concurrency_stamp, '' ORDER BY id) FROM data_sharing.agreements), "
            + "(SELECT string_agg(state || coalesce(content_hash, '') || title, '' ORDER BY id) FROM data_sharing.agreement_versions))")));

    public async Task<Guid> CreateAsync(object body, string tenant = "alpha", string user = "admin")
    {
        using var client = await app.ClientAsync(tenant, user);
        var response = await client.PostAsJsonAsync(Base, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"{Base}/{id}");
        return id;
    }

    public async Task<JsonElement> GetAsync(Guid id, string user = "admin", string tenant = "alpha")
    {
        using var client = await app.ClientAsync(tenant, user);
        return await (await client.GetAsync($"{Base}/{id}")).ReadJsonAsync();
    }

    public async Task SubmitAsync(Guid id, string user = "admin")
    {
        using var client = await app.ClientAsync("alpha", user);
        var response = await client.PostAsync($"{Base}/{id}/submit", null);
        await response.ShouldBeSuccessAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    /// <summary>The signatory reads the agreement and signs what they are asked to sign, as themselves.</summary>
    public async Task<HttpResponseMessage> SignAsync(Guid id, string signer, string? typedName = null)
    {
        using var client = await app.ClientAsync("alpha", signer);
        var detail = await (await client.GetAsync($"{Base}/{id}")).ReadJsonAsync();
        var request = detail.GetProperty("mySignatureRequests").EnumerateArray().ShouldHaveSingleItem();
        return await client.PostAsJsonAsync($"{Base}/{id}/signatures", new
        {
            versionNumber = request.GetProperty("versionNumber").GetInt32(),
            partyId = request.GetProperty("partyId").GetGuid(),
            contentHash = request.GetProperty("contentHash").GetString(),
            typedName = typedName ?? $"{signer} typed",
        });
    }

    /// <summary>Creates the usual three-party agreement, submits it and has all three sign: Active.</summary>
    public async Task<Guid> ActiveAsync(string title = "Community health survey data", string sensitivity = "LimitedDataSet")
    {
        var id = await CreateAsync(AgreementBodies.ThreeParty(app, title, sensitivity));
        await SubmitAsync(id);
        foreach (var signer in Signers)
        {
            await (await SignAsync(id, signer)).ShouldBeSuccessAsync();
        }

        return id;
    }
}
