using System.Net;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Payments;
using EngagementPlatform.TestBase.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stripe;

namespace EngagementPlatform.Framework.Tests.Payments;

/// <summary>Stripe.net through the configured client, against the loopback <see cref="StripeFake"/>: never Stripe itself.</summary>
public sealed class StripeClientTests : IDisposable
{
    private readonly StripeFake _fake = StripeFake.Start();
    private readonly ServiceProvider _services;
    private readonly string _account;

    public StripeClientTests()
    {
        _services = StripeTestServices.Build(_fake.Configuration());
        _account = _fake.AddConnectedAccount();
    }

    public void Dispose()
    {
        _services.Dispose();
        _fake.Dispose();
    }

    private StripeClient Client() => _services.GetRequiredService<StripeClientProvider>().GetClient();

    private static TransferCreateOptions Transfer(string destination, long amount = 3750) => new()
    {
        Amount = amount,
        Currency = "usd",
        Destination = destination,
        Description = "Council meeting, 90 minutes",
        Metadata = new Dictionary<string, string> { ["payable_item"] = "item-1" },
    };

    [Fact]
    public async Task A_transfer_carries_the_amount_currency_destination_and_idempotency_key()
    {
        var key = StripeIdempotencyKey.For("payout", Guid.Parse("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"));

        var transfer = await new TransferService(Client()).CreateAsync(Transfer(_account), new RequestOptions { IdempotencyKey = key });

        transfer.Id.ShouldStartWith("tr_");
        transfer.Amount.ShouldBe(3750);
        transfer.Currency.ShouldBe("usd");
        transfer.DestinationId.ShouldBe(_account);
        transfer.Metadata["payable_item"].ShouldBe("item-1");
        transfer.StripeResponse.IdempotencyKey.ShouldBe(key);
        var request = _fake.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/v1/transfers");
        request.Field("amount").ShouldBe("3750");
        request.Field("currency").ShouldBe("usd");
        request.Field("destination").ShouldBe(_account);
        request.Field("metadata[payable_item]").ShouldBe("item-1");
        request.IdempotencyKey.ShouldBe("payout:6f1c2d3e4a5b4c6d8e9f0a1b2c3d4e5f:1");
        request.Authorization.ShouldBe($"Bearer {StripeFake.DefaultSecretKey}");
        request.StripeVersion.ShouldBe(StripeConfiguration.ApiVersion);
        request.StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_returns_the_same_transfer_and_the_fake_saw_two_requests_with_one_key()
    {
        var key = StripeIdempotencyKey.For("payout", Guid.NewGuid());
        var service = new TransferService(Client());

        var first = await service.CreateAsync(Transfer(_account), new RequestOptions { IdempotencyKey = key });
        var second = await service.CreateAsync(Transfer(_account), new RequestOptions { IdempotencyKey = key });

        second.Id.ShouldBe(first.Id);
        second.Created.ShouldBe(first.Created);
        var requests = _fake.RequestsTo("POST", "/v1/transfers");
        requests.Count.ShouldBe(2);
        requests.Select(r => r.IdempotencyKey).Distinct().ShouldBe([key]);
        requests.Select(r => r.Replayed).ShouldBe([false, true]);
        (await service.GetAsync(first.Id)).Id.ShouldBe(first.Id);
    }

    [Fact]
    public async Task A_new_attempt_is_a_new_key_and_a_new_transfer()
    {
        var item = Guid.NewGuid();
        var service = new TransferService(Client());

        var first = await service.CreateAsync(Transfer(_account), new RequestOptions { IdempotencyKey = StripeIdempotencyKey.For("payout", item, 1) });
        var second = await service.CreateAsync(Transfer(_account), new RequestOptions { IdempotencyKey = StripeIdempotencyKey.For("payout", item, 2) });

        second.Id.ShouldNotBe(first.Id);
        _fake.RequestsTo("POST", "/v1/transfers").ShouldAllBe(r => !r.Replayed);
    }

    [Fact]
    public async Task A_key_reused_with_other_parameters_is_refused_as_an_idempotency_error()
    {
        var key = StripeIdempotencyKey.For("payout", Guid.NewGuid());
        var service = new TransferService(Client());
        await service.CreateAsync(Transfer(_account, 3750), new RequestOptions { IdempotencyKey = key });

        var error = await Should.ThrowAsync<StripeException>(() => service.CreateAsync(Transfer(_account, 5000), new RequestOptions { IdempotencyKey = key }));

        error.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.StripeError.Type.ShouldBe("idempotency_error");
        var failure = StripeFailure.From(error);
        failure.Kind.ShouldBe(StripeFailureKind.Idempotency);
        failure.IsRetryable.ShouldBeFalse();
    }

    [Fact]
    public async Task A_failing_transfer_surfaces_stripes_error_as_a_typed_exception_the_caller_can_map()
    {
        _fake.FailNext("POST", "/v1/transfers", StripeFakeFailure.InsufficientBalance());
        var service = new TransferService(Client());
        var key = StripeIdempotencyKey.For("payout", Guid.NewGuid());

        var error = await Should.ThrowAsync<StripeException>(() => service.CreateAsync(Transfer(_account), new RequestOptions { IdempotencyKey = key }));

        error.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.StripeError.Type.ShouldBe("invalid_request_error");
        error.StripeError.Code.ShouldBe("balance_insufficient");
        var failure = StripeFailure.From(error);
        failure.Kind.ShouldBe(StripeFailureKind.InvalidRequest);
        failure.Code.ShouldBe("balance_insufficient");
        failure.Param.ShouldBe("amount");
        failure.RequestId.ShouldNotBeNullOrEmpty();
        failure.IsRetryable.ShouldBeFalse();

        // A validation error is not stored under the key (Stripe's rule): the same key then goes through.
        var transfer = await service.CreateAsync(Transfer(_account), new RequestOptions { IdempotencyKey = key });
        transfer.Amount.ShouldBe(3750);
        _fake.RequestsTo("POST", "/v1/transfers").Select(r => r.StatusCode).ShouldBe([400, 200]);
    }

    [Fact]
    public async Task A_declined_card_is_a_402_card_failure_with_its_decline_code_and_is_replayed_for_its_key()
    {
        _fake.FailNext("POST", "/v1/checkout/sessions", StripeFakeFailure.CardDeclined("insufficient_funds"));
        var service = new Stripe.Checkout.SessionService(Client());
        var key = StripeIdempotencyKey.For("checkout", Guid.NewGuid());

        var error = await Should.ThrowAsync<StripeException>(() => service.CreateAsync(Checkout(), new RequestOptions { IdempotencyKey = key }));
        var again = await Should.ThrowAsync<StripeException>(() => service.CreateAsync(Checkout(), new RequestOptions { IdempotencyKey = key }));

        var failure = StripeFailure.From(error);
        failure.Kind.ShouldBe(StripeFailureKind.Card);
        failure.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
        failure.Code.ShouldBe("card_declined");
        failure.DeclineCode.ShouldBe("insufficient_funds");
        again.StripeError.DeclineCode.ShouldBe("insufficient_funds");
        _fake.RequestsTo("POST", "/v1/checkout/sessions").Select(r => r.Replayed).ShouldBe([false, true]);
    }

    [Fact]
    public async Task Stripes_own_errors_and_rate_limits_are_retryable_failures()
    {
        using var services = StripeTestServices.Build(_fake.Configuration());
        var service = new TransferService(services.GetRequiredService<StripeClientProvider>().GetClient());
        _fake.FailNext("POST", "/v1/transfers", StripeFakeFailure.ApiError());
        _fake.FailNext("POST", "/v1/transfers", StripeFakeFailure.RateLimited());

        var apiError = StripeFailure.From(await Should.ThrowAsync<StripeException>(() => service.CreateAsync(Transfer(_account))));
        var rateLimit = StripeFailure.From(await Should.ThrowAsync<StripeException>(() => service.CreateAsync(Transfer(_account))));

        apiError.Kind.ShouldBe(StripeFailureKind.Api);
        apiError.IsRetryable.ShouldBeTrue();
        rateLimit.Kind.ShouldBe(StripeFailureKind.RateLimit);
        rateLimit.IsRetryable.ShouldBeTrue();
    }

    [Fact]
    public async Task A_transfer_to_an_unknown_account_is_refused_by_the_fake_as_stripe_does()
    {
        var error = await Should.ThrowAsync<StripeException>(() => new TransferService(Client()).CreateAsync(Transfer("acct_unknown")));

        error.StripeError.Code.ShouldBe("resource_missing");
        error.StripeError.Param.ShouldBe("destination");
        StripeFailure.From(error).Kind.ShouldBe(StripeFailureKind.InvalidRequest);
    }

    [Fact]
    public async Task A_call_the_fake_does_not_answer_gets_stripes_404_shape_and_is_recorded()
    {
        var error = await Should.ThrowAsync<StripeException>(() => new CustomerService(Client()).GetAsync("cus_unknown_route"));

        error.HttpStatusCode.ShouldBe(HttpStatusCode.NotFound);
        error.StripeError.Type.ShouldBe("invalid_request_error");
        error.StripeError.Message.ShouldContain("/v1/customers/cus_unknown_route");
        _fake.Requests.ShouldHaveSingleItem().Path.ShouldBe("/v1/customers/cus_unknown_route");
    }

    [Fact]
    public async Task A_connected_account_is_read_with_its_payout_status()
    {
        var pending = _fake.AddConnectedAccount(payoutsEnabled: false);
        var accounts = new AccountService(Client());

        var ready = await accounts.GetAsync(_account);
        var notReady = await accounts.GetAsync(pending);

        ready.PayoutsEnabled.ShouldBeTrue();
        ready.Capabilities.Transfers.ShouldBe("active");
        notReady.PayoutsEnabled.ShouldBeFalse();
        notReady.Requirements.CurrentlyDue.ShouldContain("external_account");
        _fake.Requests.Select(r => (r.Method, r.Path)).ShouldBe([("GET", $"/v1/accounts/{_account}"), ("GET", $"/v1/accounts/{pending}")]);
        var missing = await Should.ThrowAsync<StripeException>(() => accounts.GetAsync("acct_missing"));
        missing.HttpStatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Stripe.Checkout.SessionCreateOptions Checkout() => new()
    {
        Mode = "subscription",
        Customer = "cus_fake_1",
        ClientReferenceId = "tenant-1",
        SuccessUrl = "https://app.example/subscription?done=1",
        CancelUrl = "https://app.example/subscription",
        LineItems = [new() { Price = "price_fake_standard", Quantity = 1 }],
        SubscriptionData = new() { TrialPeriodDays = 30 },
    };

    [Fact]
    public async Task A_checkout_session_and_a_billing_portal_session_are_created_with_their_parameters()
    {
        var client = Client();

        var checkout = await new Stripe.Checkout.SessionService(client).CreateAsync(Checkout(), new RequestOptions { IdempotencyKey = "checkout:tenant-1:1" });
        var portal = await new Stripe.BillingPortal.SessionService(client).CreateAsync(new() { Customer = "cus_fake_1", ReturnUrl = "https://app.example/subscription" });

        checkout.Id.ShouldStartWith("cs_test_");
        checkout.Mode.ShouldBe("subscription");
        checkout.Status.ShouldBe("open");
        checkout.ClientReferenceId.ShouldBe("tenant-1");
        checkout.Url.ShouldStartWith(_fake.Url);
        portal.Customer.ShouldBe("cus_fake_1");
        portal.Url.ShouldStartWith(_fake.Url);
        var sent = _fake.RequestsTo("POST", "/v1/checkout/sessions").ShouldHaveSingleItem();
        sent.Field("line_items[0][price]").ShouldBe("price_fake_standard");
        sent.Field("line_items[0][quantity]").ShouldBe("1");
        sent.Field("subscription_data[trial_period_days]").ShouldBe("30");
        sent.IdempotencyKey.ShouldBe("checkout:tenant-1:1");
        _fake.RequestsTo("POST", "/v1/billing_portal/sessions").ShouldHaveSingleItem().Field("return_url").ShouldBe("https://app.example/subscription");
    }

    [Fact]
    public async Task The_stripe_account_header_is_recorded_for_calls_made_on_behalf_of_a_connected_account()
    {
        await new AccountService(Client()).GetAsync(_account, null, new RequestOptions { StripeAccount = _account });

        _fake.Requests.ShouldHaveSingleItem().StripeAccount.ShouldBe(_account);
    }

    [Fact]
    public async Task A_wrong_secret_key_gets_stripes_401()
    {
        var settings = new Dictionary<string, string?>(_fake.Configuration()) { ["Stripe:SecretKey"] = "sk_test_someone_else" };
        using var services = StripeTestServices.Build(settings);

        var error = await Should.ThrowAsync<StripeException>(() => new AccountService(services.GetRequiredService<StripeClientProvider>().GetClient()).GetAsync(_account));

        error.HttpStatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        StripeFailure.From(error).Kind.ShouldBe(StripeFailureKind.Authentication);
    }

    [Fact]
    public async Task The_http_client_comes_from_the_http_client_factory()
    {
        var counter = new CountingHandler();
        using var services = StripeTestServices.Build(_fake.Configuration(), more: s =>
        {
            s.AddTransient(_ => counter);
            s.AddHttpClient(StripeClientProvider.HttpClientName).AddHttpMessageHandler<CountingHandler>();
        });

        await new AccountService(services.GetRequiredService<StripeClientProvider>().GetClient()).GetAsync(_account);

        counter.Requests.ShouldBe([$"{_fake.Url}/v1/accounts/{_account}"]);
    }

    [Fact]
    public async Task With_no_secret_key_stripe_is_off_and_nothing_is_called()
    {
        var settings = new Dictionary<string, string?>(_fake.Configuration()) { ["Stripe:SecretKey"] = "" };
        using var services = StripeTestServices.Build(settings);
        var provider = services.GetRequiredService<StripeClientProvider>();

        provider.IsConfigured.ShouldBeFalse();
        Should.Throw<RuleBrokenException>(provider.GetClient).Code.ShouldBe(StripeErrorCodes.NotConfigured);
        _services.GetRequiredService<StripeClientProvider>().IsConfigured.ShouldBeTrue();
        await Task.Yield();
        _fake.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_configuration_means_stripe_is_off_with_stripes_defaults()
    {
        using var services = StripeTestServices.Build(new Dictionary<string, string?>());
        var options = services.GetRequiredService<IOptions<StripeOptions>>().Value;

        services.GetRequiredService<StripeClientProvider>().IsConfigured.ShouldBeFalse();
        options.ApiBase.ShouldBe(StripeClient.DefaultApiBase);
        options.WebhookTolerance.ShouldBe(EventUtility.DefaultTimeTolerance);
    }

    [Theory]
    [InlineData("http://api.stripe.example")]
    [InlineData("ftp://127.0.0.1:1234")]
    [InlineData("https://api.stripe.com/v1")]
    [InlineData("not a url")]
    public void An_api_base_the_secret_key_must_not_travel_to_is_refused(string apiBase)
    {
        var settings = new Dictionary<string, string?>(_fake.Configuration()) { ["Stripe:ApiBase"] = apiBase };
        using var services = StripeTestServices.Build(settings);

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<StripeOptions>>().Value)
            .Message.ShouldContain("Stripe:ApiBase");
    }

    [Theory]
    [InlineData("https://api.stripe.com")]
    [InlineData("http://127.0.0.1:12111")]
    [InlineData("http://localhost:12111/")]
    public void Stripes_address_and_loopback_fakes_are_accepted(string apiBase)
    {
        var settings = new Dictionary<string, string?>(_fake.Configuration()) { ["Stripe:ApiBase"] = apiBase };
        using var services = StripeTestServices.Build(settings);

        services.GetRequiredService<IOptions<StripeOptions>>().Value.ApiBase.ShouldBe(apiBase);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request.RequestUri!.ToString());
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
