using System.Net.Http.Headers;
using EngagementPlatform.Compensation.Application.Payees;
using Npgsql;

namespace EngagementPlatform.Compensation.Tests.Api;

/// <summary>
/// The payee side (issue 12): payment preferences sealed at rest and shown masked, full details for
/// <c>Compensation.Payees.ViewDetails</c> only and audited, tax-form status with never more than four digits of a tax
/// id, and the member's own notice, choice and preference.
/// </summary>
public sealed class PayeeDetailsTests(CompensationFixture app) : IClassFixture<CompensationFixture>
{
    private const string AccountNumber = "000123456789";
    private const string RoutingNumber = "021000021";
    private const string Street = "742 Evergreen Terrace";

    private readonly CompensationScenario _scenario = new(app);

    private static object Bank => new { method = "BankTransfer", accountHolder = "Maria Lopez", routingNumber = RoutingNumber, accountNumber = AccountNumber };

    private static object Check => new { method = "Check", mailingAddress = new { line1 = Street, line2 = "Apt 2", city = "Springfield", region = "OR", postalCode = "97477" } };

    /// <summary>A member with a payee record (made by a first item entered by staff), and that payee's id.</summary>
    private async Task<(Guid UserId, Guid PayeeId)> PayeeAsync(string userName, string tenant = "alpha")
    {
        var scenario = new CompensationScenario(app, tenant);
        var user = await app.CreateUserAsync(tenant, userName, "member");
        var item = await scenario.EnteredItemAsync($"{tenant}-staff", user, 20m);
        return (user, (await scenario.ItemAsync(item)).GetProperty("payee").GetProperty("id").GetGuid());
    }

    private async Task<List<JsonElement>> AuditAsync(Guid payeeId)
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        return (await (await admin.GetAsync($"/api/audit-logs?EntityType=Payee&EntityId={payeeId}&sorting=time")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().ToList();
    }

    private Task<List<string>> RowAsync(Guid payeeId, string columns = "p::text")
        => TestRows.ReadAsync(app.ConnectionString, $"SELECT {columns} FROM compensation.payees p WHERE id = '{payeeId}'");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Bank_details_read_masked_for_staff_in_full_for_finance_and_that_read_and_the_masked_change_are_audited()
    {
        var (_, payee) = await PayeeAsync("pd-bank");
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        using var admin = await app.ClientAsync("alpha", "admin");
        using var finance = await app.ClientAsync("alpha", "finance-1");

        // Staff enter items but cannot change where the money goes.
        await (await staff.PutAsJsonAsync($"/api/compensation/payees/{payee}/payment-preference", Bank)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var set = await (await admin.PutAsJsonAsync($"/api/compensation/payees/{payee}/payment-preference", Bank)).ReadJsonAsync();
        set.GetProperty("method").GetString().ShouldBe("BankTransfer");
        set.GetProperty("details").GetProperty("accountNumber").GetString().ShouldBe("••••6789");

        var shown = await staff.GetAsync($"/api/compensation/payees/{payee}");
        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await shown.Content.ReadAsStringAsync();
        text.ShouldNotContain(AccountNumber);
        text.ShouldNotContain(RoutingNumber);
        var profile = JsonDocument.Parse(text).RootElement;
        profile.GetProperty("preference").GetProperty("details").GetProperty("routingNumber").GetString().ShouldBe("••••0021");
        profile.GetProperty("preference").GetProperty("details").GetProperty("accountHolder").GetString().ShouldBe("M••• L•••");

        await (await staff.GetAsync($"/api/compensation/payees/{payee}/payment-details")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var full = await (await finance.GetAsync($"/api/compensation/payees/{payee}/payment-details")).ReadJsonAsync();
        full.GetProperty("details").GetProperty("accountNumber").GetString().ShouldBe(AccountNumber);
        full.GetProperty("details").GetProperty("routingNumber").GetString().ShouldBe(RoutingNumber);

        var entries = await AuditAsync(payee);
        var read = entries.Single(e => e.GetProperty("action").GetString() == "Read");
        read.GetProperty("userName").GetString().ShouldBe("finance-1");
        var update = entries.Last(e => e.GetProperty("action").GetString() == "Updated");
        var values = update.GetProperty("valuesJson").GetString()!;
        JsonDocument.Parse(values).RootElement.GetProperty("DetailsMasked").GetProperty("after").GetString()!.ShouldContain("\"accountNumber\":\"••••6789\"");
        values.ShouldNotContain(AccountNumber);
        values.ShouldNotContain(RoutingNumber);
        values.ShouldNotContain("ProtectedDetails");
    }

    [Fact]
    public async Task The_raw_column_holds_no_clear_text_and_a_row_copied_to_another_payee_or_tenant_cannot_be_read()
    {
        var (_, payee) = await PayeeAsync("pd-raw");
        using var admin = await app.ClientAsync("alpha", "admin");
        await (await admin.PutAsJsonAsync($"/api/compensation/payees/{payee}/payment-preference", Check)).ShouldBeSuccessAsync();

        var row = (await RowAsync(payee)).Single();
        row.ShouldNotContain("Evergreen");
        row.ShouldNotContain("742");
        row.ShouldNotContain("97477");
        (await RowAsync(payee, "protected_details")).Single().ShouldNotBeNullOrWhiteSpace();

        using var finance = await app.ClientAsync("alpha", "finance-1");
        var full = await (await finance.GetAsync($"/api/compensation/payees/{payee}/payment-details")).ReadJsonAsync();
        full.GetProperty("details").GetProperty("mailingAddress").GetProperty("line1").GetString().ShouldBe(Street);

        // The sealed value copied to another payee of the same partnership, and to a payee of another partnership.
        var (_, other) = await PayeeAsync("pd-raw-other");
        var (_, betaPayee) = await PayeeAsync("pd-raw-beta", "beta");
        foreach (var target in new[] { other, betaPayee })
        {
            await ExecuteAsync($"UPDATE compensation.payees SET preferred_method = 'Check', protected_details = (SELECT protected_details FROM compensation.payees WHERE id = '{payee}') WHERE id = '{target}'");
        }

        await (await finance.GetAsync($"/api/compensation/payees/{other}/payment-details")).ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.PaymentDetailsUnreadable);
        using var betaFinance = await app.ClientAsync("beta", "beta-finance");
        await (await betaFinance.GetAsync($"/api/compensation/payees/{betaPayee}/payment-details")).ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.PaymentDetailsUnreadable);
        // And the other partnership cannot name this one's payee at all.
        await (await betaFinance.GetAsync($"/api/compensation/payees/{payee}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await betaFinance.GetAsync($"/api/compensation/payees/{payee}/payment-details")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Details_that_do_not_fit_the_method_and_a_full_tax_id_are_a_400_with_a_code_and_change_nothing()
    {
        var (_, payee) = await PayeeAsync("pd-bad");
        using var admin = await app.ClientAsync("alpha", "admin");
        var before = (await RowAsync(payee)).Single();

        foreach (var body in new object[]
                 {
                     new { method = "BankTransfer", accountHolder = "Maria Lopez", accountNumber = AccountNumber },
                     new { method = "BankTransfer", accountHolder = "Maria Lopez", routingNumber = "12345", accountNumber = AccountNumber },
                     new { method = "Cash", accountNumber = AccountNumber },
                     new { method = "Check" },
                     new { method = "GiftCard", mailingAddress = new { line1 = Street, city = "Springfield", region = "OR", postalCode = "97477" } },
                 })
        {
            await (await admin.PutAsJsonAsync($"/api/compensation/payees/{payee}/payment-preference", body))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.InvalidPaymentDetails);
        }

        foreach (var tin in new[] { "123-45-6789", "123456789", "12345", "67a9", "12-3456789" })
        {
            var problem = await (await admin.PutAsJsonAsync($"/api/compensation/payees/{payee}/tax-form", new { w9OnFile = true, receivedOn = "2026-11-02", tinLast4 = tin }))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.TinLast4Only);
            problem.GetRawText().ShouldNotContain(tin);
        }

        await (await admin.PutAsJsonAsync($"/api/compensation/payees/{payee}/tax-form", new { w9OnFile = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.InvalidTaxForm);
        (await RowAsync(payee)).Single().ShouldBe(before);

        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        await (await staff.PutAsJsonAsync($"/api/compensation/payees/{payee}/tax-form", new { w9OnFile = true, receivedOn = "2026-11-02", tinLast4 = "6789" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var form = await (await admin.PutAsJsonAsync($"/api/compensation/payees/{payee}/tax-form", new { w9OnFile = true, receivedOn = "2026-11-02", tinLast4 = "6789" })).ReadJsonAsync();
        (form.GetProperty("w9OnFile").GetBoolean(), form.GetProperty("receivedOn").GetString(), form.GetProperty("tinLast4").GetString()).ShouldBe((true, "2026-11-02", "6789"));
        var shown = await (await staff.GetAsync($"/api/compensation/payees/{payee}")).ReadJsonAsync();
        shown.GetProperty("taxForm").GetProperty("tinLast4").GetString().ShouldBe("6789");

        // The database refuses more than four digits whatever writes the row.
        await Should.ThrowAsync<PostgresException>(() => ExecuteAsync($"UPDATE compensation.payees SET tin_last4 = '12-3' WHERE id = '{payee}'"));
    }

    [Fact]
    public async Task A_member_reads_the_notice_in_their_language_and_a_choice_without_the_current_version_changes_nothing()
    {
        var member = await app.CreateUserAsync("alpha", "pd-notice", "member");
        using var client = await app.ClientAsync("alpha", "pd-notice");

        var english = await (await client.GetAsync("/api/compensation/me/payment-notice")).ReadJsonAsync();
        english.GetProperty("language").GetString().ShouldBe("en");
        english.GetProperty("version").GetString().ShouldBe(PaymentNotice.CurrentVersion);
        string.Join(" ", english.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString())).ShouldContain("Medicaid");
        using var spanishRequest = new HttpRequestMessage(HttpMethod.Get, "/api/compensation/me/payment-notice");
        spanishRequest.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        var spanish = await (await client.SendAsync(spanishRequest)).ReadJsonAsync();
        spanish.GetProperty("language").GetString().ShouldBe("es");
        spanish.GetProperty("title").GetString()!.ShouldStartWith("Antes de elegir");

        var none = await (await client.GetAsync("/api/compensation/me/payment-choice")).ReadJsonAsync();
        none.GetProperty("choice").ValueKind.ShouldBe(JsonValueKind.Null);
        none.GetProperty("currentNoticeVersion").GetString().ShouldBe(PaymentNotice.CurrentVersion);

        foreach (var body in new object[] { new { choice = "Decline" }, new { choice = "Decline", noticeVersion = "2020-01-01" } })
        {
            await (await client.PutAsJsonAsync("/api/compensation/me/payment-choice", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.NoticeNotAcknowledged);
        }

        (await TestRows.ReadAsync(app.ConnectionString, $"SELECT count(*) FROM compensation.payees WHERE user_id = '{member}'")).Single().ShouldBe("0");

        var chosen = await (await client.PutAsJsonAsync("/api/compensation/me/payment-choice", new { choice = "Accept", preferredMethod = "GiftCard", noticeVersion = PaymentNotice.CurrentVersion }))
            .ReadJsonAsync();
        chosen.GetProperty("choice").GetString().ShouldBe("Accept");
        chosen.GetProperty("preferredMethod").GetString().ShouldBe("GiftCard");
        chosen.GetProperty("noticeVersion").GetString().ShouldBe(PaymentNotice.CurrentVersion);
        var payee = Guid.Parse((await TestRows.ReadAsync(app.ConnectionString, $"SELECT id FROM compensation.payees WHERE user_id = '{member}'")).Single());
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var profile = await (await staff.GetAsync($"/api/compensation/payees/{payee}")).ReadJsonAsync();
        profile.GetProperty("choice").GetProperty("choice").GetString().ShouldBe("Accept");
        profile.GetProperty("choice").GetProperty("chosenAt").ValueKind.ShouldBe(JsonValueKind.String);
        var audit = (await AuditAsync(payee)).Single(e => e.GetProperty("action").GetString() == "Created");
        audit.GetProperty("valuesJson").GetString()!.ShouldContain(PaymentNotice.CurrentVersion);
    }

    [Fact]
    public async Task A_declined_payees_items_are_made_but_cannot_be_approved_or_paid_until_they_accept_again()
    {
        var member = await app.CreateUserAsync("alpha", "pd-decline", "member");
        using var client = await app.ClientAsync("alpha", "pd-decline");
        async Task ChooseAsync(string choice) => await (await client.PutAsJsonAsync("/api/compensation/me/payment-choice", new { choice, noticeVersion = PaymentNotice.CurrentVersion }))
            .ShouldBeSuccessAsync();
        await ChooseAsync("Decline");

        var item = await _scenario.EnteredItemAsync("alpha-staff", member, 30m);
        var row = (await _scenario.ItemsAsync($"payeeUserId={member}")).GetProperty("items").EnumerateArray().Single();
        row.GetProperty("payee").GetProperty("declined").GetBoolean().ShouldBeTrue();

        using var finance = await app.ClientAsync("alpha", "finance-1");
        await (await finance.PostAsync($"/api/compensation/payable-items/{item}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.PayeeDeclined);
        (await _scenario.ItemAsync(item)).GetProperty("status").GetString().ShouldBe("Submitted");

        await ChooseAsync("Accept");
        await (await finance.PostAsync($"/api/compensation/payable-items/{item}/approve", null)).ShouldBeSuccessAsync();
        await ChooseAsync("Decline");
        await (await finance.PostAsJsonAsync("/api/compensation/payable-items/pay", new { itemIds = new[] { item }, method = "Cash" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.PayeeDeclined);
        await ChooseAsync("Accept");
        (await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{item}/pay", new { method = "Cash" })).ReadJsonAsync())
            .GetProperty("status").GetString().ShouldBe("Paid");
    }

    [Fact]
    public async Task A_member_sets_and_reads_their_own_preference_masked_and_reaches_no_other_payee()
    {
        var member = await app.CreateUserAsync("alpha", "pd-self", "member");
        using var client = await app.ClientAsync("alpha", "pd-self");
        (await (await client.GetAsync("/api/compensation/me/payment-preference")).ReadJsonAsync()).GetProperty("method").ValueKind.ShouldBe(JsonValueKind.Null);

        var set = await (await client.PutAsJsonAsync("/api/compensation/me/payment-preference", new { method = "GiftCard", giftCardVendor = "Grocery co-op", deliveryEmail = "rosa.member@example.org" }))
            .ReadJsonAsync();
        set.GetProperty("details").GetProperty("deliveryEmail").GetString().ShouldBe("r•••@example.org");
        var read = await (await client.GetAsync("/api/compensation/me/payment-preference")).ReadJsonAsync();
        read.GetProperty("method").GetString().ShouldBe("GiftCard");
        read.GetProperty("details").GetProperty("giftCardVendor").GetString().ShouldBe("Grocery co-op");

        var own = Guid.Parse((await TestRows.ReadAsync(app.ConnectionString, $"SELECT id FROM compensation.payees WHERE user_id = '{member}'")).Single());
        var (_, someoneElse) = await PayeeAsync("pd-self-other");
        foreach (var id in new[] { own, someoneElse })
        {
            await (await client.GetAsync($"/api/compensation/payees/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/compensation/payees/{id}/payment-details")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"/api/compensation/payees/{id}/payment-preference", Bank)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task First_items_and_first_own_writes_for_a_new_person_at_once_make_one_payee()
    {
        var member = await app.CreateUserAsync("alpha", "pd-race", "member");
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        using var client = await app.ClientAsync("alpha", "pd-race");
        var items = Enumerable.Range(1, 4).Select(i => staff.PostAsJsonAsync("/api/compensation/payable-items",
            new { payeeUserId = member, description = $"Transport {i}", amount = 10m + i, currency = "USD" }));
        var own = Enumerable.Range(1, 2).Select(_ => client.PutAsJsonAsync("/api/compensation/me/payment-preference", new { method = "Cash" }));
        var answers = await Task.WhenAll(items.Concat(own));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.OK);
        (await TestRows.ReadAsync(app.ConnectionString, $"SELECT count(*) FROM compensation.payees WHERE user_id = '{member}'")).Single().ShouldBe("1");
        (await _scenario.ItemsAsync($"payeeUserId={member}")).GetProperty("totalCount").GetInt64().ShouldBe(4);
    }

    [Fact]
    public async Task A_second_correction_with_the_same_sequence_is_refused_by_the_database()
    {
        var council = await _scenario.CouncilAsync("Sequence council");
        var member = (await _scenario.MembersAsync("seq", 1))[0];
        await _scenario.RateAsync("Hourly stipend", "Hour", 25.00m, council);
        var meeting = await _scenario.MeetingAsync(council, "Sequence meeting", 60);
        await (await _scenario.AttendanceAsync(council, meeting, [(member, true)])).ShouldBeSuccessAsync();
        var item = (await _scenario.ItemsAsync($"councilId={council}")).GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
        using var finance = await app.ClientAsync("alpha", "finance-1");
        await (await finance.PostAsync($"/api/compensation/payable-items/{item}/approve", null)).ShouldBeSuccessAsync();
        await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{item}/pay", new { method = "Cash" })).ShouldBeSuccessAsync();
        await (await _scenario.AttendanceAsync(council, meeting, [(member, false)])).ShouldBeSuccessAsync();

        var refused = await Should.ThrowAsync<PostgresException>(() => TestRows.CopyAsync(
            app.ConnectionString, "compensation.payable_items", $"adjusts_item_id = '{item}'", 1, "id = gen_random_uuid()"));
        refused.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        refused.ConstraintName.ShouldBe("ux_payable_items_source_payee_sequence");
    }

    [Fact]
    public async Task A_persons_payee_takes_their_current_name_when_a_new_item_is_made()
    {
        var (member, payee) = await PayeeAsync("pd-rename");
        using var client = await app.ClientAsync("alpha", "pd-rename");
        await (await client.PutAsJsonAsync("/api/identity/my-profile", new { name = "Rosa Renamed" })).ShouldBeSuccessAsync();

        await _scenario.EnteredItemAsync("alpha-staff", member, 15m);

        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        (await (await staff.GetAsync($"/api/compensation/payees/{payee}")).ReadJsonAsync()).GetProperty("name").GetString().ShouldBe("Rosa Renamed");
    }
}
