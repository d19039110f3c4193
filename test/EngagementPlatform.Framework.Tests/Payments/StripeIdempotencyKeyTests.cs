using EngagementPlatform.Framework.Payments;

namespace EngagementPlatform.Framework.Tests.Payments;

public sealed class StripeIdempotencyKeyTests
{
    private static readonly Guid Item = Guid.Parse("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f");

    [Fact]
    public void A_key_is_purpose_entity_and_attempt_and_the_same_inputs_give_the_same_key()
    {
        StripeIdempotencyKey.For("payout", Item).ShouldBe("payout:6f1c2d3e4a5b4c6d8e9f0a1b2c3d4e5f:1");
        StripeIdempotencyKey.For("payout", Item, 1).ShouldBe(StripeIdempotencyKey.For("payout", Item));
        StripeIdempotencyKey.For("payout", Item, 2).ShouldBe("payout:6f1c2d3e4a5b4c6d8e9f0a1b2c3d4e5f:2");
        StripeIdempotencyKey.For("checkout", Item).ShouldNotBe(StripeIdempotencyKey.For("payout", Item));
        StripeIdempotencyKey.For("portal", "cus_123").ShouldBe("portal:cus_123:1");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Payout")]
    [InlineData("pay:out")]
    [InlineData("1payout")]
    [InlineData("pay out")]
    public void A_purpose_that_could_blur_the_key_is_refused(string purpose)
        => Should.Throw<ArgumentException>(() => StripeIdempotencyKey.For(purpose, Item));

    [Theory]
    [InlineData("")]
    [InlineData("a:b")]
    [InlineData("a b")]
    public void An_entity_id_that_could_blur_the_key_is_refused(string entityId)
        => Should.Throw<ArgumentException>(() => StripeIdempotencyKey.For("payout", entityId));

    [Fact]
    public void Attempts_start_at_one_and_keys_stay_within_stripes_length()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => StripeIdempotencyKey.For("payout", Item, 0));
        Should.Throw<ArgumentException>(() => StripeIdempotencyKey.For("payout", new string('a', 250)));
        StripeIdempotencyKey.For("payout", new string('a', 240)).Length.ShouldBeLessThanOrEqualTo(StripeIdempotencyKey.MaxLength);
    }
}
