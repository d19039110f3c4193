namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// Self-reported demographics and the council's diversity picture: aggregates only, groups under the council's
/// minimum cell size withheld (and the next smallest with a lone withheld group), nobody's answers shown to anyone else.
/// </summary>
public sealed class DiversityTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    private const string Mine = "/api/governance/my-demographics";

    private readonly GovernanceScenario _alpha = new(app);

    private static string Cells(JsonElement picture, string dimension)
        => string.Join(", ", picture.GetProperty("dimensions").GetProperty(dimension).EnumerateArray().Select(c =>
            $"{c.GetProperty("value").GetString()}={(c.GetProperty("count").ValueKind == JsonValueKind.Null ? "null" : c.GetProperty("count").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))}{(c.GetProperty("suppressed").GetBoolean() ? "(suppressed)" : string.Empty)}"));

    private async Task ReportAsync(string userName, object answers)
    {
        using var client = await app.ClientAsync("alpha", userName);
        await (await client.PutAsJsonAsync(Mine, answers)).ShouldBeSuccessAsync();
    }

    private async Task<(JsonElement Picture, string Body)> DiversityAsync(HttpClient client, Guid councilId)
    {
        var response = await client.GetAsync($"/api/governance/councils/{councilId}/diversity");
        var body = await response.Content.ReadAsStringAsync();
        return (await response.ReadJsonAsync(), body);
    }

    private async Task SetMinimumCellSizeAsync(HttpClient admin, Guid councilId, string name, int size)
        => await (await admin.PutAsJsonAsync($"/api/governance/councils/{councilId}", new { name, minimumCellSize = size })).ShouldBeSuccessAsync();

    [Fact]
    public async Task Six_holders_answers_are_shown_only_as_groups_of_at_least_the_minimum_with_secondary_suppression()
    {
        var council = await _alpha.CouncilAsync("dv", Enumerable.Range(0, 6).Select(_ => ("CommunityMember", true)).ToArray());
        using var admin = await _alpha.AdminAsync();

        // Someone whose term ended today and someone who holds no seat also answer: neither is counted.
        var formerSeat = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/seats", new { title = "Former", category = "CommunityMember", isVoting = true })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        var former = await app.CreateUserAsync("alpha", "dv-former");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/seats/{formerSeat}/assignments", new { userId = former, termStart = today.AddDays(-200).ToString("yyyy-MM-dd"), termEnd = today.ToString("yyyy-MM-dd") }))
            .ShouldBeSuccessAsync();
        await ReportAsync("dv-former", new { language = "fr", ageBand = "65+", raceEthnicity = new[] { "white" }, neighborhood = "Old Mill Row" });
        await ReportAsync("alpha-member", new { language = "es", ageBand = "25-34", raceEthnicity = new[] { "asian" }, neighborhood = "Eastside" });

        string[] languages = ["es", "ES", " es ", "Es", "es", "es"];
        string[] ages = ["25-34", "25-34", "25-34", "45-54", "45-54", "65+"];
        string[][] races = [["hispanic-or-latino"], ["hispanic-or-latino"], ["hispanic-or-latino"], ["hispanic-or-latino"], ["hispanic-or-latino", "black-or-african-american"], ["black-or-african-american"]];
        string[] neighborhoods = ["Eastside", "Eastside", "eastside", "Eastside ", "Eastside", "Riverside Flats"];
        for (var i = 0; i < 6; i++)
        {
            await ReportAsync(council.Members[i].UserName, new { language = languages[i], ageBand = ages[i], raceEthnicity = races[i], neighborhood = neighborhoods[i] });
        }

        // Minimum cell size 5 (the default). Six people: any split leaves a group under 5, and a lone withheld
        // group takes the next smallest with it, so only what all six share is shown.
        var (picture, body) = await DiversityAsync(admin, council.Id);
        picture.GetProperty("holders").GetInt32().ShouldBe(6);
        picture.GetProperty("minimumCellSize").GetInt32().ShouldBe(5);
        picture.GetProperty("dimensions").EnumerateObject().Select(d => d.Name).ShouldBe(["language", "ageBand", "raceEthnicity", "neighborhood"]);
        Cells(picture, "language").ShouldBe("es=6");
        Cells(picture, "ageBand").ShouldBe("withheld=null(suppressed)");
        Cells(picture, "raceEthnicity").ShouldBe("withheld=null(suppressed)");
        Cells(picture, "neighborhood").ShouldBe("withheld=null(suppressed)");
        var withheld = picture.GetProperty("dimensions").GetProperty("neighborhood")[0];
        withheld.GetProperty("count").ValueKind.ShouldBe(JsonValueKind.Null);
        withheld.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        body.ShouldNotContain("Riverside", Case.Insensitive);
        body.ShouldNotContain("Eastside", Case.Insensitive);
        body.ShouldNotContain("Old Mill", Case.Insensitive);

        // Minimum 2: the lone 65+ is withheld together with the next smallest group (45-54, two people);
        // the lone Riverside answer takes the five Eastside answers with it.
        await SetMinimumCellSizeAsync(admin, council.Id, "dv council", 2);
        (picture, body) = await DiversityAsync(admin, council.Id);
        picture.GetProperty("holders").GetInt32().ShouldBe(6);
        picture.GetProperty("minimumCellSize").GetInt32().ShouldBe(2);
        Cells(picture, "language").ShouldBe("es=6");
        Cells(picture, "ageBand").ShouldBe("25-34=3, withheld=null(suppressed)");
        Cells(picture, "raceEthnicity").ShouldBe("black-or-african-american=2, hispanic-or-latino=5");
        Cells(picture, "neighborhood").ShouldBe("withheld=null(suppressed)");
        body.ShouldNotContain("Riverside", Case.Insensitive);
        body.ShouldNotContain("65+", Case.Insensitive);

        // Nowhere else do the answers appear: not on the council, its list, a seat's history, anyone else's
        // "my demographics", nor in the logs.
        var council6 = council.Members[5];
        foreach (var path in new[]
                 {
                     $"/api/governance/councils/{council.Id}",
                     "/api/governance/councils?maxResultCount=1000",
                     $"/api/governance/councils/{council.Id}/seats/{council6.SeatId}/assignments",
                     $"/api/governance/councils/{council.Id}/composition",
                     Mine,
                 })
        {
            var text = await (await admin.GetAsync(path)).Content.ReadAsStringAsync();
            text.ShouldNotContain("Riverside", Case.Insensitive, path);
        }

        using (var neighbour = await app.ClientAsync("alpha", council.Members[0].UserName))
        {
            var theirs = await (await neighbour.GetAsync(Mine)).ReadJsonAsync();
            theirs.GetProperty("neighborhood").GetString().ShouldBe("Eastside");
            (await (await neighbour.GetAsync($"/api/governance/councils/{council.Id}/diversity")).Content.ReadAsStringAsync()).ShouldNotContain("Riverside", Case.Insensitive);
        }

        using (var sixth = await app.ClientAsync("alpha", council6.UserName))
        {
            var own = await (await sixth.GetAsync(Mine)).ReadJsonAsync();
            own.GetProperty("language").GetString().ShouldBe("es");
            own.GetProperty("ageBand").GetString().ShouldBe("65+");
            own.GetProperty("raceEthnicity").EnumerateArray().Select(r => r.GetString()).ShouldBe(["black-or-african-american"]);
            own.GetProperty("neighborhood").GetString().ShouldBe("Riverside Flats");
        }

        app.Logs.Lines.ShouldNotContain(l => l.Contains("Riverside", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_council_smaller_than_the_minimum_cell_size_shows_neither_its_size_nor_any_group()
    {
        var council = await _alpha.CouncilAsync("dv-small", ("CommunityMember", true), ("Provider", true), ("AgencyStaff", false), ("CommunityMember", true));
        foreach (var member in council.Members)
        {
            await ReportAsync(member.UserName, new { language = "en", ageBand = "35-44", neighborhood = "Hillcrest" });
        }

        using var admin = await _alpha.AdminAsync();
        var (picture, body) = await DiversityAsync(admin, council.Id);
        picture.GetProperty("holders").ValueKind.ShouldBe(JsonValueKind.Null);
        picture.GetProperty("minimumCellSize").GetInt32().ShouldBe(5);
        picture.GetProperty("dimensions").EnumerateObject().Count().ShouldBe(0);
        body.ShouldNotContain("Hillcrest", Case.Insensitive);

        // A fifth holder brings the council to the minimum: now its size and the shared answers show.
        var seat = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/seats", new { title = "Fifth", category = "Other", isVoting = false })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var fifth = await app.CreateUserAsync("alpha", "dv-small-5");
        await (await admin.PostAsJsonAsync($"/api/governance/councils/{council.Id}/seats/{seat}/assignments", new { userId = fifth, termStart = GovernanceScenario.TermStart })).ShouldBeSuccessAsync();
        await ReportAsync("dv-small-5", new { language = "EN", ageBand = "35-44", neighborhood = "Hillcrest" });
        (picture, _) = await DiversityAsync(admin, council.Id);
        picture.GetProperty("holders").GetInt32().ShouldBe(5);
        Cells(picture, "language").ShouldBe("en=5");
        Cells(picture, "ageBand").ShouldBe("35-44=5");
        Cells(picture, "raceEthnicity").ShouldBe("not-reported=5");
        Cells(picture, "neighborhood").ShouldBe("hillcrest=5");
    }

    [Fact]
    public async Task Answers_are_validated_replaced_whole_and_deleted_on_request()
    {
        var council = await _alpha.CouncilAsync("dv-own", ("CommunityMember", true), ("CommunityMember", true));
        using var admin = await _alpha.AdminAsync();
        await SetMinimumCellSizeAsync(admin, council.Id, "dv-own council", 2);
        using var first = await app.ClientAsync("alpha", "dv-own-1");

        var empty = await (await first.GetAsync(Mine)).ReadJsonAsync();
        empty.GetProperty("language").ValueKind.ShouldBe(JsonValueKind.Null);
        empty.GetProperty("ageBand").ValueKind.ShouldBe(JsonValueKind.Null);
        empty.GetProperty("raceEthnicity").GetArrayLength().ShouldBe(0);
        empty.GetProperty("neighborhood").ValueKind.ShouldBe(JsonValueKind.Null);

        var saved = await (await first.PutAsJsonAsync(Mine, new { language = " vi ", ageBand = "55-64", raceEthnicity = new[] { "asian", "asian", "native-hawaiian-or-pacific-islander" }, neighborhood = "  " })).ReadJsonAsync();
        saved.GetProperty("language").GetString().ShouldBe("vi");
        saved.GetProperty("ageBand").GetString().ShouldBe("55-64");
        saved.GetProperty("raceEthnicity").EnumerateArray().Select(r => r.GetString()).ShouldBe(["asian", "native-hawaiian-or-pacific-islander"]);
        saved.GetProperty("neighborhood").ValueKind.ShouldBe(JsonValueKind.Null);

        // Values outside the lists are refused, and the stored answers stay as they were.
        (await (await first.PutAsJsonAsync(Mine, new { language = "en", ageBand = "ancient" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed"))
            .GetProperty("errors").TryGetProperty("ageBand", out _).ShouldBeTrue();
        (await (await first.PutAsJsonAsync(Mine, new { language = "en", raceEthnicity = new[] { "asian", "martian" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed"))
            .GetProperty("errors").TryGetProperty("raceEthnicity", out _).ShouldBeTrue();
        await (await first.PutAsJsonAsync(Mine, new { ageBand = "25-34 " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        await (await first.PutAsJsonAsync(Mine, new { language = new string('x', 65) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:ValidationFailed");
        var kept = await (await first.GetAsync(Mine)).ReadJsonAsync();
        kept.GetProperty("language").GetString().ShouldBe("vi");
        kept.GetProperty("ageBand").GetString().ShouldBe("55-64");

        // A later answer replaces the whole set: what is left out is no longer stored.
        var replaced = await (await first.PutAsJsonAsync(Mine, new { language = "vi" })).ReadJsonAsync();
        replaced.GetProperty("ageBand").ValueKind.ShouldBe(JsonValueKind.Null);
        replaced.GetProperty("raceEthnicity").GetArrayLength().ShouldBe(0);

        await ReportAsync("dv-own-2", new { language = "VI" });
        var (picture, _) = await DiversityAsync(admin, council.Id);
        Cells(picture, "language").ShouldBe("vi=2");

        (await first.DeleteAsync(Mine)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await first.DeleteAsync(Mine)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var gone = await (await first.GetAsync(Mine)).ReadJsonAsync();
        gone.GetProperty("language").ValueKind.ShouldBe(JsonValueKind.Null);
        gone.GetProperty("raceEthnicity").GetArrayLength().ShouldBe(0);

        // The deleted answers now count as not reported: one and one, both withheld.
        (picture, _) = await DiversityAsync(admin, council.Id);
        picture.GetProperty("holders").GetInt32().ShouldBe(2);
        Cells(picture, "language").ShouldBe("withheld=null(suppressed)");
        Cells(picture, "ageBand").ShouldBe("not-reported=2");

        // The second member's answers were not touched by the first one's delete.
        using var second = await app.ClientAsync("alpha", "dv-own-2");
        (await (await second.GetAsync(Mine)).ReadJsonAsync()).GetProperty("language").GetString().ShouldBe("VI");
    }

    [Fact]
    public async Task Another_partnership_cannot_see_a_councils_diversity_or_its_members_answers()
    {
        var council = await _alpha.CouncilAsync("dv-iso", ("CommunityMember", true), ("CommunityMember", true));
        using var admin = await _alpha.AdminAsync();
        await SetMinimumCellSizeAsync(admin, council.Id, "dv-iso council", 2);
        await ReportAsync("dv-iso-1", new { neighborhood = "Lakeview" });
        await ReportAsync("dv-iso-2", new { neighborhood = "Lakeview" });
        var (picture, _) = await DiversityAsync(admin, council.Id);
        Cells(picture, "neighborhood").ShouldBe("lakeview=2");

        using var beta = await app.ClientAsync("beta", "admin");
        await (await beta.GetAsync($"/api/governance/councils/{council.Id}/diversity")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Framework:EntityNotFound");
        using var betaMember = await app.ClientAsync("beta", "beta-member");
        var theirs = await (await betaMember.GetAsync(Mine)).ReadJsonAsync();
        theirs.GetProperty("neighborhood").ValueKind.ShouldBe(JsonValueKind.Null);
        (await betaMember.DeleteAsync(Mine)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (picture, _) = await DiversityAsync(admin, council.Id);
        Cells(picture, "neighborhood").ShouldBe("lakeview=2");
    }
}
