using System.Security.Cryptography;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Notifications.Sending;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Notifications;

public sealed record UnsubscribeRequest(Guid? TenantId, string Email, EmailCategory Category);

/// <summary>
/// Tokens for one-click unsubscribe links: the partnership, the address and the category, sealed with the app's
/// data-protection keys (kept in the database, so every instance reads every token). A token only ever works for
/// the address it was made for.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, ICurrentTenant currentTenant, IOptions<MailOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("EngagementPlatform.Notifications.Unsubscribe.v1");

    public string Create(string email, EmailCategory category)
        => WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes($"{currentTenant.Id}|{(int)category}|{email.Trim().ToLowerInvariant()}")));

    public string Url(string email, EmailCategory category)
        => $"{(options.Value.PublicUrl ?? string.Empty).TrimEnd('/')}/api/notifications/unsubscribe/{Create(email, category)}";

    public UnsubscribeRequest? Read(string token)
    {
        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|', 3);
            Guid? tenant = Guid.TryParse(parts[0], out var id) ? id : null;
            return parts.Length == 3 && int.TryParse(parts[1], out var category) && Enum.IsDefined((EmailCategory)category)
                ? new UnsubscribeRequest(tenant, parts[2], (EmailCategory)category)
                : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
