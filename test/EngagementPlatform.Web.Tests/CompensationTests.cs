using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;

namespace EngagementPlatform.Web.Tests;

/// <summary>
/// The browser host with alpha on a plan with Compensation, its mail going to the real SMTP sink, a staff member who
/// records attendance (and so submits the items it makes) and a finance person who approves and pays.
/// </summary>
public sealed class CompensationWebFixture : BrowserFixture
{
    public const string Tenant = "alpha";
    public const string Staff = "pay-staff";
    public const string Finance = "pay-finance";

    public Guid FinanceId { get; private set; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Smtp:Host"] = MailSink.Host,
        ["Smtp:Port"] = MailSink.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "EngagementPlatform <no-reply@mail.ep.test>",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AssignEditionAsync(Tenant, await CreateEditionAsync("Partnership with compensation", "compensation"));
        await CreateUserAsync(Tenant, Staff, "staff");
        FinanceId = await CreateUserAsync(Tenant, Finance, "finance");
    }
}

/// <summary>
/// Compensation in the browser: attendance at a meeting becomes payable items, a finance person (not the one who
/// submitted them) approves them in a batch and pays them in a batch, and the member follows the link in the real
/// "payment sent" email, signs in and reads the paid item on their statement. Every page passes axe.
/// </summary>
public sealed class CompensationTests(CompensationWebFixture app) : IClassFixture<CompensationWebFixture>
{
    private const string Tenant = CompensationWebFixture.Tenant;
    private static readonly string LastWeek = DateTimeOffset.UtcNow.AddDays(-7).ToString("yyyy-MM-ddTHH:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Attendance_becomes_items_finance_approves_and_pays_in_batches_and_the_member_reads_the_paid_item_from_the_email_link()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var member1 = $"pay-{suffix}-1";
        var member2 = $"pay-{suffix}-2";
        var meetingTitle = $"Spring council meeting {suffix}";
        using var admin = await app.ClientAsync(Tenant, "admin");
        var members = new[] { await app.CreateUserAsync(Tenant, member1, "member"), await app.CreateUserAsync(Tenant, member2, "member") };
        var councilId = (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name = $"Council {suffix}" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync("/api/compensation/rates", new { name = "Meeting stipend", unit = "Meeting", amount = 40.00m, currency = "USD", councilId, effectiveFrom = "2020-01-01" }))
            .ShouldBeSuccessAsync();
        var meetingId = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/meetings", new { title = meetingTitle, startsAt = LastWeek, durationMinutes = 120 }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();

        // Staff record the attendance (as the governance pages do through this API): two items, submitted by staff.
        using (var staff = await app.ClientAsync(Tenant, CompensationWebFixture.Staff))
        {
            await (await staff.PutAsJsonAsync($"/api/governance/councils/{councilId}/meetings/{meetingId}/attendance",
                members.Select(m => new { userId = m, attended = true }).ToList())).ShouldBeSuccessAsync();
        }

        // Finance finds them in the queue, selects both and approves them in one batch.
        var page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, CompensationWebFixture.Finance);
        // Another test may have left the shared finance person's profile in Spanish (the choice is kept).
        await page.UseLanguageAsync("en");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Payable items" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payable items", Level = 1 })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Row).Filter(new() { HasText = meetingTitle });
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToContainTextAsync("$40.00");
        await Assertions.Expect(rows.First).ToContainTextAsync("Submitted");
        await page.CheckPageAsync("compensation-items");
        foreach (var name in new[] { member1, member2 })
        {
            await rows.Filter(new() { HasText = name }).GetByRole(AriaRole.Checkbox).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Approve (2)" }).ClickAsync();
        await ExpectStatusAsync(page, "2 items approved.");

        // Then shows the approved ones and pays both with one method, reference and date.
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Approved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show items" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        foreach (var name in new[] { member1, member2 })
        {
            await rows.Filter(new() { HasText = name }).GetByRole(AriaRole.Checkbox).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark paid (2)" }).ClickAsync();
        await page.GetByLabel("Payment method").SelectOptionAsync("GiftCard");
        await page.GetByLabel("Reference", new() { Exact = true }).FillAsync($"GC-{suffix}");
        await page.CheckPageAsync("compensation-items-pay");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark 2 paid" }).ClickAsync();
        await ExpectStatusAsync(page, "2 items marked paid; the payees get an email.");
        await page.Context.CloseAsync();

        var paid = (await (await admin.GetAsync($"/api/compensation/payable-items?councilId={councilId}")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        paid.Count.ShouldBe(2);
        foreach (var item in paid)
        {
            item.GetProperty("status").GetString().ShouldBe("Paid");
            var detail = await (await admin.GetAsync($"/api/compensation/payable-items/{item.GetProperty("id").GetGuid()}")).ReadJsonAsync();
            detail.GetProperty("approvedBy").GetGuid().ShouldBe(app.FinanceId);
            detail.GetProperty("paidMethod").GetString().ShouldBe("GiftCard");
            detail.GetProperty("paidReference").GetString().ShouldBe($"GC-{suffix}");
        }

        var year = DateOnly.Parse(paid[0].GetProperty("paidOn").GetString()!, CultureInfo.InvariantCulture).Year;

        // The member's real "payment sent" email links to their statement for the year of the payment.
        var mail = await MailSink.WaitForAsync($"{member1}@{Tenant}.test", m => (m.Subject ?? string.Empty).StartsWith("Payment sent", StringComparison.Ordinal));
        var link = WebTestHelpers.EmailLink(mail.TextBody, $@"/compensation/my-payments\?year={year}&__tenant={Tenant}");
        link.ShouldBe($"{app.BaseUrl}/compensation/my-payments?year={year}&__tenant={Tenant}");
        WebTestHelpers.EmailLink(mail.HtmlBody, $@"/compensation/my-payments\?year={year}&(amp;)?__tenant={Tenant}").ShouldBe(link);

        // Followed signed out: the member signs in without typing the partnership and lands on their statement.
        page = await app.NewPageAsync();
        await page.GotoAsync(link);
        await page.SignInFromLinkAsync(Tenant, member1);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/compensation/my-payments");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My payments", Level = 1 })).ToBeVisibleAsync();
        (await page.GetByLabel("Year").InputValueAsync()).ShouldBe(year.ToString(CultureInfo.InvariantCulture));
        var statementRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = meetingTitle });
        await Assertions.Expect(statementRow).ToHaveCountAsync(1);
        await Assertions.Expect(statementRow).ToContainTextAsync("Paid");
        await Assertions.Expect(statementRow).ToContainTextAsync("$40.00");
        await Assertions.Expect(statementRow).ToContainTextAsync("Gift card");
        await Assertions.Expect(page.GetByText(member2)).ToHaveCountAsync(0);
        await page.CheckPageAsync("compensation-my-payments");

        // A member sees "My payments" but none of the staff pages.
        var nav = page.GetByRole(AriaRole.Navigation);
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My payments" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Payable items" })).ToHaveCountAsync(0);

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mis pagos", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(statementRow).ToContainTextAsync("Pagado");
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Finance_adds_a_rate_and_a_new_version_of_it_and_the_old_one_ends_the_day_before()
    {
        var name = $"Focus group facilitation {Guid.NewGuid().ToString("N")[..6]}";
        var page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, CompensationWebFixture.Finance);
        // Another test may have left the shared finance person's profile in Spanish (the choice is kept).
        await page.UseLanguageAsync("en");
        await page.GotoAsync("/compensation/rates");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rates", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a rate" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Paid per").SelectOptionAsync("Deliverable");
        await page.GetByLabel("Amount").FillAsync("150");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2027-01-01");
        await page.CheckPageAsync("compensation-rates-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await ExpectStatusAsync(page, $"Rate {name} added.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("$150.00");
        await Assertions.Expect(row).ToContainTextAsync("Still in effect");

        await row.GetByRole(AriaRole.Button, new() { Name = $"New version {name}" }).ClickAsync();
        await page.GetByLabel("Amount").FillAsync("175");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2027-07-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await ExpectStatusAsync(page, $"New version of {name} added.");
        await Assertions.Expect(row).ToHaveCountAsync(2);
        await Assertions.Expect(row.Filter(new() { HasText = "$175.00" })).ToContainTextAsync("Still in effect");
        await Assertions.Expect(row.Filter(new() { HasText = "$150.00" })).ToContainTextAsync("Jun 30, 2027");
        await page.CheckPageAsync("compensation-rates");

        // A bad amount is refused with the field's message and adds nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a rate" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name + " bad");
        await page.GetByLabel("Amount").FillAsync("-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name + " bad" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_read_a_payee_statement_annual_totals_budget_against_actual_and_timeliness_with_charts_beside_tables_and_download_csv()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var memberName = $"rep-{suffix}";
        var councilName = $"Reports council {suffix}";
        var programName = $"Stipends {suffix}";
        using var admin = await app.ClientAsync(Tenant, "admin");
        var member = await app.CreateUserAsync(Tenant, memberName, "member");
        var councilId = (await (await admin.PostAsJsonAsync("/api/governance/councils", new { name = councilName })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var programId = (await (await admin.PostAsJsonAsync("/api/compensation/programs", new { name = programName, councilIds = new[] { councilId } })).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync("/api/compensation/rates", new { name = "Meeting stipend", unit = "Meeting", amount = 40.00m, currency = "USD", councilId, effectiveFrom = "2020-01-01" }))
            .ShouldBeSuccessAsync();
        var meetingId = (await (await admin.PostAsJsonAsync($"/api/governance/councils/{councilId}/meetings", new { title = $"Meeting {suffix}", startsAt = LastWeek, durationMinutes = 60 }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        using (var staff = await app.ClientAsync(Tenant, CompensationWebFixture.Staff))
        {
            await (await staff.PutAsJsonAsync($"/api/governance/councils/{councilId}/meetings/{meetingId}/attendance", new[] { new { userId = member, attended = true } }))
                .ShouldBeSuccessAsync();
        }

        using var finance = await app.ClientAsync(Tenant, CompensationWebFixture.Finance);
        var itemId = (await (await admin.GetAsync($"/api/compensation/payable-items?councilId={councilId}")).ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        await (await finance.PostAsync($"/api/compensation/payable-items/{itemId}/approve", null)).ShouldBeSuccessAsync();
        var paid = await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{itemId}/pay", new { method = "Check", reference = $"CHK-{suffix}" })).ReadJsonAsync();
        var year = DateOnly.Parse(paid.GetProperty("paidOn").GetString()!, CultureInfo.InvariantCulture).Year;
        await (await admin.PutAsJsonAsync($"/api/compensation/programs/{programId}/budgets/{year}", new { amount = 500.00m, currency = "USD" })).ShouldBeSuccessAsync();

        var page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, CompensationWebFixture.Finance);
        // Another test may have left the shared finance person's profile in Spanish (the choice is kept).
        await page.UseLanguageAsync("en");

        // A payee's statement, as the member sees it.
        await page.GotoAsync("/compensation/statements");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payee statements", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Payee").SelectOptionAsync(new SelectOptionValue { Label = $"{memberName} (Person)" });
        var line = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Meeting {suffix}" });
        await Assertions.Expect(line).ToContainTextAsync("$40.00");
        await Assertions.Expect(line).ToContainTextAsync($"Check (CHK-{suffix})");
        await page.CheckPageAsync("compensation-statements");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = $"Download {year} payments (CSV)" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".csv");
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldContain($"CHK-{suffix}");

        // Annual totals: under the threshold with one $40 payment; the flag is a word, not a colour.
        await page.GotoAsync("/compensation/annual-totals");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Annual totals", Level = 1 })).ToBeVisibleAsync();
        var total = page.GetByRole(AriaRole.Row).Filter(new() { HasText = memberName });
        await Assertions.Expect(total).ToContainTextAsync("$40.00");
        await Assertions.Expect(total).ToContainTextAsync("Under the threshold");
        await page.CheckPageAsync("compensation-annual-totals");
        await page.GetByLabel("Only payees at or over the threshold").CheckAsync();
        await Assertions.Expect(total).ToHaveCountAsync(0);

        // Budget against actual: the chart names the figures for screen readers, the table holds them too.
        await page.GotoAsync("/compensation/budget");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Budget vs. actual", Level = 1 })).ToBeVisibleAsync();
        var chart = page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex(Regex.Escape($"{programName}, budget $500.00, actual $40.00")) });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator("svg")).ToHaveCountAsync(1);
        var budgetRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = programName });
        await Assertions.Expect(budgetRow).ToContainTextAsync("$500.00");
        await Assertions.Expect(budgetRow).ToContainTextAsync("$460.00");
        await Assertions.Expect(budgetRow).ToContainTextAsync("8%");
        await page.CheckPageAsync("compensation-budget");

        // Timeliness: the council's row with its one payment.
        await page.GotoAsync("/compensation/ageing");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment timeliness", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = councilName })).ToBeVisibleAsync();
        await page.CheckPageAsync("compensation-ageing");

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Puntualidad de los pagos", Level = 1 })).ToBeVisibleAsync();
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        // The switch is kept in the finance person's profile: back to English for the other tests that sign them in.
        await page.UseLanguageAsync("en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_member_reads_the_notice_then_declines_and_staff_see_it_on_the_payee_page_and_in_the_queue_and_record_a_W9_with_the_last_4_digits()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var member = $"choice-{suffix}";
        var description = $"Focus group {suffix}";
        using var admin = await app.ClientAsync(Tenant, "admin");
        var memberId = await app.CreateUserAsync(Tenant, member, "member");
        await (await admin.PostAsJsonAsync("/api/compensation/payable-items", new
        {
            payeeUserId = memberId, payeeId = (Guid?)null, description, kind = "Other", councilId = (Guid?)null,
            rateId = (Guid?)null, quantity = (decimal?)null, amount = 25.00m, currency = "USD",
        })).ShouldBeSuccessAsync();

        // The member opens the choice page from My payments: the notice comes first, then the choice.
        var page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, member);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "My payments" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Your payment choice and how you are paid" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your payment choice", Level = 1 })).ToBeVisibleAsync();
        var notice = page.GetByRole(AriaRole.Heading, new() { Name = "Before you choose: being paid for your time", Level = 2 });
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("You can say no to the payment.")).ToBeVisibleAsync();
        (await page.EvaluateAsync<bool>(
            "() => !!(document.getElementById('notice-title').compareDocumentPosition(document.getElementById('choice-decline')) & Node.DOCUMENT_POSITION_FOLLOWING)"))
            .ShouldBeTrue("the notice must come before the choice controls");
        await Assertions.Expect(page.Locator("#current-choice")).ToHaveTextAsync("You have not chosen yet.");
        var navigation = page.GetByRole(AriaRole.Navigation);
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Payment choice" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "My payments" })).Not.ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByText("No payment method chosen yet.")).ToBeVisibleAsync();
        await page.CheckPageAsync("compensation-payment-choice");

        await page.GetByLabel("No, I decline payment (I still take part)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my choice" }).ClickAsync();
        await ExpectStatusAsync(page, "Saved: you decline payment.");
        await Assertions.Expect(page.Locator("#current-choice")).ToContainTextAsync("You decline payment");
        await Assertions.Expect(page.GetByText("after reading notice version", new() { Exact = false })).ToBeVisibleAsync();
        await page.CheckPageAsync("compensation-payment-choice-declined");

        // Their own payment method: saved through the real API and answered masked, as the page says.
        await page.GetByRole(AriaRole.Button, new() { Name = "Change payment method" }).ClickAsync();
        await page.GetByLabel("Payment method", new() { Exact = true }).SelectOptionAsync("BankTransfer");
        await page.GetByLabel("Account holder name").FillAsync(member);
        await page.GetByLabel("Routing number").FillAsync("021000021");
        await page.GetByLabel("Account number").FillAsync("000123456789");
        await page.CheckPageAsync("compensation-payment-preference-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await ExpectStatusAsync(page, "Payment method saved.");
        var preference = page.Locator("section[aria-labelledby=my-preference-title]");
        await Assertions.Expect(preference).ToContainTextAsync("Bank transfer");
        await Assertions.Expect(preference).ToContainTextAsync("6789");
        await Assertions.Expect(preference).Not.ToContainTextAsync("000123456789");
        await Assertions.Expect(preference).ToContainTextAsync("shown masked");
        await page.Context.CloseAsync();

        // Finance sees "Declined payment" in the queue, and approving the item explains why it is refused.
        page = await app.NewPageAsync();
        await page.SignInAsync(Tenant, CompensationWebFixture.Finance);
        await page.UseLanguageAsync("en");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Payable items" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = description });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Declined payment");
        await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve (1)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("has declined payment");
        await Assertions.Expect(page.Locator("#declined-help")).ToContainTextAsync($"{member} has declined payment, so “{description}” cannot be approved or paid.");
        (await (await admin.GetAsync($"/api/compensation/payable-items?status=Submitted&payeeUserId={memberId}")).ReadJsonAsync())
            .GetProperty("totalCount").GetInt32().ShouldBe(1);

        // The payee's page says so too, and finance records a W-9 with only the last 4 digits of the tax id.
        await row.GetByRole(AriaRole.Link, new() { Name = member }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = member, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#payee-choice")).ToContainTextAsync("Declined payment");
        await Assertions.Expect(page.Locator("#payee-w9")).ToHaveTextAsync("Not on file");
        await Assertions.Expect(page.Locator("#full-details")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("recorded in the audit log", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show full details" }).ClickAsync();
        await Assertions.Expect(page.Locator("#full-details")).ToContainTextAsync("000123456789");
        await page.GetByLabel("W-9 on file").CheckAsync();
        await page.GetByLabel("Date received").FillAsync("2026-01-15");
        var last4 = page.GetByLabel("Last 4 digits of the tax id");
        await Assertions.Expect(last4).ToHaveAttributeAsync("maxlength", "4");
        await Assertions.Expect(last4).ToHaveAccessibleDescriptionAsync(new Regex("Only the last 4 digits"));
        await last4.FillAsync("6789");
        await page.CheckPageAsync("compensation-payee");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save tax form" }).ClickAsync();
        await ExpectStatusAsync(page, "Tax form saved.");
        await Assertions.Expect(page.Locator("#payee-w9")).ToContainTextAsync("tax id ending 6789");
        var payeeId = new Uri(page.Url).AbsolutePath.Split('/').Last();
        var saved = await (await admin.GetAsync($"/api/compensation/payees/{payeeId}")).ReadJsonAsync();
        saved.GetProperty("taxForm").GetProperty("tinLast4").GetString().ShouldBe("6789");
        saved.GetProperty("taxForm").GetProperty("receivedOn").GetString().ShouldBe("2026-01-15");
        saved.GetProperty("choice").GetProperty("choice").GetString().ShouldBe("Decline");

        await page.UseLanguageAsync("es");
        await Assertions.Expect(page.Locator("#payee-choice")).ToContainTextAsync("Rechazó el pago");
        (await page.MissingTranslationsAsync()).ShouldBeEmpty();
        await page.UseLanguageAsync("en");
        await page.Context.CloseAsync();
    }

    private static Task ExpectStatusAsync(IPage page, string text)
        => Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = text })).ToBeVisibleAsync();



}
