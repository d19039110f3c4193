using System.Text;

namespace EngagementPlatform.Compensation.Domain;

/// <summary>Where a check is mailed.</summary>
public sealed record MailingAddress(string Line1, string? Line2, string City, string Region, string PostalCode, string? Country);

/// <summary>
/// Everything a payee's payment method needs, in the clear: only ever held in memory. At rest it is one JSON document
/// sealed by <see cref="Application.Payees.PayeeDetailsProtector"/> (docs/adr/0016-payee-details-data-protection.md).
/// Check: <see cref="MailingAddress"/>; BankTransfer: account holder, routing and account number; GiftCard: vendor
/// and delivery email; Cash and StripeTransfer: nothing.
/// </summary>
public sealed record PaymentDetails(
    MailingAddress? MailingAddress = null,
    string? AccountHolder = null,
    string? RoutingNumber = null,
    string? AccountNumber = null,
    string? GiftCardVendor = null,
    string? DeliveryEmail = null)
{
    public static readonly PaymentDetails None = new();

    public bool IsEmpty => this == None;

    /// <summary>What staff without <c>Compensation.Payees.ViewDetails</c>, the payee and the audit log see.</summary>
    public MaskedPaymentDetails Masked() => new(
        MailingAddress is { } a ? $"•••• {a.City}, {a.Region}" : null,
        AccountHolder is { } h ? Initials(h) : null,
        RoutingNumber is { } r ? Last4(r) : null,
        AccountNumber is { } n ? Last4(n) : null,
        GiftCardVendor,
        DeliveryEmail is { } e ? MaskEmail(e) : null);

    /// <summary>"••••6789": the last four characters, the rest hidden.</summary>
    public static string Last4(string value) => "••••" + (value.Length <= 4 ? value : value[^4..]);

    private static string Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var shown = new StringBuilder();
        foreach (var word in words)
        {
            shown.Append(shown.Length == 0 ? string.Empty : " ").Append(word[0]).Append("•••");
        }

        return shown.ToString();
    }

    private static string MaskEmail(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? "••••" : $"{email[0]}•••{email[at..]}";
    }
}

/// <summary>A payee's payment details with every sensitive value masked (e.g. the account number as <c>••••6789</c>).</summary>
public sealed record MaskedPaymentDetails(
    string? MailingAddress,
    string? AccountHolder,
    string? RoutingNumber,
    string? AccountNumber,
    string? GiftCardVendor,
    string? DeliveryEmail);
