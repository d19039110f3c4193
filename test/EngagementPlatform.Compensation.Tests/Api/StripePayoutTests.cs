using System.Text;
using System.Text.Json.Nodes;
using EngagementPlatform.Framework.Payments;
using EngagementPlatform.TestBase.Payments;

namespace EngagementPlatform.Compensation.Tests.Api;

/// <summary>
/// Alpha and beta on a plan with compensation and Stripe payouts, gamma on compensation only; Stripe.net talks to a
/// local <see cref="StripeFake"/> and webhooks are signed with <see cref="StripeWebhookSigner"/>.
/// </summary>
public sealed class StripePayoutsFixture : QueryCountFixture
{
    public StripeFake Stripe { get; } = StripeFake.Start();

    protected override IDictionary<string, string?> Settings => Stripe.Configuration();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var host = await HostAdminAsync();
        async Task<Guid> EditionAsync(string name, bool stripePayouts) => (await (await host.PostAsJsonAsync("/api/saas/editions", new
        {
            name,
            features = new { compensation = true, dataSharing = false, assessments = false, stripePayouts },
            limits = new { councils = (int?)null, activeMembers = (int?)null, assessmentSchedules = (int?)null },
        })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var withStripe = await EditionAsync("Compensation with Stripe payouts", true);
        var withoutStripe = await EditionAsync("Compensation without Stripe", false);
        foreach (var (id, name) in new[] { (AlphaId, "alpha"), (BetaId, "beta") })
        {
            await (await host.PutAsJsonAsync($"/api/saas/tenants/{id}", new { name, editionId = withStripe })).ShouldBeSuccessAsync();
        }

        var gamma = await CreateTenantAsync("gamma");
        await (await host.PutAsJsonAsync($"/api/saas/tenants/{gamma}", new { name = "gamma", editionId = withoutStripe })).ShouldBeSuccessAsync();
        await CreateUserAsync("alpha", "finance-1", "finance");
        await CreateUserAsync("beta", "beta-finance", "finance");
        await CreateUserAsync("gamma", "gamma-staff", "staff");
        await CreateUserAsync("gamma", "gamma-finance", "finance");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Stripe.Dispose();
    }
}

public sealed class StripePayoutTests(StripePayoutsFixture app) : IClassFixture<StripePayoutsFixture>
{
    private readonly StripeWebhookSigner _signer = new();

    private StripeFake Fake => app.Stripe;

    private async Task<Guid> PayeeAsync(string name, string tenant = "alpha")
    {
        using var staff = await app.ClientAsync(tenant, $"{tenant}-staff");
        return (await (await staff.PostAsJsonAsync("/api/compensation/payees", new { name, contactEmail = $"{name.Replace(' ', '-').ToLowerInvariant()}@partners.test" }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A partner organization whose Stripe onboarding is finished (as Stripe tells us: account.updated).</summary>
    private async Task<(Guid PayeeId, string AccountId)> EnabledPayeeAsync(string name, string tenant = "alpha")
    {
        var payee = await PayeeAsync(name, tenant);
        using var finance = await app.ClientAsync(tenant, tenant == "alpha" ? "finance-1" : $"{tenant}-finance");
        var account = (await (await finance.PostAsync($"/api/compensation/payees/{payee}/stripe-account", null)).ReadJsonAsync()).GetProperty("accountId").GetString()!;
        (await WebhookAsync(StripeWebhookSigner.Event("account.updated", Fake.CompleteOnboarding(account)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (payee, account);
    }

    /// <summary>An approved item of <paramref name="amount"/> USD for the payee: entered by staff, approved by finance.</summary>
    private async Task<Guid> ApprovedItemAsync(Guid payeeId, decimal amount, string tenant = "alpha")
    {
        using var staff = await app.ClientAsync(tenant, $"{tenant}-staff");
        var id = (await (await staff.PostAsJsonAsync("/api/compensation/payable-items", new { payeeId, description = "Community outreach", amount, currency = "USD" }))
            .ReadJsonAsync()).GetProperty("id").GetGuid();
        using var finance = await app.ClientAsync(tenant, tenant == "alpha" ? "finance-1" : $"{tenant}-finance");
        await (await finance.PostAsync($"/api/compensation/payable-items/{id}/approve", null)).ShouldBeSuccessAsync();
        return id;
    }

    private async Task<HttpResponseMessage> PayAsync(params Guid[] ids)
    {
        using var finance = await app.ClientAsync("alpha", "finance-1");
        return ids.Length == 1
            ? await finance.PostAsJsonAsync($"/api/compensation/payable-items/{ids[0]}/pay", new { method = "StripeTransfer" })
            : await finance.PostAsJsonAsync("/api/compensation/payable-items/pay", new { itemIds = ids, method = "StripeTransfer" });
    }

    private async Task<JsonElement> ItemAsync(Guid id)
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        return await (await admin.GetAsync($"/api/compensation/payable-items/{id}")).ReadJsonAsync();
    }

    private async Task<List<JsonElement>> PayoutsAsync(Guid id)
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        return [.. (await (await admin.GetAsync($"/api/compensation/payable-items/{id}/stripe-payouts")).ReadJsonAsync()).EnumerateArray()];
    }

    private List<StripeFakeRequest> TransfersFor(Guid itemId)
        => [.. Fake.RequestsTo("POST", "/v1/transfers").Where(r => r.Field("metadata[itemId]") == itemId.ToString())];

    private async Task<HttpResponseMessage> WebhookAsync(string payload, string? signature = null)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/saas/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? _signer.Sign(payload, app.Clock.Now));
        return await client.SendAsync(request);
    }

    private Task<List<string>> OutboxAsync(Guid itemId)
        => TestRows.ReadAsync(app.ConnectionString, $"SELECT subject FROM notifications.outbox_messages WHERE deduplication_key LIKE 'compensation-item-paid:{itemId}:%'");

    [Fact]
    public async Task Onboarding_makes_one_express_account_per_payee_and_its_status_follows_the_newest_account_event()
    {
        var payee = await PayeeAsync("Northside Youth Council");
        using var finance = await app.ClientAsync("alpha", "finance-1");
        var first = await (await finance.PostAsync($"/api/compensation/payees/{payee}/stripe-account", null)).ReadJsonAsync();
        var account = first.GetProperty("accountId").GetString()!;
        account.ShouldStartWith("acct_");
        first.GetProperty("onboardingUrl").GetString()!.ShouldStartWith($"{Fake.Url}/setup/e/{account}/");
        first.GetProperty("status").GetString().ShouldBe("Onboarding");

        var again = await (await finance.PostAsync($"/api/compensation/payees/{payee}/stripe-account", null)).ReadJsonAsync();
        again.GetProperty("accountId").GetString().ShouldBe(account);
        var creates = Fake.RequestsTo("POST", "/v1/accounts").Where(r => r.Field("metadata[payeeId]") == payee.ToString()).ToList();
        var create = creates.ShouldHaveSingleItem();
        (create.Field("type"), create.Field("capabilities[transfers][requested]"), create.Field("metadata[tenantId]"), create.IdempotencyKey)
            .ShouldBe(("express", "true", app.AlphaId.ToString(), StripeIdempotencyKey.For("connect-account", payee)));
        var links = Fake.RequestsTo("POST", "/v1/account_links").Where(r => r.Field("account") == account).ToList();
        links.Count.ShouldBe(2);
        links.ShouldAllBe(l => l.Field("type") == "account_onboarding" && l.Field("return_url")!.EndsWith($"/compensation/payees/{payee}?stripe=return"));

        var onboarded = Fake.CompleteOnboarding(account);
        var now = app.Clock.Now;
        (await WebhookAsync(StripeWebhookSigner.Event("account.updated", onboarded, created: now))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var status = await (await finance.GetAsync($"/api/compensation/payees/{payee}/stripe-account")).ReadJsonAsync();
        (status.GetProperty("status").GetString(), status.GetProperty("payoutsEnabled").GetBoolean()).ShouldBe(("Enabled", true));

        // An older snapshot delivered late (Stripe does not promise order) changes nothing.
        var older = Fake.Account(account);
        older["payouts_enabled"] = false;
        older["capabilities"] = new JsonObject { ["transfers"] = "inactive" };
        (await WebhookAsync(StripeWebhookSigner.Event("account.updated", older, created: now.AddMinutes(-5)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await finance.GetAsync($"/api/compensation/payees/{payee}/stripe-account")).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("Enabled");
    }

    [Fact]
    public async Task A_stripe_payment_is_one_transfer_in_cents_to_the_payees_account_with_the_items_key_and_paying_again_sends_nothing()
    {
        var (payee, account) = await EnabledPayeeAsync("Eastside Promotoras");
        var id = await ApprovedItemAsync(payee, 37.50m);

        var paid = await (await PayAsync(id)).ReadJsonAsync();
        var transfer = TransfersFor(id).ShouldHaveSingleItem();
        (transfer.Field("amount"), transfer.Field("currency"), transfer.Field("destination"), transfer.Field("metadata[tenantId]"), transfer.IdempotencyKey)
            .ShouldBe(("3750", "usd", account, app.AlphaId.ToString(), $"payout:{id:N}:1"));
        transfer.Field("transfer_group")!.ShouldStartWith("payouts_");
        (paid.GetProperty("status").GetString(), paid.GetProperty("paidMethod").GetString()).ShouldBe(("Paid", "StripeTransfer"));
        paid.GetProperty("paidReference").GetString()!.ShouldStartWith("tr_");
        (await OutboxAsync(id)).ShouldHaveSingleItem();

        await (await PayAsync(id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.AlreadyPaid);
        TransfersFor(id).Count.ShouldBe(1);
        var trail = (await PayoutsAsync(id)).ShouldHaveSingleItem();
        (trail.GetProperty("status").GetString(), trail.GetProperty("transferId").GetString(), trail.GetProperty("amount").GetDecimal())
            .ShouldBe(("Paid", paid.GetProperty("paidReference").GetString(), 37.50m));
    }

    [Fact]
    public async Task A_lost_answer_leaves_the_payout_pending_and_the_retry_with_the_same_key_gets_the_same_transfer()
    {
        var (payee, _) = await EnabledPayeeAsync("Westside Parents Network");
        var id = await ApprovedItemAsync(payee, 120m);
        Fake.LoseNextAnswer("POST", "/v1/transfers");

        var pending = await (await PayAsync(id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.PayoutPending);
        pending.GetProperty("itemId").GetGuid().ShouldBe(id);
        (await ItemAsync(id)).GetProperty("status").GetString().ShouldBe("Approved");
        (await PayoutsAsync(id)).ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("Pending");
        // Nobody may pay it another way meanwhile: the transfer may already have gone out.
        using (var finance = await app.ClientAsync("alpha", "finance-1"))
        {
            await (await finance.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "Check", reference = "77" }))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.PayoutPending);
        }

        using (var staff = await app.ClientAsync("alpha", "alpha-staff"))
        {
            await (await staff.PostAsJsonAsync($"/api/compensation/payable-items/{id}/void", new { reason = "Changed our mind" }))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.PayoutPending);
        }

        var paid = await (await PayAsync(id)).ReadJsonAsync();
        var calls = TransfersFor(id);
        calls.Count.ShouldBe(2);
        calls.Select(c => c.IdempotencyKey).Distinct().ShouldHaveSingleItem().ShouldBe($"payout:{id:N}:1");
        (calls[0].Replayed, calls[1].Replayed).ShouldBe((false, true));
        paid.GetProperty("status").GetString().ShouldBe("Paid");
        var transferId = paid.GetProperty("paidReference").GetString()!;
        Fake.Transfer(transferId)["metadata"]!["itemId"]!.GetValue<string>().ShouldBe(id.ToString());
        (await PayoutsAsync(id)).ShouldHaveSingleItem().GetProperty("transferId").GetString().ShouldBe(transferId);
        (await OutboxAsync(id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_lost_answer_is_finished_by_the_transfer_created_event_when_nobody_pays_again()
    {
        var (payee, _) = await EnabledPayeeAsync("Riverside Elders Circle");
        var id = await ApprovedItemAsync(payee, 45.10m);
        Fake.LoseNextAnswer("POST", "/v1/transfers");
        await (await PayAsync(id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.PayoutPending);

        var made = Fake.Requests.Last(r => r.Path == "/v1/transfers" && r.Field("metadata[itemId]") == id.ToString());
        made.StatusCode.ShouldBe(504);
        // The fake made the transfer though the answer was lost; Stripe then sends transfer.created.
        var transfer = FakeTransferFor(id);
        (await WebhookAsync(StripeWebhookSigner.Event("transfer.created", transfer))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var item = await ItemAsync(id);
        (item.GetProperty("status").GetString(), item.GetProperty("paidReference").GetString()).ShouldBe(("Paid", transfer["id"]!.GetValue<string>()));
        (await OutboxAsync(id)).ShouldHaveSingleItem();
        await (await PayAsync(id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, CompensationErrorCodes.AlreadyPaid);
        TransfersFor(id).Count.ShouldBe(1);
    }

    private JsonObject FakeTransferFor(Guid itemId)
        => Fake.Transfers().Where(t => t["metadata"]!["itemId"]!.GetValue<string>() == itemId.ToString()).ShouldHaveSingleItem();

    [Fact]
    public async Task A_refusal_leaves_the_item_approved_with_stripes_code_and_the_next_attempt_has_a_new_key()
    {
        var (payee, _) = await EnabledPayeeAsync("Southside Tenants Union");
        var id = await ApprovedItemAsync(payee, 80m);
        Fake.FailNext("POST", "/v1/transfers", StripeFakeFailure.InsufficientBalance());

        var refused = await (await PayAsync(id)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, CompensationErrorCodes.PayoutFailed);
        (refused.GetProperty("itemId").GetGuid(), refused.GetProperty("stripeCode").GetString()).ShouldBe((id, "balance_insufficient"));
        (await ItemAsync(id)).GetProperty("status").GetString().ShouldBe("Approved");
        (await OutboxAsync(id)).ShouldBeEmpty();
        var failed = (await PayoutsAsync(id)).ShouldHaveSingleItem();
        (failed.GetProperty("status").GetString(), failed.GetProperty("failureCode").GetString()).ShouldBe(("Failed", "balance_insufficient"));

        (await (await PayAsync(id)).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("Paid");
        TransfersFor(id).Select(t => t.IdempotencyKey).ShouldBe([$"payout:{id:N}:1", $"payout:{id:N}:2"]);
        (await PayoutsAsync(id)).Select(p => p.GetProperty("status").GetString()).ShouldBe(["Failed", "Paid"]);
    }

    [Fact]
    public async Task A_batch_checks_every_item_before_any_transfer_and_keeps_the_transfers_made_before_a_refusal()
    {
        var (ready, _) = await EnabledPayeeAsync("Harbor Health Promoters");
        var notOnboarded = await PayeeAsync("Hillside Neighbors");
        var a = await ApprovedItemAsync(ready, 10m);
        var b = await ApprovedItemAsync(notOnboarded, 20m);
        var refused = await (await PayAsync(a, b)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, CompensationErrorCodes.PayeeNotOnboarded);
        refused.GetProperty("itemId").GetGuid().ShouldBe(b);
        TransfersFor(a).ShouldBeEmpty();
        (await PayoutsAsync(a)).ShouldBeEmpty();
        (await ItemAsync(a)).GetProperty("status").GetString().ShouldBe("Approved");

        // The balance covers the first transfer only: it is kept and recorded, the second is refused and named.
        var c = await ApprovedItemAsync(ready, 30m);
        Fake.SetAvailableBalance(1000);
        try
        {
            var partly = await (await PayAsync(a, c)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, CompensationErrorCodes.PayoutFailed);
            (partly.GetProperty("itemId").GetGuid(), partly.GetProperty("stripeCode").GetString()).ShouldBe((c, "balance_insufficient"));
            partly.GetProperty("paidItemIds").GetString().ShouldBe(a.ToString()); // comma-separated when more
        }
        finally
        {
            Fake.SetAvailableBalance(long.MaxValue);
        }

        (await ItemAsync(a)).GetProperty("status").GetString().ShouldBe("Paid");
        (await ItemAsync(c)).GetProperty("status").GetString().ShouldBe("Approved");
        TransfersFor(a).Single().Field("transfer_group").ShouldBe(TransfersFor(c).Single().Field("transfer_group"));
    }

    [Fact]
    public async Task A_bad_signature_is_a_400_with_a_code_and_changes_nothing()
    {
        var (payee, account) = await EnabledPayeeAsync("Lakeside Youth Forum");
        var disabled = Fake.CompleteOnboarding(account, enabled: false);
        var payload = StripeWebhookSigner.Event("account.updated", disabled, created: app.Clock.Now.AddMinutes(1));
        var forged = new StripeWebhookSigner("whsec_someone_else").Sign(payload, app.Clock.Now);
        await (await WebhookAsync(payload, forged)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, StripeErrorCodes.WebhookBadSignature);
        await (await WebhookAsync(payload, "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, StripeErrorCodes.WebhookBadSignature);
        await (await WebhookAsync(payload, _signer.Sign(payload, app.Clock.Now.AddHours(-1)))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, StripeErrorCodes.WebhookTooOld);
        var eventId = JsonNode.Parse(payload)!["id"]!.GetValue<string>();
        (await TestRows.ReadAsync(app.ConnectionString, $"SELECT count(*) FROM saas.stripe_webhook_events WHERE id = '{eventId}'")).Single().ShouldBe("0");
        using var finance = await app.ClientAsync("alpha", "finance-1");
        (await (await finance.GetAsync($"/api/compensation/payees/{payee}/stripe-account")).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("Enabled");
    }

    [Fact]
    public async Task A_reversal_keeps_the_item_paid_the_trail_shows_it_the_same_event_twice_counts_once_and_an_older_event_changes_nothing()
    {
        var (payee, _) = await EnabledPayeeAsync("Uptown Disability Advocates");
        var id = await ApprovedItemAsync(payee, 250m);
        var transferId = (await (await PayAsync(id)).ReadJsonAsync()).GetProperty("paidReference").GetString()!;
        var before = Fake.Transfer(transferId);

        var reversed = Fake.ReverseTransfer(transferId, reason: "Payee's bank account closed");
        var evt = StripeWebhookSigner.Event("transfer.reversed", reversed);
        var first = await (await WebhookAsync(evt)).ReadJsonAsync();
        (first.GetProperty("alreadyProcessed").GetBoolean(), first.GetProperty("handlers").GetInt32()).ShouldBe((false, 1));
        var second = await (await WebhookAsync(evt)).ReadJsonAsync();
        (second.GetProperty("alreadyProcessed").GetBoolean(), second.GetProperty("handlers").GetInt32()).ShouldBe((true, 0));

        (await ItemAsync(id)).GetProperty("status").GetString().ShouldBe("Paid");
        var trail = (await PayoutsAsync(id)).ShouldHaveSingleItem();
        (trail.GetProperty("status").GetString(), trail.GetProperty("reversedAmount").GetDecimal()).ShouldBe(("Reversed", 250m));
        trail.GetProperty("reversalReason").GetString()!.ShouldContain("Payee's bank account closed");

        // transfer.updated from before the reversal, delivered late: amount_reversed 0 is not news.
        (await WebhookAsync(StripeWebhookSigner.Event("transfer.updated", before))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PayoutsAsync(id)).Single().GetProperty("status").GetString().ShouldBe("Reversed");
        var evtId = JsonNode.Parse(evt)!["id"]!.GetValue<string>();
        (await TestRows.ReadAsync(app.ConnectionString, $"SELECT count(*) FROM saas.stripe_webhook_events WHERE id = '{evtId}'")).Single().ShouldBe("1");
    }

    [Fact]
    public async Task Another_partnership_cannot_see_onboard_or_pay_and_a_plan_without_stripe_payouts_is_refused()
    {
        var (payee, _) = await EnabledPayeeAsync("Midtown Faith Coalition");
        var id = await ApprovedItemAsync(payee, 15m);
        using var beta = await app.ClientAsync("beta", "beta-finance");
        (await beta.GetAsync($"/api/compensation/payees/{payee}/stripe-account")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await beta.PostAsync($"/api/compensation/payees/{payee}/stripe-account", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await beta.PostAsJsonAsync($"/api/compensation/payable-items/{id}/pay", new { method = "StripeTransfer" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await beta.GetAsync($"/api/compensation/payable-items/{id}/stripe-payouts")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        TransfersFor(id).ShouldBeEmpty();
        (await ItemAsync(id)).GetProperty("status").GetString().ShouldBe("Approved");

        var gammaPayee = await PayeeAsync("Gamma Partners", "gamma");
        using var gamma = await app.ClientAsync("gamma", "gamma-finance");
        await (await gamma.PostAsync($"/api/compensation/payees/{gammaPayee}/stripe-account", null))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, Framework.Features.FeatureErrorCodes.FeatureNotEnabled);
        var gammaItem = await ApprovedItemAsync(gammaPayee, 12m, "gamma");
        await (await gamma.PostAsJsonAsync($"/api/compensation/payable-items/{gammaItem}/pay", new { method = "StripeTransfer" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, Framework.Features.FeatureErrorCodes.FeatureNotEnabled);
        Fake.RequestsTo("POST", "/v1/accounts").ShouldNotContain(r => r.Field("metadata[payeeId]") == gammaPayee.ToString());
    }
}
