using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace EngagementPlatform.Compensation.Application.Payees;

/// <summary>
/// Seals and opens a payee's <see cref="PaymentDetails"/> with the host's Data Protection keys
/// (docs/adr/0016-payee-details-data-protection.md). The purpose chain names the tenant and the payee, so a sealed
/// value copied to another payee's row, in this tenant or another, does not open: it is reported as unreadable
/// (409 <c>Compensation:PaymentDetailsUnreadable</c>), never decrypted as someone else's account.
/// </summary>
public sealed class PayeeDetailsProtector(IDataProtectionProvider protection, ICurrentTenant currentTenant)
{
    public const string Purpose = "EngagementPlatform.Compensation.PayeeDetails.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Protect(Payee payee, PaymentDetails details)
        => WebEncoders.Base64UrlEncode(Protector(payee).Protect(JsonSerializer.SerializeToUtf8Bytes(details, Json)));

    public PaymentDetails Unprotect(Payee payee)
    {
        if (payee.ProtectedDetails is not { } sealedValue)
        {
            return PaymentDetails.None;
        }

        try
        {
            var clear = Protector(payee).Unprotect(WebEncoders.Base64UrlDecode(sealedValue));
            return JsonSerializer.Deserialize<PaymentDetails>(clear, Json) ?? PaymentDetails.None;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            throw new StateConflictException(CompensationErrorCodes.PaymentDetailsUnreadable).WithData("payeeId", payee.Id.ToString());
        }
    }

    /// <summary>A payee made in this request has no tenant id until it is saved: it will be the current tenant's.</summary>
    private IDataProtector Protector(Payee payee)
        => protection.CreateProtector(Purpose, (payee.TenantId ?? currentTenant.Id ?? Guid.Empty).ToString("N"), payee.Id.ToString("N"));
}
