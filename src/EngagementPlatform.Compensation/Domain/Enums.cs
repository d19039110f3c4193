namespace EngagementPlatform.Compensation.Domain;

/// <summary>What a rate pays for.</summary>
public enum RateUnit
{
    Hour,
    Meeting,
    Deliverable,
}

/// <summary>Submitted → Approved → Paid, or Voided with a reason (before payment only).</summary>
public enum PayableItemStatus
{
    Submitted,
    Approved,
    Paid,
    Voided,
}

/// <summary>Where an item comes from: a meeting's attendance, or staff's entry of time, a deliverable, a reimbursement.</summary>
public enum PayableItemSourceKind
{
    Meeting,
    Time,
    Deliverable,
    Reimbursement,
    Other,
}

public enum PaymentMethod
{
    Check,
    BankTransfer,
    GiftCard,
    StripeTransfer,
    Cash,
}

public enum PayeeKind
{
    Person,
    Organization,
}

/// <summary>A payee's own choice about being paid (many members weigh whether a stipend counts as income for their benefits).</summary>
public enum PaymentChoice
{
    Accept,
    Decline,
}
