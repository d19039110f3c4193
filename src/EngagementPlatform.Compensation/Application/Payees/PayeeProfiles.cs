using System.Text.Json;
using System.Text.RegularExpressions;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Framework.Validation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Compensation.Application.Payees;

// DTOs and requests --------------------------------------------------------------------------------------------------

/// <summary>How a payee prefers to be paid, its sensitive details masked (the account number as <c>••••6789</c>).</summary>
public sealed record PaymentPreferenceDto(PaymentMethod? Method, MaskedPaymentDetails? Details);

/// <summary>W-9 on file, when it was received, and at most the last four digits of the tax id.</summary>
public sealed record TaxFormDto(bool W9OnFile, DateOnly? ReceivedOn, string? TinLast4);

/// <summary>
/// The payee's own choice: <c>choice</c> is null until they choose (paid as usual), <c>noticeVersion</c> the notice
/// they acknowledged, <c>currentNoticeVersion</c> the one a new choice must name.
/// </summary>
public sealed record PaymentChoiceDto(PaymentChoice? Choice, PaymentMethod? PreferredMethod, string? NoticeVersion, DateTimeOffset? ChosenAt, string CurrentNoticeVersion);

/// <summary>A payee as staff see it: who, the masked preference, the tax form and the payee's own choice.</summary>
public sealed record PayeeProfileDto(
    Guid Id,
    PayeeKind Kind,
    Guid? UserId,
    string Name,
    string? ContactEmail,
    PaymentPreferenceDto Preference,
    TaxFormDto TaxForm,
    PaymentChoiceDto Choice,
    DateTimeOffset CreationTime);

/// <summary>A payee's payment details in full (an audited read).</summary>
public sealed record FullPaymentDetailsDto(Guid PayeeId, PaymentMethod? Method, PaymentDetails Details);

/// <summary>
/// A payment preference: the method and the details it needs. Check: <c>mailingAddress</c>; BankTransfer:
/// <c>accountHolder</c>, <c>routingNumber</c> (9 digits), <c>accountNumber</c> (4–17 digits); GiftCard: optional
/// <c>giftCardVendor</c> and <c>deliveryEmail</c>; Cash and StripeTransfer: none.
/// </summary>
public sealed record PaymentPreferenceRequest(
    PaymentMethod Method,
    MailingAddress? MailingAddress,
    string? AccountHolder,
    string? RoutingNumber,
    string? AccountNumber,
    string? GiftCardVendor,
    string? DeliveryEmail);

public sealed record TaxFormRequest(bool W9OnFile, DateOnly? ReceivedOn, string? TinLast4);

/// <summary>A member's choice: Accept or Decline, optionally the form of payment, and the notice version they read.</summary>
public sealed record PaymentChoiceRequest(PaymentChoice Choice, PaymentMethod? PreferredMethod, string? NoticeVersion);

internal static class PayeeProfiles
{
    /// <summary>The masked form is stored as people read it (•, accents), not as \u escapes.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string SerializeMasked(MaskedPaymentDetails masked) => JsonSerializer.Serialize(masked, Json);

    public static PaymentPreferenceDto Preference(this Payee p)
        => new(p.PreferredMethod, p.DetailsMasked is { } masked ? JsonSerializer.Deserialize<MaskedPaymentDetails>(masked, Json) : null);

    public static TaxFormDto TaxForm(this Payee p) => new(p.W9OnFile, p.W9ReceivedOn, p.TinLast4);

    public static PaymentChoiceDto ChoiceOf(this Payee? p)
        => new(p?.Choice, p?.ChoiceMethod, p?.ChoiceNoticeVersion, p?.ChoiceMadeAt, PaymentNotice.CurrentVersion);

    public static PayeeProfileDto Profile(this Payee p)
        => new(p.Id, p.Kind, p.UserId, p.Name, p.ContactEmail, p.Preference(), p.TaxForm(), p.ChoiceOf(), p.CreationTime);

    public static async Task<Payee> FindPayeeAsync(this ICompensationDbContext db, Guid payeeId, CancellationToken cancellationToken)
        => await db.Payees.FirstOrDefaultAsync(p => p.Id == payeeId, cancellationToken) ?? throw new EntityNotFoundException(nameof(Payee), payeeId);

    public static Guid SignedIn(this ICurrentUser currentUser)
        => currentUser.Id ?? throw new InvalidOperationException("A signed-in person is needed.");
}

/// <summary>
/// Checks a preference against its method (<c>Compensation:InvalidPaymentDetails</c>, per field) and turns it into the
/// details to seal: a detail the method does not use is refused rather than kept, so nothing is stored that nobody sees.
/// </summary>
internal static partial class PaymentPreferenceRules
{
    [GeneratedRegex(@"^\d{9}$")]
    private static partial Regex RoutingNumber();

    [GeneratedRegex(@"^\d{4,17}$")]
    private static partial Regex AccountNumber();

    public static PaymentDetails Details(PaymentPreferenceRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        void Missing(string field, string message) => errors[field] = [message];
        var unused = new List<string>();
        if (r.Method != PaymentMethod.Check && r.MailingAddress is not null) unused.Add("mailingAddress");
        if (r.Method != PaymentMethod.BankTransfer)
        {
            if (r.AccountHolder is not null) unused.Add("accountHolder");
            if (r.RoutingNumber is not null) unused.Add("routingNumber");
            if (r.AccountNumber is not null) unused.Add("accountNumber");
        }

        if (r.Method != PaymentMethod.GiftCard)
        {
            if (r.GiftCardVendor is not null) unused.Add("giftCardVendor");
            if (r.DeliveryEmail is not null) unused.Add("deliveryEmail");
        }

        foreach (var field in unused)
        {
            errors[field] = [$"Not used for {r.Method}; leave it out."];
        }

        switch (r.Method)
        {
            case PaymentMethod.Check:
                var a = r.MailingAddress;
                if (a is null)
                {
                    Missing("mailingAddress", "A check needs a mailing address.");
                }
                else
                {
                    if (string.IsNullOrWhiteSpace(a.Line1)) Missing("mailingAddress.line1", "Enter the street address.");
                    if (string.IsNullOrWhiteSpace(a.City)) Missing("mailingAddress.city", "Enter the city.");
                    if (string.IsNullOrWhiteSpace(a.Region)) Missing("mailingAddress.region", "Enter the state or region.");
                    if (string.IsNullOrWhiteSpace(a.PostalCode)) Missing("mailingAddress.postalCode", "Enter the postal code.");
                }

                break;
            case PaymentMethod.BankTransfer:
                if (string.IsNullOrWhiteSpace(r.AccountHolder)) Missing("accountHolder", "Enter the account holder's name.");
                if (r.RoutingNumber is null || !RoutingNumber().IsMatch(r.RoutingNumber.Trim())) Missing("routingNumber", "A routing number has 9 digits.");
                if (r.AccountNumber is null || !AccountNumber().IsMatch(r.AccountNumber.Trim())) Missing("accountNumber", "An account number has 4 to 17 digits.");
                break;
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(CompensationErrorCodes.InvalidPaymentDetails, errors).WithData("method", r.Method.ToString());
        }

        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return r.Method switch
        {
            PaymentMethod.Check => new PaymentDetails(MailingAddress: r.MailingAddress! with
            {
                Line1 = r.MailingAddress.Line1.Trim(),
                Line2 = Clean(r.MailingAddress.Line2),
                City = r.MailingAddress.City.Trim(),
                Region = r.MailingAddress.Region.Trim(),
                PostalCode = r.MailingAddress.PostalCode.Trim(),
                Country = Clean(r.MailingAddress.Country),
            }),
            PaymentMethod.BankTransfer => new PaymentDetails(AccountHolder: r.AccountHolder!.Trim(), RoutingNumber: r.RoutingNumber!.Trim(), AccountNumber: r.AccountNumber!.Trim()),
            PaymentMethod.GiftCard => new PaymentDetails(GiftCardVendor: Clean(r.GiftCardVendor), DeliveryEmail: Clean(r.DeliveryEmail)),
            _ => PaymentDetails.None,
        };
    }
}

public sealed class PaymentPreferenceRequestValidator : AbstractValidator<PaymentPreferenceRequest>
{
    public PaymentPreferenceRequestValidator()
    {
        RuleFor(r => r.Method).IsInEnum();
        RuleFor(r => r.AccountHolder).MaximumLength(200);
        RuleFor(r => r.RoutingNumber).MaximumLength(32);
        RuleFor(r => r.AccountNumber).MaximumLength(34);
        RuleFor(r => r.GiftCardVendor).MaximumLength(100);
        RuleFor(r => r.DeliveryEmail).MaximumLength(Payee.MaxEmailLength).DeliverableEmail().When(r => !string.IsNullOrWhiteSpace(r.DeliveryEmail));
        When(r => r.MailingAddress is not null, () =>
        {
            RuleFor(r => r.MailingAddress!.Line1).MaximumLength(200);
            RuleFor(r => r.MailingAddress!.Line2).MaximumLength(200);
            RuleFor(r => r.MailingAddress!.City).MaximumLength(100);
            RuleFor(r => r.MailingAddress!.Region).MaximumLength(100);
            RuleFor(r => r.MailingAddress!.PostalCode).MaximumLength(20);
            RuleFor(r => r.MailingAddress!.Country).MaximumLength(100);
        });
    }
}

// Staff --------------------------------------------------------------------------------------------------------------

public sealed record GetPayeeQuery(Guid PayeeId) : IQuery<PayeeProfileDto>;

public sealed class GetPayeeHandler(ICompensationDbContext db) : IQueryHandler<GetPayeeQuery, PayeeProfileDto>
{
    public async ValueTask<PayeeProfileDto> Handle(GetPayeeQuery query, CancellationToken cancellationToken)
        => (await db.Payees.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.PayeeId, cancellationToken)
            ?? throw new EntityNotFoundException(nameof(Payee), query.PayeeId)).Profile();
}

/// <summary>Sets a payee's payment preference, by staff (<c>payeeId</c>) or by the member themself (<c>payeeId</c> null).</summary>
public sealed record SetPaymentPreferenceCommand(Guid? PayeeId, PaymentPreferenceRequest Preference) : ICommand<PaymentPreferenceDto>;

public sealed class SetPaymentPreferenceValidator : AbstractValidator<SetPaymentPreferenceCommand>
{
    public SetPaymentPreferenceValidator() => RuleFor(c => c.Preference).NotNull().SetValidator(new PaymentPreferenceRequestValidator());
}

/// <summary>
/// Seals the details with the tenant's and payee's purpose (<see cref="PayeeDetailsProtector"/>) and keeps their masked
/// form beside them; the audit log records the method and the masked form before and after, never the clear text.
/// </summary>
public sealed class SetPaymentPreferenceHandler(ICompensationDbContext db, PersonPayees personPayees, PayeeDetailsProtector protector, ICurrentUser currentUser)
    : ICommandHandler<SetPaymentPreferenceCommand, PaymentPreferenceDto>
{
    public async ValueTask<PaymentPreferenceDto> Handle(SetPaymentPreferenceCommand command, CancellationToken cancellationToken)
    {
        var details = PaymentPreferenceRules.Details(command.Preference);
        var payee = command.PayeeId is { } payeeId
            ? await db.FindPayeeAsync(payeeId, cancellationToken)
            : (await personPayees.GetOrCreateAsync([currentUser.SignedIn()], "userId", cancellationToken)).Single().Value;
        payee.SetPaymentPreference(
            command.Preference.Method,
            details.IsEmpty ? null : protector.Protect(payee, details),
            details.IsEmpty ? null : PayeeProfiles.SerializeMasked(details.Masked()));
        return payee.Preference();
    }
}

public sealed record GetPaymentDetailsQuery(Guid PayeeId) : IQuery<FullPaymentDetailsDto>;

/// <summary>The details in full, for <c>Compensation.Payees.ViewDetails</c>: every read is in the audit log (action Read).</summary>
public sealed class GetPaymentDetailsHandler(ICompensationDbContext db, PayeeDetailsProtector protector, IAuditLog auditLog)
    : IQueryHandler<GetPaymentDetailsQuery, FullPaymentDetailsDto>
{
    public async ValueTask<FullPaymentDetailsDto> Handle(GetPaymentDetailsQuery query, CancellationToken cancellationToken)
    {
        var payee = await db.Payees.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.PayeeId, cancellationToken)
                    ?? throw new EntityNotFoundException(nameof(Payee), query.PayeeId);
        await auditLog.RecordReadAsync(nameof(Payee), payee.Id.ToString(), cancellationToken);
        return new FullPaymentDetailsDto(payee.Id, payee.PreferredMethod, protector.Unprotect(payee));
    }
}

public sealed record SetTaxFormCommand(Guid PayeeId, TaxFormRequest TaxForm) : ICommand<TaxFormDto>;

/// <summary>
/// W-9 status. <c>tinLast4</c> is at most the last four digits of the tax id: anything else (a full SSN or EIN, with or
/// without dashes) is refused with 400 <c>Compensation:TinLast4Only</c> and nothing is stored. The value refused is
/// never echoed back or logged.
/// </summary>
public sealed partial class SetTaxFormHandler(ICompensationDbContext db) : ICommandHandler<SetTaxFormCommand, TaxFormDto>
{
    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex Last4();

    public async ValueTask<TaxFormDto> Handle(SetTaxFormCommand command, CancellationToken cancellationToken)
    {
        var r = command.TaxForm ?? throw new InvalidRequestException(CompensationErrorCodes.InvalidTaxForm);
        var tin = string.IsNullOrWhiteSpace(r.TinLast4) ? null : r.TinLast4.Trim();
        if (tin is not null && !Last4().IsMatch(tin))
        {
            throw new FieldValidationException(CompensationErrorCodes.TinLast4Only, new Dictionary<string, string[]>
            {
                ["tinLast4"] = ["Only the last 4 digits of the tax id; never the full number."],
            });
        }

        if (r.W9OnFile && r.ReceivedOn is null)
        {
            throw new FieldValidationException(CompensationErrorCodes.InvalidTaxForm, new Dictionary<string, string[]>
            {
                ["receivedOn"] = ["Enter the date the W-9 was received."],
            });
        }

        var payee = await db.FindPayeeAsync(command.PayeeId, cancellationToken);
        payee.SetTaxForm(r.W9OnFile, r.ReceivedOn, tin);
        return payee.TaxForm();
    }
}

// The member themself ------------------------------------------------------------------------------------------------

public sealed record GetMyPaymentChoiceQuery : IQuery<PaymentChoiceDto>;

public sealed class GetMyPaymentChoiceHandler(PersonPayees personPayees, ICurrentUser currentUser) : IQueryHandler<GetMyPaymentChoiceQuery, PaymentChoiceDto>
{
    public async ValueTask<PaymentChoiceDto> Handle(GetMyPaymentChoiceQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.SignedIn();
        return (await personPayees.FindAsync([me], cancellationToken)).GetValueOrDefault(me).ChoiceOf();
    }
}

public sealed record GetMyPaymentPreferenceQuery : IQuery<PaymentPreferenceDto>;

public sealed class GetMyPaymentPreferenceHandler(PersonPayees personPayees, ICurrentUser currentUser) : IQueryHandler<GetMyPaymentPreferenceQuery, PaymentPreferenceDto>
{
    public async ValueTask<PaymentPreferenceDto> Handle(GetMyPaymentPreferenceQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.SignedIn();
        return (await personPayees.FindAsync([me], cancellationToken)).GetValueOrDefault(me)?.Preference() ?? new PaymentPreferenceDto(null, null);
    }
}

public sealed record SetMyPaymentChoiceCommand(PaymentChoiceRequest Choice) : ICommand<PaymentChoiceDto>;

public sealed class SetMyPaymentChoiceValidator : AbstractValidator<SetMyPaymentChoiceCommand>
{
    public SetMyPaymentChoiceValidator()
    {
        RuleFor(c => c.Choice).NotNull();
        RuleFor(c => c.Choice.Choice).IsInEnum().When(c => c.Choice is not null);
        RuleFor(c => c.Choice.PreferredMethod).IsInEnum().When(c => c.Choice?.PreferredMethod is not null);
    }
}

/// <summary>
/// Records the member's own choice with the notice version they read and when. A choice that does not name the
/// current notice version is refused (400 <c>Compensation:NoticeNotAcknowledged</c>) before anything is made, not even
/// the payee record. Declining keeps new items coming (attendance stays visible) but stops approval and payment
/// (409 <c>Compensation:PayeeDeclined</c>) until the member accepts again.
/// </summary>
public sealed class SetMyPaymentChoiceHandler(PersonPayees personPayees, ICurrentUser currentUser, IClock clock)
    : ICommandHandler<SetMyPaymentChoiceCommand, PaymentChoiceDto>
{
    public async ValueTask<PaymentChoiceDto> Handle(SetMyPaymentChoiceCommand command, CancellationToken cancellationToken)
    {
        var r = command.Choice;
        if (r.NoticeVersion?.Trim() != PaymentNotice.CurrentVersion)
        {
            throw new InvalidRequestException(CompensationErrorCodes.NoticeNotAcknowledged).WithData("version", PaymentNotice.CurrentVersion);
        }

        var me = currentUser.SignedIn();
        var payee = (await personPayees.GetOrCreateAsync([me], "userId", cancellationToken))[me];
        payee.Choose(r.Choice, r.PreferredMethod, PaymentNotice.CurrentVersion, clock.Now);
        return payee.ChoiceOf();
    }
}
