using EngagementPlatform.Compensation.Domain;

namespace EngagementPlatform.Compensation.Application.Items;

/// <summary>Who is paid, as an item shows it.</summary>
public sealed record ItemPayeeDto(Guid Id, PayeeKind Kind, Guid? UserId, string Name);

/// <summary>What an item is for: a meeting's attendance (with the meeting's id), or an entry by staff.</summary>
public sealed record ItemSourceDto(PayableItemSourceKind Kind, Guid? Id, string Label);

/// <summary>
/// A payable item. <c>amount</c> is the total (quantity × unitAmount, rounded once to the currency's minor unit, half
/// away from zero); an adjusting item has a negative amount and <c>adjustsItemId</c>.
/// </summary>
public sealed record PayableItemDto(
    Guid Id,
    ItemPayeeDto Payee,
    string Description,
    decimal Quantity,
    decimal UnitAmount,
    decimal Amount,
    string Currency,
    PayableItemStatus Status,
    ItemSourceDto Source,
    Guid? CouncilId,
    Guid? RateId,
    Guid SubmittedBy,
    Guid? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    PaymentMethod? PaidMethod,
    string? PaidReference,
    DateOnly? PaidOn,
    string? VoidReason,
    Guid? AdjustsItemId,
    DateTimeOffset CreationTime);

/// <summary>A row of the payable-items queue.</summary>
public sealed record PayableItemSummaryDto(
    Guid Id,
    ItemPayeeDto Payee,
    string Description,
    decimal Quantity,
    decimal UnitAmount,
    decimal Amount,
    string Currency,
    PayableItemStatus Status,
    ItemSourceDto Source,
    Guid? CouncilId,
    Guid SubmittedBy,
    DateOnly? PaidOn,
    Guid? AdjustsItemId,
    DateTimeOffset CreationTime);

/// <summary>
/// An item entered by staff: who (<c>payeeUserId</c> for a person, <c>payeeId</c> for a partner organization) and how
/// much: a <c>rateId</c> in effect today and a <c>quantity</c> (hours, meetings, deliverables), or an <c>amount</c> and
/// <c>currency</c> (a reimbursement). <c>programId</c> charges it to a program (else the council's program, if any).
/// </summary>
public sealed record PayableItemRequest(
    Guid? PayeeUserId,
    Guid? PayeeId,
    string Description,
    decimal? Quantity,
    Guid? RateId,
    decimal? Amount,
    string? Currency,
    PayableItemSourceKind? Kind,
    Guid? CouncilId,
    Guid? ProgramId = null);

public sealed record ItemIdsRequest(IReadOnlyList<Guid> ItemIds);

public sealed record PaymentRequest(PaymentMethod Method, string? Reference, DateOnly? PaidOn);

public sealed record BatchPaymentRequest(IReadOnlyList<Guid> ItemIds, PaymentMethod Method, string? Reference, DateOnly? PaidOn);

public sealed record VoidRequest(string Reason);

/// <summary>The items a batch changed, in the order they were named.</summary>
public sealed record PayableItemBatchDto(IReadOnlyList<PayableItemDto> Items);
