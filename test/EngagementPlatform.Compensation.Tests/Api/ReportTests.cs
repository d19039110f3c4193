using System.Text;
using CsvHelper;

namespace EngagementPlatform.Compensation.Tests.Api;

/// <summary>
/// Statements (members see only their own), annual totals against the information-return threshold, late-payment
/// ageing, programs with budget vs. actual, and the CSV exports. Each test works in its own year (or its own payees)
/// so the tests of the class do not see each other's payments.
/// </summary>
public sealed class ReportTests(CompensationFixture app) : IClassFixture<CompensationFixture>
{
    private static readonly Func<SqlStatement, bool> Lookup = s => s.Touches("saas") || s.Sql.Contains("permission_grants", StringComparison.Ordinal);

    private readonly CompensationScenario _scenario = new(app);

    /// <summary>An item entered by staff for <paramref name="payeeUserId"/>, approved and paid by finance-1 on <paramref name="paidOn"/>.</summary>
    private async Task<Guid> PaidAsync(Guid payeeUserId, decimal amount, string paidOn, string description = "Stipend", string currency = "USD", string tenant = "alpha")
    {
        using var staff = await app.ClientAsync(tenant, tenant == "alpha" ? "alpha-staff" : "beta-staff");
        var id = (await (await staff.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId, description, amount, currency })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await PayAsync(id, paidOn, tenant);
        return id;
    }

    private async Task PayAsync(Guid id, string paidOn, string tenant = "alpha")
    {
        using var finance = await app.ClientAsync(tenant, tenant == "alpha" ? "finance-1" : "beta-finance");
        await (await finance.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).ShouldBeSuccessAsync();
        await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "Check", reference = "CHK-1", paidOn })).ShouldBeSuccessAsync();
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_member_sees_their_own_statement_exact_to_the_cent_and_nobody_elses()
    {
        var year = DateTime.UtcNow.Year;
        var member = await app.CreateUserAsync("alpha", "st-member", "member");
        var other = await app.CreateUserAsync("alpha", "st-other", "member");
        await PaidAsync(member, 37.50m, $"{year}-03-01", "March council meeting");
        foreach (var cents in new[] { 0.10m, 0.20m, 0.10m })
        {
            await PaidAsync(member, cents, $"{year}-04-01", "Bus fare");
        }

        await PaidAsync(member, 500m, $"{year - 1}-12-31", "Last year's deliverable");
        var pending = await _scenario.EnteredItemAsync("alpha-staff", member, 12.00m, "Childcare, \"evening\" session");
        var voided = await _scenario.EnteredItemAsync("alpha-staff", member, 99.00m, "Entered twice");
        using (var staff = await app.ClientAsync("alpha", "alpha-staff"))
        {
            await (await staff.PostAsJsonAsync($"/api/compensation/payable-items/{voided}/void", new { reason = "Duplicate" })).ShouldBeSuccessAsync();
        }

        using var self = await app.ClientAsync("alpha", "st-member");
        var response = await self.GetAsync($"/api/compensation/payees/{member}/statement?year={year}");
        var statement = await response.ReadJsonAsync();
        statement.GetProperty("year").GetInt32().ShouldBe(year);
        statement.GetProperty("payee").GetProperty("userId").GetGuid().ShouldBe(member);
        statement.GetProperty("payee").GetProperty("kind").GetString().ShouldBe("Person");
        statement.GetProperty("payee").GetProperty("name").GetString().ShouldBe("st-member");
        var items = Items(statement);
        items.Select(i => i.GetProperty("description").GetString()).ShouldBe(["March council meeting", "Bus fare", "Bus fare", "Bus fare", "Childcare, \"evening\" session"]);
        items[0].GetProperty("amount").GetRawText().ShouldBe("37.50");
        items[0].GetProperty("paidOn").GetString().ShouldBe($"{year}-03-01");
        items[0].GetProperty("paidMethod").GetString().ShouldBe("Check");
        items[0].GetProperty("paidReference").GetString().ShouldBe("CHK-1");
        items[^1].GetProperty("id").GetGuid().ShouldBe(pending);
        items[^1].GetProperty("status").GetString().ShouldBe("Submitted");
        items[^1].GetProperty("paidOn").ValueKind.ShouldBe(JsonValueKind.Null);
        var total = statement.GetProperty("totals").EnumerateArray().ShouldHaveSingleItem();
        total.GetProperty("currency").GetString().ShouldBe("USD");
        total.GetProperty("paid").GetRawText().ShouldBe("37.90");
        total.GetProperty("pending").GetRawText().ShouldBe("12.00");

        // Someone else's statement: the same 404 as for a person who has never been paid, so nothing leaks.
        using var otherClient = await app.ClientAsync("alpha", "st-other");
        await (await otherClient.GetAsync($"/api/compensation/payees/{member}/statement?year={year}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, CompensationErrorCodes.StatementNotFound);
        await (await otherClient.GetAsync($"/api/compensation/payees/{other}/statement?year={year}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, CompensationErrorCodes.StatementNotFound);
        await (await otherClient.GetAsync($"/api/compensation/payees/{Guid.NewGuid()}/statement?year={year}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, CompensationErrorCodes.StatementNotFound);

        // Staff read anyone's; another tenant sees nothing, even its admin.
        using var staffClient = await app.ClientAsync("alpha", "alpha-staff");
        Items(await (await staffClient.GetAsync($"/api/compensation/payees/{member}/statement?year={year}")).ReadJsonAsync()).Count.ShouldBe(5);
        Items(await (await staffClient.GetAsync($"/api/compensation/payees/{member}/statement?year={year - 1}")).ReadJsonAsync())
            .ShouldHaveSingleItem().GetProperty("amount").GetRawText().ShouldBe("500.00");
        using var betaAdmin = await app.ClientAsync("beta", "admin");
        await (await betaAdmin.GetAsync($"/api/compensation/payees/{member}/statement?year={year}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, CompensationErrorCodes.StatementNotFound);

        await (await self.GetAsync($"/api/compensation/payees/{member}/statement?year=1999")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_partner_organizations_statement_is_for_staff_only()
    {
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var org = (await (await staff.PostAsJsonAsync("/api/compensation/payees", new { name = "Statement Promotoras", contactEmail = "pay@promotoras.test" })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        var id = (await (await staff.PostAsJsonAsync("/api/compensation/payable-items", new { payeeId = org, description = "Outreach", amount = 1200.00m, currency = "USD" }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        await PayAsync(id, "2036-05-05");

        var statement = await (await staff.GetAsync($"/api/compensation/organizations/{org}/statement?year=2036")).ReadJsonAsync();
        statement.GetProperty("payee").GetProperty("kind").GetString().ShouldBe("Organization");
        statement.GetProperty("totals")[0].GetProperty("paid").GetRawText().ShouldBe("1200.00");
        using var member = await app.ClientAsync("alpha", "alpha-member");
        (await member.GetAsync($"/api/compensation/organizations/{org}/statement?year=2036")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await staff.GetAsync($"/api/compensation/organizations/{Guid.NewGuid()}/statement?year=2036")).ShouldBeProblemAsync(HttpStatusCode.NotFound, CompensationErrorCodes.StatementNotFound);
    }

    [Fact]
    public async Task Annual_totals_flag_a_payee_at_exactly_the_threshold_and_not_one_cent_below()
    {
        // 2030 falls under the seeded 1099-NEC threshold from 2026: 2,000.00 USD.
        var at = await app.CreateUserAsync("alpha", "at-threshold", "member");
        var below = await app.CreateUserAsync("alpha", "below-threshold", "member");
        var euro = await app.CreateUserAsync("alpha", "euro-payee", "member");
        await PaidAsync(at, 1500.00m, "2030-02-01");
        await PaidAsync(at, 500.00m, "2030-12-31");
        await PaidAsync(at, 5000.00m, "2031-01-01"); // counted by payment date: next year
        await PaidAsync(below, 1999.99m, "2030-06-30");
        await PaidAsync(euro, 9000.00m, "2030-06-30", currency: "EUR");
        await _scenario.EnteredItemAsync("alpha-staff", below, 0.01m, "Approved but not paid: not counted");

        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var totals = await (await staff.GetAsync("/api/compensation/annual-totals?year=2030&maxResultCount=50")).ReadJsonAsync();
        totals.GetProperty("totalCount").GetInt64().ShouldBe(3);
        var rows = Items(totals).ToDictionary(r => r.GetProperty("payeeUserId").GetGuid());
        rows[at].GetProperty("total").GetRawText().ShouldBe("2000.00");
        rows[at].GetProperty("paymentCount").GetInt32().ShouldBe(2);
        rows[at].GetProperty("threshold").GetRawText().ShouldBe("2000.00");
        rows[at].GetProperty("exceedsReportingThreshold").GetBoolean().ShouldBeTrue();
        rows[at].GetProperty("payeeName").GetString().ShouldBe("at-threshold");
        rows[at].GetProperty("payeeKind").GetString().ShouldBe("Person");
        rows[below].GetProperty("total").GetRawText().ShouldBe("1999.99");
        rows[below].GetProperty("exceedsReportingThreshold").GetBoolean().ShouldBeFalse();
        rows[euro].GetProperty("currency").GetString().ShouldBe("EUR");
        rows[euro].GetProperty("threshold").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[euro].GetProperty("exceedsReportingThreshold").GetBoolean().ShouldBeFalse();
        Items(totals)[0].GetProperty("payeeUserId").GetGuid().ShouldBe(euro); // total desc by default

        var flagged = await (await staff.GetAsync("/api/compensation/annual-totals?year=2030&exceedsOnly=true")).ReadJsonAsync();
        Items(flagged).ShouldHaveSingleItem().GetProperty("payeeUserId").GetGuid().ShouldBe(at);
        flagged.GetProperty("totalCount").GetInt64().ShouldBe(1);

        // Payments through 2025 meet the $600 threshold; 2026 and after the $2,000 one.
        var early = await app.CreateUserAsync("alpha", "early-payee", "member");
        await PaidAsync(early, 600.00m, "2024-07-01");
        await PaidAsync(early, 600.00m, "2027-07-01");
        Items(await (await staff.GetAsync("/api/compensation/annual-totals?year=2024")).ReadJsonAsync()).Single(r => r.GetProperty("payeeUserId").GetGuid() == early)
            .GetProperty("exceedsReportingThreshold").GetBoolean().ShouldBeTrue();
        Items(await (await staff.GetAsync("/api/compensation/annual-totals?year=2027")).ReadJsonAsync()).Single(r => r.GetProperty("payeeUserId").GetGuid() == early)
            .GetProperty("exceedsReportingThreshold").GetBoolean().ShouldBeFalse();

        await (await staff.GetAsync("/api/compensation/annual-totals?year=2030&sorting=secret")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Framework:UnknownSortField");
        using var member = await app.ClientAsync("alpha", "alpha-member");
        (await member.GetAsync("/api/compensation/annual-totals?year=2030")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Thresholds_are_seeded_per_tenant_and_editable_by_finance_with_bad_input_changing_nothing()
    {
        using var finance = await app.ClientAsync("beta", "beta-finance");
        var seeded = Items(await (await finance.GetAsync("/api/compensation/reporting-thresholds")).ReadJsonAsync());
        seeded.Select(t => (t.GetProperty("year").GetInt32(), t.GetProperty("amount").GetRawText(), t.GetProperty("currency").GetString()))
            .ShouldBe([(2000, "600.00", "USD"), (2026, "2000.00", "USD")]);

        var changed = await (await finance.PutAsJsonAsync("/api/compensation/reporting-thresholds/2032", new { amount = 100.00m, currency = "usd" })).ReadJsonAsync();
        (changed.GetProperty("year").GetInt32(), changed.GetProperty("amount").GetRawText(), changed.GetProperty("currency").GetString()).ShouldBe((2032, "100.00", "USD"));
        await (await finance.PutAsJsonAsync("/api/compensation/reporting-thresholds/2032", new { amount = 12.345m, currency = "USD" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await finance.PutAsJsonAsync("/api/compensation/reporting-thresholds/2032", new { amount = 0m, currency = "USD" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await finance.PutAsJsonAsync("/api/compensation/reporting-thresholds/2032", new { amount = 5m, currency = "XXX" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await finance.PutAsJsonAsync("/api/compensation/reporting-thresholds/1999", new { amount = 5m, currency = "USD" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var staff = await app.ClientAsync("beta", "beta-staff");
        (await staff.PutAsJsonAsync("/api/compensation/reporting-thresholds/2032", new { amount = 1m, currency = "USD" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var after = Items(await (await finance.GetAsync("/api/compensation/reporting-thresholds")).ReadJsonAsync());
        after.Select(t => (t.GetProperty("year").GetInt32(), t.GetProperty("amount").GetRawText())).ShouldBe([(2000, "600.00"), (2026, "2000.00"), (2032, "100.00")]);

        // The new row applies from 2032 on; alpha's thresholds are its own.
        var member = await app.CreateUserAsync("beta", "beta-threshold", "member");
        await PaidAsync(member, 100.00m, "2033-01-15", tenant: "beta");
        Items(await (await finance.GetAsync("/api/compensation/annual-totals?year=2033")).ReadJsonAsync()).ShouldHaveSingleItem()
            .GetProperty("exceedsReportingThreshold").GetBoolean().ShouldBeTrue();
        using var alpha = await app.ClientAsync("alpha", "finance-1");
        Items(await (await alpha.GetAsync("/api/compensation/reporting-thresholds")).ReadJsonAsync()).Count.ShouldBe(2);

        // The change is in the audit log with its before and after.
        var audit = await TestRows.ReadAsync(app.ConnectionString,
            "SELECT count(*) FROM audit.audit_log_entries WHERE entity_type LIKE '%ReportingThreshold%'");
        int.Parse(audit.Single()).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Programs_budgets_ageing_and_the_payments_csv_follow_attendance_payment_and_adjustment()
    {
        const string year = "2025";
        var council = await _scenario.CouncilAsync("Ageing Council");
        var members = await _scenario.MembersAsync("age", 3);
        using var finance = await app.ClientAsync("alpha", "finance-1");
        var program = (await (await finance.PostAsJsonAsync("/api/compensation/programs", new { name = "Community health, 2025", councilIds = new[] { council } })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        var budget = await (await finance.PutAsJsonAsync($"/api/compensation/programs/{program}/budgets/{year}", new { amount = 100.00m, currency = "USD" })).ReadJsonAsync();
        budget.GetProperty("amount").GetRawText().ShouldBe("100.00");
        await _scenario.RateAsync("Ageing meeting stipend", "Meeting", 25.00m, council, effectiveFrom: "2025-01-01");
        var meeting = await _scenario.MeetingAsync(council, "February council meeting", 60, "2025-02-03T18:00:00Z");
        await (await _scenario.AttendanceAsync(council, meeting, members.Select(m => (m, true)))).ShouldBeSuccessAsync();
        var items = Items(await _scenario.ItemsAsync($"councilId={council}")).ToDictionary(i => i.GetProperty("payee").GetProperty("userId").GetGuid(), i => i.GetProperty("id").GetGuid());
        await PayAsync(items[members[0]], "2025-02-10"); // 7 days after the meeting
        await PayAsync(items[members[1]], "2025-03-20"); // 45 days
        await (await finance.PostAsync($"/api/compensation/payable-items/{items[members[2]]}/approve", null)).ShouldBeSuccessAsync(); // still unpaid

        // Withdrawn after payment: an adjusting item of -25.00, paid too, nets member 1 to zero.
        await (await _scenario.AttendanceAsync(council, meeting, [(members[1], false)])).ShouldBeSuccessAsync();
        var adjustment = Items(await _scenario.ItemsAsync($"councilId={council}&status=Submitted")).ShouldHaveSingleItem();
        adjustment.GetProperty("amount").GetRawText().ShouldBe("-25.00");
        await PayAsync(adjustment.GetProperty("id").GetGuid(), "2025-03-25");

        var bva = Items(await (await finance.GetAsync($"/api/compensation/budget-vs-actual?year={year}")).ReadJsonAsync()).Single(r => r.GetProperty("programId").GetGuid() == program);
        (bva.GetProperty("budget").GetRawText(), bva.GetProperty("actual").GetRawText(), bva.GetProperty("remaining").GetRawText(), bva.GetProperty("percentUsed").GetDecimal())
            .ShouldBe(("100.00", "25.00", "75.00", 25.0m));
        bva.GetProperty("programName").GetString().ShouldBe("Community health, 2025");
        bva.GetProperty("currency").GetString().ShouldBe("USD");

        var ageing = Items(await (await finance.GetAsync($"/api/compensation/ageing?year={year}")).ReadJsonAsync()).Single(r => r.GetProperty("councilId").ValueKind != JsonValueKind.Null && r.GetProperty("councilId").GetGuid() == council);
        ageing.GetProperty("councilName").GetString().ShouldBe("Ageing Council");
        ageing.GetProperty("paidCount").GetInt32().ShouldBe(2);
        ageing.GetProperty("averageDays").GetDecimal().ShouldBe(26.0m);
        ageing.GetProperty("medianDays").GetDecimal().ShouldBe(26.0m);
        ageing.GetProperty("maxDays").GetInt32().ShouldBe(45);
        ageing.GetProperty("buckets").EnumerateArray().Select(b => (b.GetProperty("label").GetString(), b.GetProperty("count").GetInt32()))
            .ShouldBe([("0-14", 1), ("15-30", 0), ("31-60", 1), ("61+", 0)]);
        ageing.GetProperty("unpaidCount").GetInt32().ShouldBe(1);
        ageing.GetProperty("oldestUnpaidDays").GetInt32().ShouldBe(DateOnly.FromDateTime(app.Clock.Now.UtcDateTime).DayNumber - new DateOnly(2025, 2, 3).DayNumber);

        var totals = Items(await (await finance.GetAsync($"/api/compensation/annual-totals?year={year}&maxResultCount=100")).ReadJsonAsync())
            .ToDictionary(r => r.GetProperty("payeeUserId").GetGuid());
        totals[members[1]].GetProperty("total").GetRawText().ShouldBe("0.00");
        totals[members[1]].GetProperty("paymentCount").GetInt32().ShouldBe(1);
        totals.ContainsKey(members[2]).ShouldBeFalse();

        // The payments CSV: the adjustment's negative amount stays a number, council and program are named.
        var csv = await finance.GetAsync($"/api/compensation/payments.csv?year={year}");
        var rows = await ReadCsvAsync(csv);
        var adjustmentRow = rows.Single(r => r["Item id"] == adjustment.GetProperty("id").GetString());
        (adjustmentRow["Amount"], adjustmentRow["Council"], adjustmentRow["Program"], adjustmentRow["Paid on"], adjustmentRow["Payee kind"])
            .ShouldBe(("-25.00", "Ageing Council", "Community health, 2025", "2025-03-25", "person"));

        // A council belongs to one program; unknown councils and programs are refused.
        await (await finance.PostAsJsonAsync("/api/compensation/programs", new { name = "Another", councilIds = new[] { council } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.CouncilInAnotherProgram);
        await (await finance.PostAsJsonAsync("/api/compensation/programs", new { name = "community HEALTH, 2025", councilIds = Array.Empty<Guid>() }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.DuplicateProgram);
        await (await finance.PostAsJsonAsync("/api/compensation/programs", new { name = "Ghost", councilIds = new[] { Guid.NewGuid() } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.UnknownCouncil);
        await (await finance.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = members[0], description = "x", amount = 1m, currency = "USD", programId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.UnknownProgram);
        await (await finance.PutAsJsonAsync($"/api/compensation/programs/{Guid.NewGuid()}/budgets/2025", new { amount = 1m, currency = "USD" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var listed = Items(await (await finance.GetAsync("/api/compensation/programs")).ReadJsonAsync()).Single(p => p.GetProperty("id").GetGuid() == program);
        listed.GetProperty("councilIds").EnumerateArray().Select(c => c.GetGuid()).ShouldBe([council]);
        listed.GetProperty("budgets").EnumerateArray().ShouldHaveSingleItem().GetProperty("year").GetInt32().ShouldBe(2025);
        using var member = await app.ClientAsync("alpha", "alpha-member");
        (await member.PostAsJsonAsync("/api/compensation/programs", new { name = "Mine", councilIds = Array.Empty<Guid>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_payments_csv_opens_in_a_spreadsheet_with_dot_decimals_escaped_commas_and_quotes_and_defused_formulas()
    {
        var member = await app.CreateUserAsync("alpha", "csv-member", "member");
        const string comma = "Snacks, \"juice\" and water\nfor the session";
        const string formula = "=HYPERLINK(\"http://evil.test\",\"click\")";
        const string accents = "Cuidado de niños, sesión en español";
        var ids = new[]
        {
            await PaidAsync(member, 1234.50m, "2034-05-01", comma),
            await PaidAsync(member, 0.05m, "2034-05-02", formula),
            await PaidAsync(member, 10m, "2034-05-03", accents),
        };
        await PaidAsync(member, 99m, "2035-01-01", "Next year: not in the file");

        using var finance = await app.ClientAsync("alpha", "finance-1");
        var response = await finance.GetAsync("/api/compensation/payments.csv?year=2034");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName)!.Trim('"').ShouldBe("payments-2034.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldContain("1234.50");
        text.ShouldNotContain("1,234.50");

        var rows = await ReadCsvAsync(response, bytes);
        rows.Count.ShouldBe(3);
        rows.Select(r => r["Item id"]).ShouldBe(ids.Select(i => i.ToString()));
        rows[0]["Description"].ShouldBe(comma);
        rows[0]["Amount"].ShouldBe("1234.50");
        rows[0]["Currency"].ShouldBe("USD");
        rows[0]["Payee"].ShouldBe("csv-member");
        rows[0]["Method"].ShouldBe("check");
        rows[0]["Reference"].ShouldBe("CHK-1");
        rows[1]["Description"].ShouldBe("'" + formula);
        rows[1]["Amount"].ShouldBe("0.05");
        rows[2]["Description"].ShouldBe(accents);

        // In Spanish the headings are Spanish; the numbers stay invariant.
        var spanish = new HttpRequestMessage(HttpMethod.Get, "/api/compensation/payments.csv?year=2034");
        spanish.Headers.AcceptLanguage.ParseAdd("es");
        var es = await ReadCsvAsync(await finance.SendAsync(spanish));
        es[0]["Descripción"].ShouldBe(comma);
        es[0]["Monto"].ShouldBe("1234.50");

        // The annual totals export agrees with the list.
        var totals = await ReadCsvAsync(await finance.GetAsync("/api/compensation/annual-totals.csv?year=2034"));
        var row = totals.Single(r => r["User id"] == member.ToString());
        (row["Total"], row["Payments"], row["Reporting threshold"], row["Reaches threshold"]).ShouldBe(("1244.55", "3", "2000.00", "no"));

        using var memberClient = await app.ClientAsync("alpha", "alpha-member");
        (await memberClient.GetAsync("/api/compensation/payments.csv?year=2034")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_statement_sends_two_statements_whatever_the_number_of_items()
    {
        var member = await app.CreateUserAsync("alpha", "qc-statement", "member");
        var id = await PaidAsync(member, 10.00m, "2037-01-05", "Counted");
        using var self = await app.ClientAsync("alpha", "qc-statement");
        var path = $"/api/compensation/payees/{member}/statement";
        (await self.GetAsync($"{path}?year=2037")).StatusCode.ShouldBe(HttpStatusCode.OK); // warm-up

        async Task<(int Handler, JsonElement Body)> MeasureAsync()
        {
            using var recording = app.Sql.Record();
            var body = await (await self.GetAsync($"{path}?year=2037")).ReadJsonAsync();
            return (recording.For(path).Count(s => s.Message == "GetStatementQuery" && !Lookup(s)), body);
        }

        var few = await MeasureAsync();
        await TestRows.CopyAsync(app.ConnectionString, "compensation.payable_items", $"id = '{id}'", 29, "id = gen_random_uuid(), paid_on = paid_on + copy_n");
        var many = await MeasureAsync();
        few.Handler.ShouldBe(2);
        many.Handler.ShouldBe(2);
        Items(many.Body).Count.ShouldBe(30);
        many.Body.GetProperty("totals")[0].GetProperty("paid").GetRawText().ShouldBe("300.00");
    }

    [Fact]
    public async Task Annual_totals_send_three_statements_whatever_the_page_size()
    {
        var member = await app.CreateUserAsync("alpha", "qc-totals", "member");
        var item = await PaidAsync(member, 10.00m, "2041-01-05", "Counted");
        var payee = (await _scenario.ItemAsync(item)).GetProperty("payee").GetProperty("id").GetGuid();
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var costs = await app.Sql.ShouldCostFixedAsync(
            staff, "/api/compensation/annual-totals", "GetAnnualTotalsQuery", expected: 3,
            fewRows: 1,
            grow: async () =>
            {
                await TestRows.CopyAsync(app.ConnectionString, "compensation.payees", $"id = '{payee}'", 29,
                    "id = gen_random_uuid(), user_id = NULL, kind = 'Organization', name = 'QC totals org ' || lpad(copy_n::text, 2, '0')");
                await TestRows.CopyAsync(app.ConnectionString, "compensation.payable_items", $"id = '{item}'", 29,
                    "id = gen_random_uuid(), amount = amount + copy_n, payee_id = (SELECT p.id FROM compensation.payees p WHERE p.name = 'QC totals org ' || lpad(copy_n::text, 2, '0'))");
            },
            manyRows: 30,
            query: "year=2041",
            lookup: Lookup);
        var first = JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items")[0];
        first.GetProperty("payeeName").GetString().ShouldBe("QC totals org 29");
        first.GetProperty("total").GetRawText().ShouldBe("39.00");
    }

    /// <summary>Parses a CSV response with CsvHelper into rows by heading.</summary>
    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(HttpResponseMessage response, byte[]? bytes = null)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        bytes ??= await response.Content.ReadAsByteArrayAsync();
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
