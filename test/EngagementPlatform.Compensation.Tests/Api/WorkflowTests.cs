namespace EngagementPlatform.Compensation.Tests.Api;

/// <summary>Submitted → Approved (never by the submitter) → Paid, batches all or nothing, one payment per item even at once.</summary>
public sealed class WorkflowTests(CompensationFixture app) : IClassFixture<CompensationFixture>
{
    private readonly CompensationScenario _scenario = new(app);

    private async Task<JsonElement> ItemAsync(Guid id) => await _scenario.ItemAsync(id);

    private Task<List<string>> OutboxAsync(Guid itemId)
        => TestRows.ReadAsync(app.ConnectionString, $"SELECT to_email || '|' || subject || '|' || text_body FROM notifications.outbox_messages WHERE deduplication_key LIKE 'compensation-item-paid:{itemId}:%'");

    [Fact]
    public async Task The_submitter_cannot_approve_even_with_the_finance_role_another_finance_user_approves_and_a_second_payment_is_a_conflict()
    {
        var member = await app.CreateUserAsync("alpha", "wf-member", "member");
        using var finance1 = await app.ClientAsync("alpha", "finance-1");
        using var finance2 = await app.ClientAsync("alpha", "finance-2");
        var rate = await _scenario.RateAsync("Focus group facilitation", "Deliverable", 150.00m, effectiveFrom: null);
        var created = await finance1.PostAsJsonAsync("/api/compensation/payable-items", new { payeeUserId = member, description = "Facilitated the Spanish-language focus group", quantity = 1, rateId = rate });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/compensation/payable-items/{id}");

        var self = await (await finance1.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, CompensationErrorCodes.SelfApproval);
        self.GetProperty("itemId").GetGuid().ShouldBe(id);
        (await ItemAsync(id)).GetProperty("status").GetString().ShouldBe("Submitted");

        var approved = await (await finance2.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).ReadJsonAsync();
        approved.GetProperty("status").GetString().ShouldBe("Approved");
        approved.GetProperty("approvedBy").GetGuid().ShouldBe(app.Finance2Id);
        approved.GetProperty("submittedBy").GetGuid().ShouldBe(app.Finance1Id);

        var paid = await (await finance2.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "BankTransfer", reference = "ACH-20270320-7", paidOn = "2027-03-20" })).ReadJsonAsync();
        (paid.GetProperty("status").GetString(), paid.GetProperty("paidMethod").GetString(), paid.GetProperty("paidReference").GetString(), paid.GetProperty("paidOn").GetString())
            .ShouldBe(("Paid", "BankTransfer", "ACH-20270320-7", "2027-03-20"));

        await (await finance2.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "Cash", paidOn = "2027-03-21" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.AlreadyPaid);
        var after = await ItemAsync(id);
        (after.GetProperty("paidMethod").GetString(), after.GetProperty("paidOn").GetString()).ShouldBe(("BankTransfer", "2027-03-20"));

        // The payee is told once, with the amount and what it was for (no link in this round: the statement page comes later).
        var mail = (await OutboxAsync(id)).ShouldHaveSingleItem().Split('|');
        mail[0].ShouldBe("wf-member@alpha.test");
        mail[1].ShouldBe("Payment sent: 150.00 USD for Facilitated the Spanish-language focus group");
        mail[2].ShouldContain("We have paid you 150.00 USD");
        mail[2].ShouldContain("How: bank transfer (reference ACH-20270320-7)");
        mail[2].ShouldNotContain("http");
    }

    [Fact]
    public async Task A_paid_email_is_in_the_payees_language()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var created = await admin.PostAsJsonAsync("/api/identity/users", new
        {
            userName = "wf-es", email = "wf-es@alpha.test", password = ApiFixture.Password, name = "Rosa Delgado", roleNames = new[] { "member" }, preferredLanguage = "es",
        });
        var member = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var id = await _scenario.EnteredItemAsync("alpha-staff", member, 1234.50m, "Cuidado de niños durante la sesión");
        using var finance = await app.ClientAsync("alpha", "finance-1");
        await (await finance.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).ShouldBeSuccessAsync();
        var paid = await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "Check", reference = "1042" })).ReadJsonAsync();
        var year = DateOnly.Parse(paid.GetProperty("paidOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Year;

        var mail = (await OutboxAsync(id)).ShouldHaveSingleItem().Split('|');
        mail[1].ShouldBe("Pago enviado: 1.234,50 USD por Cuidado de niños durante la sesión");
        mail[2].ShouldContain("Forma de pago: cheque (referencia 1042)");
        // The person's statement for the payment's year, in the partnership they sign in to.
        mail[2].ShouldContain($"Todos sus pagos de este año: ");
        mail[2].ShouldContain($"/compensation/my-payments?year={year}&__tenant=alpha");
    }

    [Fact]
    public async Task Staff_without_the_approve_permission_cannot_approve_or_pay()
    {
        var member = await app.CreateUserAsync("alpha", "wf-perm", "member");
        var id = await _scenario.EnteredItemAsync("finance-1", member, 20m);
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        (await staff.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.PostAsJsonAsync("/api/compensation/payable-items/pay", new { itemIds = new[] { id }, method = "Cash" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ItemAsync(id)).GetProperty("status").GetString().ShouldBe("Submitted");
    }

    [Fact]
    public async Task A_batch_is_all_or_nothing_and_names_the_item_that_refused_it()
    {
        var member = await app.CreateUserAsync("alpha", "wf-batch", "member");
        var byStaff1 = await _scenario.EnteredItemAsync("alpha-staff", member, 10m);
        var byStaff2 = await _scenario.EnteredItemAsync("alpha-staff", member, 20m);
        var byFinance1 = await _scenario.EnteredItemAsync("finance-1", member, 30m);
        using var finance1 = await app.ClientAsync("alpha", "finance-1");

        var refused = await (await finance1.PostAsJsonAsync("/api/compensation/payable-items/approve", new { itemIds = new[] { byStaff1, byFinance1, byStaff2 } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, CompensationErrorCodes.SelfApproval);
        refused.GetProperty("itemId").GetGuid().ShouldBe(byFinance1);
        foreach (var id in new[] { byStaff1, byStaff2, byFinance1 })
        {
            (await ItemAsync(id)).GetProperty("status").GetString().ShouldBe("Submitted");
        }

        var approved = await (await finance1.PostAsJsonAsync("/api/compensation/payable-items/approve", new { itemIds = new[] { byStaff1, byStaff2 } })).ReadJsonAsync();
        approved.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).ShouldBe(["Approved", "Approved"]);

        // byFinance1 is not approved: paying the three refuses all three.
        var notApproved = await (await finance1.PostAsJsonAsync("/api/compensation/payable-items/pay", new { itemIds = new[] { byStaff1, byStaff2, byFinance1 }, method = "GiftCard" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.IllegalTransition);
        notApproved.GetProperty("itemId").GetGuid().ShouldBe(byFinance1);
        (await ItemAsync(byStaff1)).GetProperty("status").GetString().ShouldBe("Approved");
        (await OutboxAsync(byStaff1)).ShouldBeEmpty();

        var paid = await (await finance1.PostAsJsonAsync("/api/compensation/payable-items/pay", new { itemIds = new[] { byStaff1, byStaff2 }, method = "GiftCard", reference = "Batch 7", paidOn = "2027-04-01" }))
            .ReadJsonAsync();
        paid.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("status").GetString() == "Paid" && i.GetProperty("paidReference").GetString() == "Batch 7");
        (await OutboxAsync(byStaff1)).Count.ShouldBe(1);
        (await OutboxAsync(byStaff2)).Count.ShouldBe(1);

        // A missing item is a 404 naming it; an item named twice a 400; nothing changes either way.
        var missing = Guid.NewGuid();
        var notFound = await (await finance1.PostAsJsonAsync("/api/compensation/payable-items/approve", new { itemIds = new[] { byFinance1, missing } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        notFound.GetProperty("itemId").GetGuid().ShouldBe(missing);
        var twice = await (await finance1.PostAsJsonAsync("/api/compensation/payable-items/pay", new { itemIds = new[] { byStaff1, byStaff1 }, method = "Cash" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, CompensationErrorCodes.DuplicateItemInBatch);
        twice.GetProperty("itemId").GetGuid().ShouldBe(byStaff1);
        (await finance1.PostAsJsonAsync("/api/compensation/payable-items/approve", new { itemIds = Array.Empty<Guid>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Two_payments_of_one_item_at_once_pay_it_once()
    {
        var member = await app.CreateUserAsync("alpha", "wf-race", "member");
        for (var round = 0; round < 3; round++)
        {
            var id = await _scenario.EnteredItemAsync("alpha-staff", member, 40m + round);
            using var finance1 = await app.ClientAsync("alpha", "finance-1");
            using var finance2 = await app.ClientAsync("alpha", "finance-2");
            await (await finance1.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).ShouldBeSuccessAsync();

            var payments = await Task.WhenAll(
                finance1.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "Check", reference = "A" }),
                finance2.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "Cash", reference = "B" }));

            payments.Count(p => p.StatusCode == HttpStatusCode.OK).ShouldBe(1);
            payments.Count(p => p.StatusCode == HttpStatusCode.Conflict).ShouldBe(1);
            (await OutboxAsync(id)).Count.ShouldBe(1);
            var winner = await payments.Single(p => p.StatusCode == HttpStatusCode.OK).ReadJsonAsync();
            (await ItemAsync(id)).GetProperty("paidReference").GetString().ShouldBe(winner.GetProperty("paidReference").GetString());
        }
    }

    [Fact]
    public async Task An_unpaid_item_is_voided_with_its_reason_and_a_paid_one_cannot_be()
    {
        var member = await app.CreateUserAsync("alpha", "wf-void", "member");
        var id = await _scenario.EnteredItemAsync("finance-1", member, 12.5m);
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        await (await staff.PostAsJsonAsync($"/api/compensation/payable-items/{id}/void", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var voided = await (await staff.PostAsJsonAsync($"/api/compensation/payable-items/{id}/void", new { reason = "Entered twice" })).ReadJsonAsync();
        (voided.GetProperty("status").GetString(), voided.GetProperty("voidReason").GetString()).ShouldBe(("Voided", "Entered twice"));
        using var finance2 = await app.ClientAsync("alpha", "finance-2");
        await (await finance2.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.IllegalTransition);

        var paid = await _scenario.EnteredItemAsync("finance-1", member, 12.5m);
        await (await finance2.PostAsync($"/api/compensation/payable-items/{paid}/approve", null)).ShouldBeSuccessAsync();
        await (await finance2.PostAsJsonAsync($"/api/compensation/payable-items/{paid}/pay", new { method = "Cash" })).ShouldBeSuccessAsync();
        await (await staff.PostAsJsonAsync($"/api/compensation/payable-items/{paid}/void", new { reason = "Too late" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.PaidCannotBeVoided);
        (await ItemAsync(paid)).GetProperty("status").GetString().ShouldBe("Paid");
    }

    [Fact]
    public async Task A_partner_organization_is_paid_and_told_at_its_contact_address()
    {
        using var staff = await app.ClientAsync("alpha", "alpha-staff");
        var created = await staff.PostAsJsonAsync("/api/compensation/payees", new { name = "Eastside Promotoras Network", contactEmail = "pay@promotoras.test" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var payee = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await staff.PostAsJsonAsync("/api/compensation/payees", new { name = "eastside promotoras network", contactEmail = "other@promotoras.test" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.DuplicatePayee);

        var item = (await (await staff.PostAsJsonAsync("/api/compensation/payable-items", new { payeeId = payee, description = "Community outreach, April", amount = 2500m, currency = "USD" }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        using var finance = await app.ClientAsync("alpha", "finance-1");
        await (await finance.PostAsync($"/api/compensation/payable-items/{item}/approve", null)).ShouldBeSuccessAsync();
        var paid = await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{item}/pay", new { method = "BankTransfer", reference = "ACH-99" })).ReadJsonAsync();
        paid.GetProperty("payee").GetProperty("kind").GetString().ShouldBe("Organization");
        paid.GetProperty("payee").GetProperty("name").GetString().ShouldBe("Eastside Promotoras Network");
        var notice = (await OutboxAsync(item)).ShouldHaveSingleItem();
        notice.ShouldStartWith("pay@promotoras.test|Payment sent: 2,500.00 USD");
        // An organization has no account to sign in to: no statement link.
        notice.ShouldNotContain("/compensation/my-payments");

        var payees = await (await staff.GetAsync("/api/compensation/payees?kind=Organization")).ReadJsonAsync();
        payees.GetProperty("items").EnumerateArray().ShouldContain(p => p.GetProperty("id").GetGuid() == payee);
    }
}
