using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Compensation.Domain;

/// <summary>
/// One amount owed to one payee: quantity × unit amount, rounded once to the currency's minor unit when the item is
/// made (<see cref="Money.Times"/>). Submitted → Approved → Paid, or Voided with a reason before it is paid. The
/// approver is never the submitter. A paid item is never edited: a correction is a new adjusting item
/// (<see cref="Adjust"/>, the negative of the original, linked to it). An item from a source (a meeting) exists once
/// per source and payee: a unique index on (tenant, source kind, source id, payee) over the items that are neither
/// voided nor adjustments, so attendance recorded again (or twice at once) cannot pay anyone twice.
/// <para>
/// <see cref="ConcurrencyStamp"/> changes with every transition and is checked by the update, so of two simultaneous
/// payments of one item one succeeds and the other is refused (409), never both.
/// </para>
/// </summary>
[Audited(KeepValues = true)]
public sealed class PayableItem : AggregateRoot<Guid>, IMultiTenant, IHasCreationAudit, IHasModificationAudit
{
    public const int MaxDescriptionLength = 500;
    public const int MaxReasonLength = 1000;
    public const int MaxReferenceLength = 200;
    public const int MaxSourceLabelLength = 300;

    private PayableItem()
    {
    }

    private PayableItem(Guid payeeId, string description, decimal quantity, Money unitAmount, Money amount, PayableItemSourceKind sourceKind,
        Guid? sourceId, string sourceLabel, Guid? councilId, Guid? rateId, Guid submittedBy, Guid? adjustsItemId)
    {
        Id = Guid.CreateVersion7();
        PayeeId = payeeId;
        Description = description;
        Quantity = quantity;
        UnitAmount = unitAmount.Amount;
        Amount = amount.Amount;
        Currency = amount.Currency;
        SourceKind = sourceKind;
        SourceId = sourceId;
        SourceLabel = sourceLabel;
        CouncilId = councilId;
        RateId = rateId;
        SubmittedBy = submittedBy;
        AdjustsItemId = adjustsItemId;
        Status = PayableItemStatus.Submitted;
        ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>An item priced by quantity × unit amount (a rate's amount), its total rounded once to the minor unit.</summary>
    public static PayableItem Priced(Guid payeeId, string description, decimal quantity, Money unitAmount, PayableItemSourceKind sourceKind,
        Guid? sourceId, string sourceLabel, Guid? councilId, Guid? rateId, Guid submittedBy)
    {
        if (quantity <= 0)
        {
            throw new RuleBrokenException(CompensationErrorCodes.AmountNotPositive).WithData("quantity", quantity);
        }

        var amount = unitAmount.Times(quantity);
        return new PayableItem(payeeId, description, quantity, unitAmount, amount, sourceKind, sourceId, sourceLabel, councilId, rateId, submittedBy, null);
    }

    /// <summary>An item of a fixed amount (a reimbursement): quantity 1, the amount already in whole minor units.</summary>
    public static PayableItem Fixed(Guid payeeId, string description, Money amount, PayableItemSourceKind sourceKind, Guid? councilId, Guid submittedBy)
    {
        if (amount.Amount <= 0)
        {
            throw new RuleBrokenException(CompensationErrorCodes.AmountNotPositive).WithData("amount", amount.Amount);
        }

        if (!amount.IsWholeMinorUnits)
        {
            throw new RuleBrokenException(CompensationErrorCodes.TooManyDecimals).WithData("currency", amount.Currency);
        }

        return new PayableItem(payeeId, description, 1m, amount, amount, sourceKind, null, description, councilId, null, submittedBy, null);
    }

    public Guid? TenantId { get; set; }

    public Guid PayeeId { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public decimal Quantity { get; private set; }

    public decimal UnitAmount { get; private set; }

    /// <summary>The total, rounded to the currency's minor unit; negative for an adjusting item.</summary>
    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "USD";

    public PayableItemStatus Status { get; private set; }

    public PayableItemSourceKind SourceKind { get; private set; }

    /// <summary>The meeting (or other source) the item is for; null for an entry by staff.</summary>
    public Guid? SourceId { get; private set; }

    /// <summary>What the item is for, as people read it ("Community Health Council, 12 March 2027").</summary>
    public string SourceLabel { get; private set; } = string.Empty;

    public Guid? CouncilId { get; private set; }

    public Guid? RateId { get; private set; }

    public Guid SubmittedBy { get; private set; }

    public Guid? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public PaymentMethod? PaidMethod { get; private set; }

    public string? PaidReference { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public Guid? PaidBy { get; private set; }

    public string? VoidReason { get; private set; }

    /// <summary>The paid item this one corrects (a negative amount), if it is an adjustment.</summary>
    public Guid? AdjustsItemId { get; private set; }

    public string ConcurrencyStamp { get; private set; } = string.Empty;

    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    public Money Total => new(Amount, Currency);

    /// <summary>The program the item is charged to, fixed when it is made (a council's program for attendance), so history does not move.</summary>
    public Guid? ProgramId { get; private set; }

    /// <summary>
    /// When the work was done, in the partnership's calendar: the meeting's date for attendance, the day of entry for
    /// staff's items. Late-payment ageing counts from it (items made before it was kept count from their creation date).
    /// </summary>
    public DateOnly? ServiceDate { get; private set; }

    /// <summary>Sets the program and the service date of a new item (an adjustment inherits its original's).</summary>
    public PayableItem Charged(Guid? programId, DateOnly? serviceDate)
    {
        ProgramId = programId;
        ServiceDate = serviceDate;
        return this;
    }

    public void Approve(Guid approver, DateTimeOffset now)
    {
        if (approver == SubmittedBy)
        {
            throw new NotPermittedException(CompensationErrorCodes.SelfApproval).WithData("itemId", Id.ToString());
        }

        Require(PayableItemStatus.Submitted, "ApprovePayableItem");
        Status = PayableItemStatus.Approved;
        ApprovedBy = approver;
        ApprovedAt = now;
        Touch();
    }

    public void Pay(Guid payer, PaymentMethod method, string? reference, DateOnly paidOn)
    {
        if (Status == PayableItemStatus.Paid)
        {
            throw new StateConflictException(CompensationErrorCodes.AlreadyPaid).WithData("itemId", Id.ToString());
        }

        Require(PayableItemStatus.Approved, "PayPayableItem");
        Status = PayableItemStatus.Paid;
        PaidMethod = method;
        PaidReference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        PaidOn = paidOn;
        PaidBy = payer;
        Touch();
    }

    public void Void(string reason)
    {
        if (Status == PayableItemStatus.Paid)
        {
            throw new StateConflictException(CompensationErrorCodes.PaidCannotBeVoided).WithData("itemId", Id.ToString());
        }

        if (Status == PayableItemStatus.Voided)
        {
            throw new StateConflictException(CompensationErrorCodes.IllegalTransition).WithData("itemId", Id.ToString()).WithData("status", Status).WithData("action", LocalizableWord.Action("VoidPayableItem"));
        }

        Status = PayableItemStatus.Voided;
        VoidReason = reason.Trim();
        Touch();
    }

    /// <summary>The correction of a paid item: a new item of the negative amount, linked to this one, to approve and settle.</summary>
    public PayableItem Adjust(string description, Guid submittedBy)
    {
        if (Status != PayableItemStatus.Paid)
        {
            throw new StateConflictException(CompensationErrorCodes.IllegalTransition).WithData("itemId", Id.ToString()).WithData("status", Status).WithData("action", LocalizableWord.Action("AdjustPayableItem"));
        }

        return new PayableItem(PayeeId, description, Quantity, new Money(-UnitAmount, Currency), -Total, SourceKind, SourceId, SourceLabel, CouncilId, RateId, submittedBy, Id)
            .Charged(ProgramId, ServiceDate);
    }

    private void Require(PayableItemStatus status, string action)
    {
        if (Status != status)
        {
            throw new StateConflictException(CompensationErrorCodes.IllegalTransition).WithData("itemId", Id.ToString()).WithData("status", Status).WithData("action", LocalizableWord.Action(action));
        }
    }

    private void Touch() => ConcurrencyStamp = Guid.NewGuid().ToString("N");
}
