using EngagementPlatform.Governance;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Notifications.Sending;
using EngagementPlatform.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Notifications;

/// <summary>
/// What an email needs to know about where it is read: the recipient's language, the partnership's time zone for
/// every time it prints, and links into the app that carry the partnership (<c>?__tenant=</c>), so a reader who is
/// signed out signs in to the right partnership without typing its name and comes straight back to the page.
/// </summary>
public sealed class EmailLocale(ICurrentTenant currentTenant, ITenantStore tenants, IOptions<MailOptions> mail, IClock clock) : IAppLinks
{
    private (Guid? Id, TenantInfo? Info)? _tenant;

    /// <summary>The recipient's language when we write it, else the partnership's, else English.</summary>
    public async Task<string> CultureAsync(EmailRecipient recipient, CancellationToken cancellationToken)
    {
        if (EmailTemplateStore.Cultures.Contains(recipient.PreferredLanguage))
        {
            return recipient.PreferredLanguage!;
        }

        var language = (await TenantAsync(cancellationToken))?.DefaultLanguage;
        return EmailTemplateStore.Cultures.Contains(language) ? language! : "en";
    }

    /// <summary>The time in the partnership's zone and the reader's language; empty when there is none.</summary>
    public async Task<string> TimeAsync(DateTimeOffset? at, string culture, CancellationToken cancellationToken)
        => at is { } value ? EmailTimes.Format(value, (await TenantAsync(cancellationToken))?.TimeZone, culture, clock.Now) : string.Empty;

    /// <summary>An absolute link to a page of the web app (<paramref name="path"/> starts with "/"), naming the partnership.</summary>
    public async Task<string> AppLinkAsync(string path, CancellationToken cancellationToken)
    {
        var url = $"{(mail.Value.PublicUrl ?? string.Empty).TrimEnd('/')}{path}";
        var name = (await TenantAsync(cancellationToken))?.Name;
        return name is null ? url : $"{url}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{MultiTenancyConstants.TenantHeader}={Uri.EscapeDataString(name)}";
    }

    Task<string> IAppLinks.LinkAsync(string path, CancellationToken cancellationToken) => AppLinkAsync(path, cancellationToken);

    /// <summary>The web app's page for a decision (Governance names its routes in its contracts).</summary>
    public Task<string> DecisionLinkAsync(Guid decisionId, CancellationToken cancellationToken) => AppLinkAsync(GovernanceRoutes.Decision(decisionId), cancellationToken);

    /// <summary>The signed-in page where a person chooses which emails they get.</summary>
    public Task<string> PreferencesLinkAsync(CancellationToken cancellationToken) => AppLinkAsync("/notifications/preferences", cancellationToken);

    private async Task<TenantInfo?> TenantAsync(CancellationToken cancellationToken)
    {
        var id = currentTenant.Id;
        if (_tenant is not { } cached || cached.Id != id)
        {
            _tenant = (id, id is { } tenantId ? await tenants.FindAsync(tenantId, cancellationToken) : null);
        }

        return _tenant.Value.Info;
    }
}
