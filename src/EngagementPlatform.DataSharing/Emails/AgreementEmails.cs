using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity;
using EngagementPlatform.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.DataSharing.Emails;

/// <summary>
/// Queues Data sharing's emails in the outbox, inside the unit of work of the change or the job run that causes them.
/// A party's contacts are its signatory (their account's address, in their own language) and its contact address (an
/// outside address, in the partnership's language); an address named twice gets one email. Every email carries a
/// deduplication key naming the agreement, what it is about and the address, so a job that runs twice, or two runs
/// at once, queue each email once (ADR 0011). All of them are essential mail: they concern an agreement the reader's
/// organization is bound by.
/// </summary>
public sealed class AgreementEmails(IEmailOutbox outbox, IUserDirectory users, ICurrentTenant currentTenant, ITenantStore tenants, ITextLocalizer texts, IAppLinks links)
{
    private string? _tenantLanguage;

    /// <summary>Asks each of <paramref name="signatoryUserIds"/> to sign the version in review: one email per person per submission.</summary>
    public async Task QueueSignRequestsAsync(Agreement agreement, AgreementVersion version, IReadOnlyCollection<Guid> signatoryUserIds, CancellationToken cancellationToken)
    {
        var people = signatoryUserIds.Count == 0 ? new Dictionary<Guid, UserInfo>() : await users.FindAsync(signatoryUserIds, cancellationToken);
        var signUrl = await links.LinkAsync(DataSharingRoutes.Sign(agreement.Id), cancellationToken);
        var submitted = version.SubmittedAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "0";
        foreach (var userId in signatoryUserIds.Distinct())
        {
            if (!people.TryGetValue(userId, out var user) || !user.IsActive || string.IsNullOrWhiteSpace(user.Email))
            {
                continue;
            }

            var recipient = new EmailRecipient(user.Email, user.Name, user.PreferredLanguage, user.Id);
            var culture = TextLocalizer.CultureOf(recipient.PreferredLanguage);
            var partyNames = string.Join(", ", version.UnsignedParties().Where(p => p.SignatoryUserId == userId).Select(p => p.Name));
            await outbox.EnqueueAsync(
                DataSharingEmailTemplates.SignRequest,
                recipient,
                new SignRequestEmail(await InfoAsync(agreement, version, culture, cancellationToken), version.Number, partyNames, signUrl),
                EmailCategory.Essential,
                new EmailOptions(texts.Get(DataSharingEmailTexts.SignatoryReason, culture), $"data-sharing-sign:{agreement.Id:N}:{version.Number}:{submitted}:{user.Id:N}"),
                cancellationToken);
        }
    }

    /// <summary>Reminds every contact of every party that the agreement ends in <paramref name="daysLeft"/> days (reminder <paramref name="threshold"/>).</summary>
    public async Task<int> QueueExpiryReminderAsync(Agreement agreement, int threshold, int daysLeft, CancellationToken cancellationToken)
    {
        var version = agreement.Current;
        var endsOn = Iso(agreement.EffectiveTo!.Value);
        var queued = 0;
        foreach (var recipient in await ContactsAsync(version.Parties, cancellationToken))
        {
            var culture = TextLocalizer.CultureOf(recipient.PreferredLanguage);
            queued += await outbox.EnqueueAsync(
                DataSharingEmailTemplates.ExpiryReminder,
                recipient,
                new ExpiryReminderEmail(await InfoAsync(agreement, version, culture, cancellationToken), daysLeft, endsOn),
                EmailCategory.Essential,
                new EmailOptions(texts.Get(DataSharingEmailTexts.PartyContactReason, culture), $"data-sharing-expiry:{agreement.Id:N}:{endsOn}:{threshold}:{AddressKey(recipient.Email)}"),
                cancellationToken) ? 1 : 0;
        }

        return queued;
    }

    /// <summary>Asks the contacts of <paramref name="party"/> to destroy the data by the destruction date and attest it (reminder <paramref name="threshold"/>).</summary>
    public async Task<int> QueueDestructionReminderAsync(Agreement agreement, AgreementParty party, int threshold, int daysLeft, CancellationToken cancellationToken)
    {
        var version = agreement.Current;
        var destroyBy = Iso(agreement.DestructionDate!.Value);
        var attestUrl = await links.LinkAsync(DataSharingRoutes.AttestDestruction(agreement.Id), cancellationToken);
        var queued = 0;
        foreach (var recipient in await ContactsAsync([party], cancellationToken))
        {
            var culture = TextLocalizer.CultureOf(recipient.PreferredLanguage);
            queued += await outbox.EnqueueAsync(
                DataSharingEmailTemplates.DestructionReminder,
                recipient,
                new DestructionReminderEmail(await InfoAsync(agreement, version, culture, cancellationToken), party.Name, daysLeft, destroyBy, version.DestructionMethod, attestUrl),
                EmailCategory.Essential,
                new EmailOptions(texts.Get(DataSharingEmailTexts.DestructionReason, culture), $"data-sharing-destruction:{agreement.Id:N}:{destroyBy}:{threshold}:{party.Id:N}:{AddressKey(recipient.Email)}"),
                cancellationToken) ? 1 : 0;
        }

        return queued;
    }

    /// <summary>Tells every contact of every party of <paramref name="version"/> that it expired: once per version and address.</summary>
    public async Task QueueExpiredNoticeAsync(Agreement agreement, AgreementVersion version, DateOnly endedOn, CancellationToken cancellationToken)
    {
        foreach (var recipient in await ContactsAsync(version.Parties, cancellationToken))
        {
            var culture = TextLocalizer.CultureOf(recipient.PreferredLanguage);
            await outbox.EnqueueAsync(
                DataSharingEmailTemplates.Expired,
                recipient,
                new AgreementExpiredEmail(await InfoAsync(agreement, version, culture, cancellationToken), Iso(endedOn), version.DestructionDate is { } d ? Iso(d) : null),
                EmailCategory.Essential,
                new EmailOptions(texts.Get(DataSharingEmailTexts.PartyContactReason, culture), $"data-sharing-expired:{agreement.Id:N}:{version.Number}:{AddressKey(recipient.Email)}"),
                cancellationToken);
        }
    }

    /// <summary>
    /// The people to write to for <paramref name="parties"/>: each signatory with an active account (their language)
    /// and each contact address (the partnership's language), one per address, signatories first.
    /// </summary>
    private async Task<IReadOnlyList<EmailRecipient>> ContactsAsync(IReadOnlyCollection<AgreementParty> parties, CancellationToken cancellationToken)
    {
        var userIds = parties.Select(p => p.SignatoryUserId).OfType<Guid>().Distinct().ToList();
        var people = userIds.Count == 0 ? new Dictionary<Guid, UserInfo>() : await users.FindAsync(userIds, cancellationToken);
        var recipients = new Dictionary<string, EmailRecipient>(StringComparer.OrdinalIgnoreCase);
        foreach (var userId in userIds)
        {
            if (people.TryGetValue(userId, out var user) && user.IsActive && !string.IsNullOrWhiteSpace(user.Email))
            {
                recipients.TryAdd(user.Email.Trim(), new EmailRecipient(user.Email.Trim(), user.Name, user.PreferredLanguage, user.Id));
            }
        }

        foreach (var party in parties.Where(p => !string.IsNullOrWhiteSpace(p.ContactEmail)))
        {
            var address = party.ContactEmail!.Trim();
            if (!recipients.ContainsKey(address))
            {
                recipients.Add(address, new EmailRecipient(address, party.Name, await TenantLanguageAsync(cancellationToken), null));
            }
        }

        return [.. recipients.Values];
    }

    private async Task<AgreementEmailInfo> InfoAsync(Agreement agreement, AgreementVersion version, CultureInfo culture, CancellationToken cancellationToken)
        => new(version.Title, version.Content.PartyNames(), texts.Word(version.Sensitivity, culture),
            await links.LinkAsync(DataSharingRoutes.Agreement(agreement.Id), cancellationToken));

    private async Task<string> TenantLanguageAsync(CancellationToken cancellationToken)
        => _tenantLanguage ??= (currentTenant.Id is { } tenantId ? (await tenants.FindAsync(tenantId, cancellationToken))?.DefaultLanguage : null) ?? "en";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An address in a deduplication key: short and fixed-length (a key holds at most 200 characters), the same for any casing.</summary>
    private static string AddressKey(string email)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..24];
}

/// <summary>A version was sent for signature: each signatory it names is asked to sign.</summary>
public sealed class AgreementSubmittedEmails(IDataSharingDbContext db, AgreementEmails emails) : INotificationHandler<AgreementSubmitted>
{
    public async ValueTask Handle(AgreementSubmitted submitted, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.Include(a => a.Versions).SingleOrDefaultAsync(a => a.Id == submitted.AgreementId, cancellationToken);
        if (agreement?.Versions.SingleOrDefault(v => v.Number == submitted.VersionNumber) is not { } version)
        {
            return;
        }

        await emails.QueueSignRequestsAsync(agreement, version, submitted.SignatoryUserIds, cancellationToken);
    }
}

/// <summary>A version's end date passed (the daily job expired it): every party's contacts are told.</summary>
public sealed class AgreementExpiredEmails(IDataSharingDbContext db, AgreementEmails emails) : INotificationHandler<AgreementExpired>
{
    public async ValueTask Handle(AgreementExpired expired, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.Include(a => a.Versions).SingleOrDefaultAsync(a => a.Id == expired.AgreementId, cancellationToken);
        if (agreement?.Versions.SingleOrDefault(v => v.Number == expired.VersionNumber) is not { } version)
        {
            return;
        }

        await emails.QueueExpiredNoticeAsync(agreement, version, expired.EndedOn, cancellationToken);
    }
}
