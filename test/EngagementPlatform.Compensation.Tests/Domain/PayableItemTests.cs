using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Framework.Exceptions;

namespace EngagementPlatform.Compensation.Tests.Domain;

/// <summary>The item's state machine without HTTP: Submitted → Approved → Paid, or Voided before payment.</summary>
public sealed class PayableItemTests
{
    private static readonly Guid Submitter = Guid.NewGuid();
    private static readonly Guid Approver = Guid.NewGuid();

    private static PayableItem Item() => PayableItem.Priced(Guid.NewGuid(), "Meeting", 1.5m, new Money(25m, "USD"), PayableItemSourceKind.Meeting,
        Guid.NewGuid(), "Meeting, 2027-01-01", null, null, Submitter);

    [Fact]
    public void The_total_is_quantity_times_unit_amount_rounded_to_the_cent()
    {
        var item = Item();
        item.Amount.ShouldBe(37.50m);
        item.Status.ShouldBe(PayableItemStatus.Submitted);
    }

    [Fact]
    public void The_submitter_can_never_approve()
    {
        var item = Item();
        Should.Throw<NotPermittedException>(() => item.Approve(Submitter, DateTimeOffset.UtcNow)).Code.ShouldBe(CompensationErrorCodes.SelfApproval);
        item.Status.ShouldBe(PayableItemStatus.Submitted);
    }

    [Fact]
    public void Approved_then_paid_records_method_reference_and_date_and_a_second_payment_is_a_conflict()
    {
        var item = Item();
        var stamp = item.ConcurrencyStamp;
        item.Approve(Approver, DateTimeOffset.UtcNow);
        item.ConcurrencyStamp.ShouldNotBe(stamp);
        item.Pay(Approver, PaymentMethod.Check, " 1042 ", new DateOnly(2027, 1, 5));
        (item.Status, item.PaidMethod, item.PaidReference, item.PaidOn).ShouldBe((PayableItemStatus.Paid, PaymentMethod.Check, "1042", new DateOnly(2027, 1, 5)));
        Should.Throw<StateConflictException>(() => item.Pay(Approver, PaymentMethod.Cash, null, new DateOnly(2027, 1, 6))).Code.ShouldBe(CompensationErrorCodes.AlreadyPaid);
        item.PaidMethod.ShouldBe(PaymentMethod.Check);
    }

    [Fact]
    public void An_item_is_paid_only_once_approved()
        => Should.Throw<StateConflictException>(() => Item().Pay(Approver, PaymentMethod.Cash, null, new DateOnly(2027, 1, 6))).Code.ShouldBe(CompensationErrorCodes.IllegalTransition);

    [Fact]
    public void A_paid_item_is_never_voided_but_adjusted_by_a_new_negative_item()
    {
        var item = Item();
        item.Approve(Approver, DateTimeOffset.UtcNow);
        item.Pay(Approver, PaymentMethod.GiftCard, null, new DateOnly(2027, 1, 5));
        Should.Throw<StateConflictException>(() => item.Void("wrong")).Code.ShouldBe(CompensationErrorCodes.PaidCannotBeVoided);

        var adjustment = item.Adjust("Attendance withdrawn", Submitter);
        (adjustment.Amount, adjustment.AdjustsItemId, adjustment.Status, adjustment.SourceId).ShouldBe((-37.50m, item.Id, PayableItemStatus.Submitted, item.SourceId));
        item.Status.ShouldBe(PayableItemStatus.Paid);
        item.Amount.ShouldBe(37.50m);
    }

    [Fact]
    public void An_unpaid_item_is_voided_with_its_reason_once()
    {
        var item = Item();
        item.Void(" Marked absent ");
        (item.Status, item.VoidReason).ShouldBe((PayableItemStatus.Voided, "Marked absent"));
        Should.Throw<StateConflictException>(() => item.Void("again")).Code.ShouldBe(CompensationErrorCodes.IllegalTransition);
        Should.Throw<StateConflictException>(() => item.Approve(Approver, DateTimeOffset.UtcNow)).Code.ShouldBe(CompensationErrorCodes.IllegalTransition);
    }

    [Fact]
    public void A_fixed_amount_must_be_positive_and_in_whole_cents()
    {
        Should.Throw<RuleBrokenException>(() => PayableItem.Fixed(Guid.NewGuid(), "Bus fare", new Money(2.755m, "USD"), PayableItemSourceKind.Reimbursement, null, Submitter))
            .Code.ShouldBe(CompensationErrorCodes.TooManyDecimals);
        Should.Throw<RuleBrokenException>(() => PayableItem.Fixed(Guid.NewGuid(), "Bus fare", new Money(0m, "USD"), PayableItemSourceKind.Reimbursement, null, Submitter))
            .Code.ShouldBe(CompensationErrorCodes.AmountNotPositive);
    }

    [Fact]
    public void A_rate_change_is_a_new_version_that_starts_after_the_current_one()
    {
        var rate = new Rate(Guid.NewGuid(), "Hourly stipend", RateUnit.Hour, new Money(25m, "USD"), null, new DateOnly(2027, 1, 1));
        var next = rate.Supersede(Guid.NewGuid(), new Money(30m, "USD"), new DateOnly(2027, 7, 1));
        (rate.Amount, rate.EffectiveTo).ShouldBe((25m, new DateOnly(2027, 6, 30)));
        (next.Amount, next.EffectiveFrom, next.EffectiveTo, next.PreviousVersionId).ShouldBe((30m, new DateOnly(2027, 7, 1), (DateOnly?)null, rate.Id));
        Rate.IsEffective(rate.EffectiveFrom, rate.EffectiveTo, new DateOnly(2027, 6, 30)).ShouldBeTrue();
        Rate.IsEffective(rate.EffectiveFrom, rate.EffectiveTo, new DateOnly(2027, 7, 1)).ShouldBeFalse();
        Should.Throw<StateConflictException>(() => rate.Supersede(Guid.NewGuid(), new Money(35m, "USD"), new DateOnly(2027, 8, 1))).Code.ShouldBe(CompensationErrorCodes.RateSuperseded);
        Should.Throw<RuleBrokenException>(() => next.Supersede(Guid.NewGuid(), new Money(35m, "USD"), new DateOnly(2027, 7, 1))).Code.ShouldBe(CompensationErrorCodes.RateVersionTooEarly);
    }
}
