using System.Text;
using CsvHelper;
using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.Framework.Timing;

namespace EngagementPlatform.DataSharing.Tests.Api;

/// <summary>
/// The register (GET /api/data-sharing/agreements): every filter with rows that must and must not match, sorting,
/// refusals with their codes, the partnership's time zone, the CSV export parsed back, and the register's fixed cost;
/// and the diff between two versions of an agreement (GET /api/data-sharing/agreements/{id}/diff).
/// Each test names its rows with its own title prefix and filters on it, so tests sharing the fixture do not meet.
/// </summary>
public sealed class RegisterTests(DataSharingFixture app) : IClassFixture<DataSharingFixture>
{
    private const string Register = "/api/data-sharing/agreements";

    private readonly RegisterSeed _seed = new(app);

    private AgreementParty Agency(string name = "County Health Department") => RegisterSeed.Party(name, PartyRole.DataProvider, app.AgencySignerId, PartyKind.Agency);

    private AgreementParty Community(string name) => RegisterSeed.Party(name, PartyRole.CommunityOwner, app.CommunitySignerId);

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string query)
    {
        var body = await (await client.GetAsync($"{Register}?maxResultCount=100&{query}")).ReadJsonAsync();
        var items = body.GetProperty("items").EnumerateArray().ToList();
        body.GetProperty("totalCount").GetInt64().ShouldBe(items.Count);
        return items;
    }

    private static List<string> Titles(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("title").GetString()!)];

    [Fact]
    public async Task Each_filter_keeps_the_rows_that_match_and_only_those()
    {
        var today = await _seed.TodayAsync(app.AlphaId);
        var from = today.AddMonths(-6);
        async Task<Guid> Active(string title, DateOnly? to, string community = "Eastside Neighbors Association", DataSensitivity sensitivity = DataSensitivity.Deidentified)
            => await _seed.SaveAsync(app.AlphaId, RegisterSeed.Content(title, [Agency(), Community(community)], from, to, sensitivity), RegisterSeed.SignedByAll);

        await Active("Flt ends in 10 days", today.AddDays(10), "100% Club");
        await Active("Flt ends today", today, "A_B Organization");
        await Active("Flt ends in 30 days", today.AddDays(30));
        await Active("Flt ends in 31 days", today.AddDays(31), "1000 Club");
        await Active("Flt ended yesterday", today.AddDays(-1), "AxB Organization"); // the daily job has not run yet: Active, past its end
        await Active("Flt open-ended PHI", null, sensitivity: DataSensitivity.PHI);
        await _seed.SaveAsync(app.AlphaId, RegisterSeed.Content("Flt draft ends in 10 days", [Agency(), Community("Westside Tenants Union")], from, today.AddDays(10)));
        await _seed.SaveAsync(app.AlphaId, RegisterSeed.Content("Flt in review", [Agency(), Community("Westside Tenants Union")], from, today.AddDays(10)), RegisterSeed.Submitted);
        await _seed.SaveAsync(app.BetaId, RegisterSeed.Content("Flt beta ends in 10 days", [RegisterSeed.Party("Beta County", PartyRole.DataProvider, app.BetaSignerId), RegisterSeed.Party("100% Club", PartyRole.CommunityOwner, app.BetaSignerId)], from, today.AddDays(10)), RegisterSeed.SignedByAll);
        using var admin = await app.ClientAsync("alpha", "admin");

        Titles(await ItemsAsync(admin, "filter=Flt%20")).ShouldBe(
        [
            "Flt draft ends in 10 days", "Flt ended yesterday", "Flt ends in 10 days", "Flt ends in 30 days", "Flt ends in 31 days", "Flt ends today",
            "Flt in review", "Flt open-ended PHI",
        ]); // title order; beta's agreement never shows

        Titles(await ItemsAsync(admin, "filter=Flt%20&state=Active")).ShouldBe(
            ["Flt ended yesterday", "Flt ends in 10 days", "Flt ends in 30 days", "Flt ends in 31 days", "Flt ends today", "Flt open-ended PHI"]);
        Titles(await ItemsAsync(admin, "filter=Flt%20&state=InReview")).ShouldBe(["Flt in review"]);
        Titles(await ItemsAsync(admin, "filter=Flt%20&state=Draft")).ShouldBe(["Flt draft ends in 10 days"]);
        Titles(await ItemsAsync(admin, "filter=Flt%20&sensitivity=PHI")).ShouldBe(["Flt open-ended PHI"]);

        // Party: case-insensitive text in a party's name, wildcards taken literally.
        Titles(await ItemsAsync(admin, "filter=Flt%20&party=100%25")).ShouldBe(["Flt ends in 10 days"]); // not "1000 Club"
        Titles(await ItemsAsync(admin, "filter=Flt%20&party=a_b")).ShouldBe(["Flt ends today"]); // not "AxB Organization"
        Titles(await ItemsAsync(admin, "filter=Flt%20&party=WESTSIDE")).ShouldBe(["Flt draft ends in 10 days", "Flt in review"]);
        (await ItemsAsync(admin, "filter=Flt%20&party=Flt")).ShouldBeEmpty(); // the title is not a party

        // Filter: the title or a party.
        Titles(await ItemsAsync(admin, "filter=OPEN-ENDED")).ShouldBe(["Flt open-ended PHI"]);
        Titles(await ItemsAsync(admin, "filter=westside%20tenants")).ShouldBe(["Flt draft ends in 10 days", "Flt in review"]);
        (await ItemsAsync(admin, "filter=Flt%25ends")).ShouldBeEmpty(); // % is a percent sign, not a wildcard

        // Expiring within 30 days: Active, end date from today to today + 30 (both ends in), and nothing else.
        var expiring = await ItemsAsync(admin, "filter=Flt%20&expiringWithinDays=30");
        Titles(expiring).ShouldBe(["Flt ends in 10 days", "Flt ends in 30 days", "Flt ends today"]);
        expiring.Select(i => i.GetProperty("daysUntilEnd").GetInt32()).ShouldBe([10, 30, 0]);
        Titles(await ItemsAsync(admin, "filter=Flt%20&expiringWithinDays=0")).ShouldBe(["Flt ends today"]);

        var all = await ItemsAsync(admin, "filter=Flt%20");
        var row = all.Single(i => i.GetProperty("title").GetString() == "Flt ends in 10 days");
        row.GetProperty("state").GetString().ShouldBe("Active");
        row.GetProperty("sensitivity").GetString().ShouldBe("Deidentified");
        row.GetProperty("partyNames").GetString().ShouldBe("County Health Department; 100% Club");
        row.GetProperty("effectiveTo").GetString().ShouldBe(today.AddDays(10).ToString("yyyy-MM-dd"));
        row.GetProperty("currentVersionNumber").GetInt32().ShouldBe(1);
        row.GetProperty("amendmentState").ValueKind.ShouldBe(JsonValueKind.Null);
        all.Single(i => i.GetProperty("title").GetString() == "Flt ended yesterday").GetProperty("daysUntilEnd").GetInt32().ShouldBe(-1);
        all.Single(i => i.GetProperty("title").GetString() == "Flt open-ended PHI").GetProperty("daysUntilEnd").ValueKind.ShouldBe(JsonValueKind.Null);

        // Beta sees its own agreement only.
        using var beta = await app.ClientAsync("beta", "admin");
        Titles(await ItemsAsync(beta, "filter=Flt%20")).ShouldBe(["Flt beta ends in 10 days"]);
        Titles(await ItemsAsync(beta, "party=100%25")).ShouldBe(["Flt beta ends in 10 days"]);
    }

    [Fact]
    public async Task Sorting_follows_the_allow_list_and_refuses_anything_else()
    {
        var today = await _seed.TodayAsync(app.AlphaId);
        var from = today.AddMonths(-1);
        var sensitivities = new[] { DataSensitivity.PHI, DataSensitivity.Public, DataSensitivity.LimitedDataSet, DataSensitivity.Deidentified };
        for (var n = 0; n < sensitivities.Length; n++)
        {
            var content = RegisterSeed.Content($"Srt {(char)('A' + n)}", [Agency(), Community("Eastside Neighbors Association")], from, today.AddDays(100 - (10 * n)), sensitivities[n]);
            await _seed.SaveAsync(app.AlphaId, content, n % 2 == 0 ? RegisterSeed.SignedByAll : null);
        }

        using var admin = await app.ClientAsync("alpha", "admin");
        Titles(await ItemsAsync(admin, "filter=Srt%20")).ShouldBe(["Srt A", "Srt B", "Srt C", "Srt D"]);
        Titles(await ItemsAsync(admin, "filter=Srt%20&sorting=title%20desc")).ShouldBe(["Srt D", "Srt C", "Srt B", "Srt A"]);
        Titles(await ItemsAsync(admin, "filter=Srt%20&sorting=effectiveTo")).ShouldBe(["Srt D", "Srt C", "Srt B", "Srt A"]);
        Titles(await ItemsAsync(admin, "filter=Srt%20&sorting=sensitivity")).ShouldBe(["Srt B", "Srt D", "Srt C", "Srt A"]); // least to most sensitive
        Titles(await ItemsAsync(admin, "filter=Srt%20&sorting=sensitivity%20desc")).ShouldBe(["Srt A", "Srt C", "Srt D", "Srt B"]);
        Titles(await ItemsAsync(admin, "filter=Srt%20&sorting=state")).ShouldBe(["Srt B", "Srt D", "Srt A", "Srt C"]); // drafts, then active; then title... by id
        var page = await (await admin.GetAsync($"{Register}?filter=Srt%20&maxResultCount=2&skipCount=1")).ReadJsonAsync();
        page.GetProperty("totalCount").GetInt64().ShouldBe(4);
        Titles(page.GetProperty("items").EnumerateArray()).ShouldBe(["Srt B", "Srt C"]);

        var unknown = await (await admin.GetAsync($"{Register}?sorting=partyNames")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");
        unknown.GetProperty("title").GetString()!.ShouldContain("partyNames");
        await (await admin.GetAsync($"{Register}?sorting=title%20sideways")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");
        await (await admin.GetAsync($"{Register}/register.csv?sorting=partyNames")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");
    }

    [Theory]
    [InlineData("expiringWithinDays=-1", "expiringWithinDays")]
    [InlineData("expiringWithinDays=3651", "expiringWithinDays")]
    [InlineData("expiringWithinDays=2147483647", "expiringWithinDays")]
    public async Task Out_of_range_filters_are_refused_with_a_code(string query, string field)
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        foreach (var path in new[] { Register, Register + "/register.csv" })
        {
            var problem = await (await admin.GetAsync($"{path}?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
            problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe("Give a number of days from 0 to 3650.");
        }

        var spanish = new HttpRequestMessage(HttpMethod.Get, $"{Register}?{query}");
        spanish.Headers.AcceptLanguage.ParseAdd("es");
        (await (await admin.SendAsync(spanish)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty(field)[0].GetString()
            .ShouldBe("Indique un número de días entre 0 y 3650.");
    }

    [Fact]
    public async Task Other_refusals_the_register_makes()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        (await (await admin.GetAsync($"{Register}?party={new string('x', 201)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed"))
            .GetProperty("errors").TryGetProperty("party", out _).ShouldBeTrue();
        await (await admin.GetAsync($"{Register}?state=Sleeping")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // A member without DataSharing.Agreements, and a partnership whose plan lacks data sharing.
        using var member = await app.ClientAsync("alpha", "alpha-member");
        (await member.GetAsync(Register)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync(Register + "/register.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var gamma = await app.ClientAsync("gamma", "admin");
        await (await gamma.GetAsync(Register)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Saas:FeatureNotEnabled");
    }

    [Fact]
    public async Task Expiring_soon_counts_from_today_in_the_partnerships_time_zone()
    {
        // Kiritimati (UTC+14) is always a day or two ahead of Pago Pago (UTC-11): an agreement ending on Pago Pago's today
        // has ended for a partnership in Kiritimati, and ends today for one in Pago Pago.
        var pagoPagoToday = TenantCalendar.Today(app.Clock.Now, "Pacific/Pago_Pago");
        var end = pagoPagoToday;
        using var admin = await app.ClientAsync("beta", "admin");
        await SetZoneAsync(admin, "Pacific/Kiritimati");
        await _seed.SaveAsync(app.BetaId,
            RegisterSeed.Content("Zone ends on Pago Pago's today", [RegisterSeed.Party("Beta County", PartyRole.DataProvider, app.BetaSignerId), RegisterSeed.Party("Beta Neighbors", PartyRole.CommunityOwner, app.BetaSignerId)], end.AddMonths(-3), end),
            RegisterSeed.SignedByAll);
        try
        {
            (await ItemsAsync(admin, "filter=Zone%20&expiringWithinDays=30")).ShouldBeEmpty();
            (await ItemsAsync(admin, "filter=Zone%20")).Single().GetProperty("daysUntilEnd").GetInt32().ShouldBeLessThan(0);

            await SetZoneAsync(admin, "Pacific/Pago_Pago");
            var row = (await ItemsAsync(admin, "filter=Zone%20&expiringWithinDays=30")).Single();
            row.GetProperty("daysUntilEnd").GetInt32().ShouldBe(0);
        }
        finally
        {
            await SetZoneAsync(admin, "UTC");
        }
    }

    private static async Task SetZoneAsync(HttpClient admin, string zone)
    {
        await (await admin.PutAsJsonAsync("/api/saas/my-tenant", new { defaultLanguage = "en", timeZone = zone })).ShouldBeSuccessAsync();
        (await (await admin.GetAsync("/api/saas/my-tenant")).ReadJsonAsync()).GetProperty("timeZone").GetString().ShouldBe(zone);
    }

    [Fact]
    public async Task The_csv_export_has_the_filtered_rows_and_parses_back()
    {
        var today = await _seed.TodayAsync(app.AlphaId);
        const string tricky = "Csv a \"quoted\" title, with a comma\nand a line break";
        const string formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        await _seed.SaveAsync(app.AlphaId, RegisterSeed.Content(tricky, [Community(formula), Agency()], today.AddMonths(-1), today.AddDays(20)), RegisterSeed.SignedByAll);
        await _seed.SaveAsync(app.AlphaId, RegisterSeed.Content("Csv niño & café", [Agency(), Community("Asociación Vecinal")], today, null, DataSensitivity.PHI));
        await _seed.SaveAsync(app.AlphaId, RegisterSeed.Content("Csv expiring later", [Agency(), Community("Eastside Neighbors Association")], today.AddMonths(-1), today.AddDays(200)), RegisterSeed.SignedByAll);
        using var admin = await app.ClientAsync("alpha", "admin");

        var response = await admin.GetAsync($"{Register}/register.csv?filter=Csv%20");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName)!.Trim('"')
            .ShouldBe($"data-sharing-agreements-{today:yyyy-MM-dd}.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes).ShouldContain("\r\n");

        var rows = ReadCsv(bytes);
        rows.Select(r => r["Title"]).ShouldBe([tricky, "Csv expiring later", "Csv niño & café"]); // the list's order: title, ordinal
        var first = rows[0];
        first["State"].ShouldBe("Active");
        first["Sensitivity"].ShouldBe("de-identified");
        first["Parties"].ShouldBe("'" + formula + "; County Health Department"); // defused: a spreadsheet shows it as text
        first["Effective to"].ShouldBe(today.AddDays(20).ToString("yyyy-MM-dd"));
        first["Days until end"].ShouldBe("20");
        first["Version"].ShouldBe("1");
        first["Amendment in progress"].ShouldBe(string.Empty);
        Guid.TryParse(first["Agreement id"], out _).ShouldBeTrue();
        rows[2]["State"].ShouldBe("Draft");
        rows[2]["Effective to"].ShouldBe(string.Empty);
        rows[2]["Days until end"].ShouldBe(string.Empty);
        rows[2]["Sensitivity"].ShouldBe("protected health information");
        rows[2]["Parties"].ShouldBe("County Health Department; Asociación Vecinal");

        // The same filters as the list: expiring within 30 days keeps only the first.
        var expiring = ReadCsv(await (await admin.GetAsync($"{Register}/register.csv?filter=Csv%20&expiringWithinDays=30")).Content.ReadAsByteArrayAsync());
        expiring.Select(r => r["Title"]).ShouldBe([tricky]);

        // In Spanish the headings and words are Spanish; dates and numbers stay invariant.
        var spanish = new HttpRequestMessage(HttpMethod.Get, $"{Register}/register.csv?filter=Csv%20&state=Draft");
        spanish.Headers.AcceptLanguage.ParseAdd("es");
        var es = ReadCsv(await (await admin.SendAsync(spanish)).Content.ReadAsByteArrayAsync());
        es.Single()["Título"].ShouldBe("Csv niño & café");
        es.Single()["Estado"].ShouldBe("Borrador");
        es.Single()["Sensibilidad"].ShouldBe("información de salud protegida");

        // Another partnership's export never holds alpha's rows.
        using var beta = await app.ClientAsync("beta", "admin");
        ReadCsv(await (await beta.GetAsync($"{Register}/register.csv?filter=Csv%20")).Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_csv_export_streams_every_row_of_a_large_register()
    {
        var today = await _seed.TodayAsync(app.AlphaId);
        var id = await _seed.SaveAsync(app.AlphaId, RegisterSeed.Content("Big 0000", [Agency(), Community("Eastside Neighbors Association")], today, null));
        await TestRows.CopyAsync(app.ConnectionString, "data_sharing.agreements", $"id = '{id}'", 2999,
            "id = gen_random_uuid(), title = 'Big ' || lpad(copy_n::text, 4, '0')");
        using var admin = await app.ClientAsync("alpha", "admin");
        var bytes = await (await admin.GetAsync($"{Register}/register.csv?filter=Big%20")).Content.ReadAsByteArrayAsync();
        bytes.Length.ShouldBeGreaterThan(3 * 64 * 1024); // more than a few chunks
        var rows = ReadCsv(bytes);
        rows.Count.ShouldBe(3000);
        rows.Select(r => r["Title"]).ShouldBe(Enumerable.Range(0, 3000).Select(n => $"Big {n:0000}"));
    }

    [Fact]
    public async Task The_register_sends_two_statements_whatever_the_page_size_and_reads_no_version()
    {
        var today = await _seed.TodayAsync(app.AlphaId);
        var id = await _seed.SaveAsync(app.AlphaId, RegisterSeed.Content("QC agreement", [Agency(), Community("Eastside Neighbors Association")], today.AddMonths(-1), today.AddDays(20)), RegisterSeed.SignedByAll);
        using var admin = await app.ClientAsync("alpha", "admin");
        static bool Lookup(SqlStatement s) => s.Touches("saas") || s.Sql.Contains("permission_grants", StringComparison.Ordinal);
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, Register, "GetAgreementsQuery", expected: 2,
            fewRows: 1,
            grow: () => TestRows.CopyAsync(app.ConnectionString, "data_sharing.agreements", $"id = '{id}'", 29,
                "id = gen_random_uuid(), title = 'QC agreement ' || lpad(copy_n::text, 2, '0')"),
            manyRows: 30,
            query: "filter=QC%20agreement",
            secretColumns: ["agreement_versions", "agreement_signatures", "concurrency_stamp"],
            lookup: Lookup);
        JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe("QC agreement");

        foreach (var query in new[] { "sorting=effectiveTo%20desc", "state=Active", "party=eastside", "expiringWithinDays=30", "sensitivity=Deidentified" })
        {
            var filtered = await app.Sql.MeasureAsync(admin, Register, "GetAgreementsQuery", 25, "filter=QC%20agreement&" + query, Lookup);
            filtered.Handler.Count.ShouldBe(2, string.Join("\n---\n", filtered.Handler));
            filtered.Total.ShouldBe(30);
        }
    }

    [Fact]
    public async Task The_diff_of_an_amendment_lists_each_change()
    {
        var today = await _seed.TodayAsync(app.AlphaId);
        var county = Agency();
        var eastside = Community("Eastside Neighbors Association");
        var university = RegisterSeed.Party("State University", PartyRole.Recipient, app.UniversitySignerId, PartyKind.ResearchPartner);
        var v1 = RegisterSeed.Content("Diff survey data", [county, eastside, university], today.AddMonths(-2), today.AddYears(1));
        var id = await _seed.SaveAsync(app.AlphaId, v1, RegisterSeed.SignedByAll);
        // The amendment: the community organization becomes a steward, an element is added, a permitted use removed.
        await _seed.UpdateAsync(app.AlphaId, id, (agreement, now, _) =>
        {
            agreement.Amend(now);
            agreement.EditDraft(v1 with
            {
                Parties = [county, eastside with { Role = PartyRole.Steward }, university],
                DataElements = [.. v1.DataElements, new DataElement("Household size", null, DataSensitivity.Deidentified)],
                PermittedUses = ["Program evaluation"],
            });
        });
        using var admin = await app.ClientAsync("alpha", "admin");

        var diff = await (await admin.GetAsync($"{Register}/{id}/diff?from=1&to=2")).ReadJsonAsync();
        diff.GetProperty("from").GetInt32().ShouldBe(1);
        diff.GetProperty("to").GetInt32().ShouldBe(2);
        var changes = diff.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("path").GetString(), c.GetProperty("kind").GetString(), c.GetProperty("before").GetString(), c.GetProperty("after").GetString()))
            .ToList();
        changes.ShouldBe(
        [
            ("parties[Eastside Neighbors Association].role", "Changed", "community owner", "steward"),
            ("dataElements[Household size]", "Added", null, "Household size (de-identified)"),
            ("permittedUses", "Removed", "Peer-reviewed publication after community review", null),
        ]);

        // Either order gives the same answer, from the older to the newer; a version with itself has no changes.
        (await (await admin.GetAsync($"{Register}/{id}/diff?from=2&to=1")).ReadJsonAsync()).GetRawText().ShouldBe(diff.GetRawText());
        (await (await admin.GetAsync($"{Register}/{id}/diff?from=2&to=2")).ReadJsonAsync()).GetProperty("changes").GetArrayLength().ShouldBe(0);
        // Without from and to: what the newest version changes, the same answer as from=1&to=2 here.
        (await (await admin.GetAsync($"{Register}/{id}/diff")).ReadJsonAsync()).GetRawText().ShouldBe(diff.GetRawText());
        (await (await admin.GetAsync($"{Register}/{id}/diff?to=2")).ReadJsonAsync()).GetRawText().ShouldBe(diff.GetRawText());
        (await (await admin.GetAsync($"{Register}/{id}/diff?from=1")).ReadJsonAsync()).GetRawText().ShouldBe(diff.GetRawText());

        // In Spanish the display strings are Spanish; paths stay as they are.
        var spanish = new HttpRequestMessage(HttpMethod.Get, $"{Register}/{id}/diff?from=1&to=2");
        spanish.Headers.AcceptLanguage.ParseAdd("es");
        var es = (await (await admin.SendAsync(spanish)).ReadJsonAsync()).GetProperty("changes")[0];
        es.GetProperty("path").GetString().ShouldBe("parties[Eastside Neighbors Association].role");
        es.GetProperty("before").GetString().ShouldBe("comunidad dueña");
        es.GetProperty("after").GetString().ShouldBe("custodio");

        // Versions the agreement does not have, and bad numbers.
        await (await admin.GetAsync($"{Register}/{id}/diff?from=1&to=3")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{Register}/{id}/diff?from=3&to=1")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{Register}/{Guid.NewGuid()}/diff?from=1&to=2")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await admin.GetAsync($"{Register}/{id}/diff?from=0&to=2")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed"))
            .GetProperty("errors").TryGetProperty("from", out _).ShouldBeTrue();
        (await (await admin.GetAsync($"{Register}/{id}/diff?to=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed"))
            .GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue();

        // A signatory named in the agreement reads it without the permission; another member does not learn it exists.
        using var signatory = await app.ClientAsync("alpha", "community-signer");
        (await (await signatory.GetAsync($"{Register}/{id}/diff?from=1&to=2")).ReadJsonAsync()).GetRawText().ShouldBe(diff.GetRawText());
        (await signatory.GetAsync(Register)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var member = await app.ClientAsync("alpha", "alpha-member");
        await (await member.GetAsync($"{Register}/{id}/diff?from=1&to=2")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await app.Anonymous("alpha").GetAsync($"{Register}/{id}/diff?from=1&to=2")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Another partnership: 404, for its admin and for a person of it, and its register never shows the agreement.
        using var beta = await app.ClientAsync("beta", "admin");
        await (await beta.GetAsync($"{Register}/{id}/diff?from=1&to=2")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ItemsAsync(beta, "filter=Diff%20")).ShouldBeEmpty();
        using var betaSigner = await app.ClientAsync("beta", "beta-signer");
        await (await betaSigner.GetAsync($"{Register}/{id}/diff?from=1&to=2")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // The register shows the open amendment on the agreement still governed by version 1.
        var row = (await ItemsAsync(admin, "filter=Diff%20")).Single();
        row.GetProperty("currentVersionNumber").GetInt32().ShouldBe(1);
        row.GetProperty("amendmentState").GetString().ShouldBe("Draft");
    }

    [Fact]
    public async Task The_diff_names_added_removed_and_renamed_parties_and_changed_terms()
    {
        var today = await _seed.TodayAsync(app.AlphaId);
        var county = Agency();
        var eastside = Community("Eastside Neighbors Association");
        var v1 = RegisterSeed.Content("Diff terms", [county, eastside], today, today.AddYears(1));
        var id = await _seed.SaveAsync(app.AlphaId, v1, RegisterSeed.SignedByAll);
        var university = RegisterSeed.Party("State University", PartyRole.Recipient, app.UniversitySignerId, PartyKind.ResearchPartner);
        await _seed.UpdateAsync(app.AlphaId, id, (agreement, now, _) =>
        {
            agreement.Amend(now);
            agreement.EditDraft(v1 with
            {
                Title = "Diff terms, amended",
                Parties = [eastside with { Name = "Eastside Neighbors" }, university],
                DataElements = [v1.DataElements[0] with { Name = "SURVEY ANSWERS", Sensitivity = DataSensitivity.LimitedDataSet }],
                Sensitivity = DataSensitivity.LimitedDataSet,
                Governance = v1.Governance with { CommunityReviewBeforePublication = false, ReturnOfResults = null },
                BreachNotificationDays = 10,
                EffectiveTo = null,
            });
        });
        using var admin = await app.ClientAsync("alpha", "admin");
        var changes = (await (await admin.GetAsync($"{Register}/{id}/diff?from=2&to=1")).ReadJsonAsync()).GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("path").GetString(), c.GetProperty("kind").GetString(), c.GetProperty("before").GetString(), c.GetProperty("after").GetString()))
            .ToList();
        changes.ShouldBe(
        [
            ("title", "Changed", "Diff terms", "Diff terms, amended"),
            ("sensitivity", "Changed", "de-identified", "limited data set"),
            ("parties[Eastside Neighbors].name", "Changed", "Eastside Neighbors Association", "Eastside Neighbors"),
            ("parties[State University]", "Added", null, "State University (research partner, recipient)"),
            ("parties[County Health Department]", "Removed", "County Health Department (agency, data provider)", null),
            ("dataElements[SURVEY ANSWERS].sensitivity", "Changed", "de-identified", "limited data set"),
            ("governance.communityReviewBeforePublication", "Changed", "yes", "no"),
            ("governance.returnOfResults", "Removed", "A community meeting", null),
            ("breachNotificationDays", "Changed", "30", "10"),
            ("effectiveTo", "Removed", today.AddYears(1).ToString("yyyy-MM-dd"), null),
        ]);
    }

    /// <summary>Parses a CSV file with CsvHelper into rows by heading.</summary>
    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var headers = reader.Headers;
            rows.Add(headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        }

        return rows;
    }
}
