using System.Text.Json.Nodes;
using EngagementPlatform.Framework.Payments;
using EngagementPlatform.TestBase.Payments;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace EngagementPlatform.Framework.Tests.Payments;

/// <summary>
/// The webhook verifier against payloads signed by <see cref="StripeWebhookSigner"/> (computed independently of
/// Stripe.net), at a clock the test controls. The API-version cases are the decision of ADR 0015.
/// </summary>
public sealed class StripeWebhookVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly FixedClock _clock = new(Now);
    private readonly StripeWebhookSigner _signer = new();
    private readonly ServiceProvider _services;

    public StripeWebhookVerifierTests()
    {
        _services = StripeTestServices.Build(
            new Dictionary<string, string?> { ["Stripe:WebhookSecret"] = StripeFake.DefaultWebhookSecret, ["Stripe:WebhookTolerance"] = "300" },
            _clock);
    }

    public void Dispose() => _services.Dispose();

    private StripeWebhookVerifier Verifier => _services.GetRequiredService<StripeWebhookVerifier>();

    private static string TransferCreated(string? apiVersion = null, string id = "evt_fake_1") => StripeWebhookSigner.Event(
        "transfer.created",
        new JsonObject
        {
            ["id"] = "tr_fake_1",
            ["object"] = "transfer",
            ["amount"] = 3750,
            ["currency"] = "usd",
            ["destination"] = "acct_fake_1",
            ["metadata"] = new JsonObject { ["payable_item"] = "item-1" },
            ["reversed"] = false,
        },
        id,
        Now.AddSeconds(-2),
        apiVersion);

    [Fact]
    public void A_payload_signed_with_the_secret_now_is_a_valid_event_with_its_object()
    {
        var payload = TransferCreated();

        var result = Verifier.Verify(payload, _signer.Sign(payload, Now));

        result.Status.ShouldBe(StripeWebhookStatus.Valid);
        result.IsValid.ShouldBeTrue();
        result.EventId.ShouldBe("evt_fake_1");
        result.EventType.ShouldBe("transfer.created");
        result.ApiVersion.ShouldBe(StripeConfiguration.ApiVersion);
        var transfer = result.Event!.Data.Object.ShouldBeOfType<Transfer>();
        transfer.Amount.ShouldBe(3750);
        transfer.Metadata["payable_item"].ShouldBe("item-1");
    }

    [Fact]
    public void A_tampered_body_is_a_bad_signature()
    {
        var payload = TransferCreated();
        var header = _signer.Sign(payload, Now);

        Verifier.Verify(payload.Replace("3750", "9750", StringComparison.Ordinal), header).Status.ShouldBe(StripeWebhookStatus.BadSignature);
    }

    [Fact]
    public void A_payload_signed_with_another_secret_is_a_bad_signature()
    {
        var payload = TransferCreated();

        var result = Verifier.Verify(payload, new StripeWebhookSigner("whsec_someone_else").Sign(payload, Now));

        result.Status.ShouldBe(StripeWebhookStatus.BadSignature);
        result.Event.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=1796040000")]
    [InlineData("v1=abcdef")]
    [InlineData("t=yesterday,v1=abcdef")]
    [InlineData("t=99999999999,v1=abcdef")]
    public void A_missing_or_malformed_signature_header_is_a_bad_signature(string? header)
        => Verifier.Verify(TransferCreated(), header).Status.ShouldBe(StripeWebhookStatus.BadSignature);

    [Fact]
    public void A_signature_older_than_the_tolerance_is_too_old_and_one_just_inside_is_valid()
    {
        var payload = TransferCreated();

        Verifier.Verify(payload, _signer.Sign(payload, Now.AddSeconds(-301))).Status.ShouldBe(StripeWebhookStatus.TooOld);
        Verifier.Verify(payload, _signer.Sign(payload, Now.AddSeconds(-300))).Status.ShouldBe(StripeWebhookStatus.Valid);
        Verifier.Verify(payload, _signer.Sign(payload, Now.AddMinutes(10))).Status.ShouldBe(StripeWebhookStatus.TooOld);
    }

    [Fact]
    public void The_tolerance_comes_from_configuration()
    {
        using var services = StripeTestServices.Build(
            new Dictionary<string, string?> { ["Stripe:WebhookSecret"] = StripeFake.DefaultWebhookSecret, ["Stripe:WebhookTolerance"] = "30" },
            _clock);
        var payload = TransferCreated();

        services.GetRequiredService<StripeWebhookVerifier>().Verify(payload, _signer.Sign(payload, Now.AddSeconds(-31))).Status.ShouldBe(StripeWebhookStatus.TooOld);
        Verifier.Verify(payload, _signer.Sign(payload, Now.AddSeconds(-31))).Status.ShouldBe(StripeWebhookStatus.Valid);
    }

    [Fact]
    public void During_a_secret_rotation_any_matching_v1_signature_counts()
    {
        var payload = TransferCreated();
        var old = new StripeWebhookSigner("whsec_old").Sign(payload, Now);
        var current = _signer.Sign(payload, Now);

        var header = $"{old},v1={current.Split("v1=")[1]}";

        Verifier.Verify(payload, header).Status.ShouldBe(StripeWebhookStatus.Valid);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"evt_1\",\"object\":\"charge\",\"type\":\"charge.succeeded\"}")]
    public void An_authentic_payload_that_is_not_a_stripe_event_is_unparseable(string payload)
        => Verifier.Verify(payload, _signer.Sign(payload, Now)).Status.ShouldBe(StripeWebhookStatus.Unparseable);

    [Fact]
    public void An_event_of_the_same_release_train_but_another_date_is_valid()
    {
        var train = StripeConfiguration.ApiVersion.Split('.')[1];
        var payload = TransferCreated($"2020-01-01.{train}");

        Verifier.Verify(payload, _signer.Sign(payload, Now)).Status.ShouldBe(StripeWebhookStatus.Valid);
    }

    [Theory]
    [InlineData("2025-03-31.basil")]
    [InlineData("2024-06-20")]
    public void An_event_of_another_release_train_is_an_api_version_mismatch_and_carries_no_object(string apiVersion)
    {
        StripeConfiguration.ApiVersion.ShouldNotEndWith(apiVersion.Contains('.') ? apiVersion[apiVersion.IndexOf('.')..] : "-");
        var payload = TransferCreated(apiVersion, id: "evt_old_version");

        var result = Verifier.Verify(payload, _signer.Sign(payload, Now));

        result.Status.ShouldBe(StripeWebhookStatus.ApiVersionMismatch);
        result.Event.ShouldBeNull();
        result.EventId.ShouldBe("evt_old_version");
        result.EventType.ShouldBe("transfer.created");
        result.ApiVersion.ShouldBe(apiVersion);
        // What Stripe.net does by default with the same payload: it throws, which would be an unhandled 500 to Stripe.
        Should.Throw<StripeException>(() => EventUtility.ConstructEvent(payload, _signer.Sign(payload, Now), _signer.Secret, 300, Now.ToUnixTimeSeconds()));
    }

    [Fact]
    public void A_mismatched_api_version_with_a_bad_signature_is_a_bad_signature_first()
    {
        var payload = TransferCreated("2025-03-31.basil");

        Verifier.Verify(payload, new StripeWebhookSigner("whsec_other").Sign(payload, Now)).Status.ShouldBe(StripeWebhookStatus.BadSignature);
    }

    [Fact]
    public void Without_a_webhook_secret_nothing_is_accepted()
    {
        using var services = StripeTestServices.Build(new Dictionary<string, string?>(), _clock);
        var payload = TransferCreated();

        services.GetRequiredService<StripeWebhookVerifier>().Verify(payload, _signer.Sign(payload, Now)).Status.ShouldBe(StripeWebhookStatus.NotConfigured);
    }

    [Fact]
    public void The_signer_computes_what_stripe_net_computes()
    {
        var payload = TransferCreated();

        StripeWebhookSigner.Signature(_signer.Secret, "1796040000", payload)
            .ShouldBe(EventUtility.ComputeSignature(_signer.Secret, "1796040000", payload));
    }
}
