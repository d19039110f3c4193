using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Emails;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity;
using EngagementPlatform.Notifications;

namespace EngagementPlatform.Compensation.Application.Items;

/// <summary>
/// Queues "you were paid" for each paid item: to the person's account address in their language, or to a partner
/// organization's contact address in the partnership's language. Essential mail (it is their money), written to the
/// outbox in the payment's transaction with a key per item, so a payment queues its notice once; a batch's emails
/// are queued together (<see cref="IEmailOutbox.EnqueueManyAsync"/>). A person's
/// notice links to their statement for the payment's year.
/// </summary>
public sealed class PaymentEmails(IEmailOutbox outbox, IUserDirectory users, ICurrentTenant currentTenant, ITenantStore tenants, ITextLocalizer texts, IAppLinks links)
{
    public async Task QueueAsync(IReadOnlyList<PayableItem> paid, IReadOnlyDictionary<Guid, Payee> payees, CancellationToken cancellationToken)
    {
        var userIds = paid.Select(i => payees[i.PayeeId].UserId).OfType<Guid>().Distinct().ToList();
        var people = userIds.Count == 0 ? new Dictionary<Guid, UserInfo>() : await users.FindAsync(userIds, cancellationToken);
        string? tenantLanguage = null;
        var emails = new List<QueuedEmail>(paid.Count);
        foreach (var item in paid)
        {
            var payee = payees[item.PayeeId];
            EmailRecipient? recipient;
            if (payee.UserId is { } userId)
            {
                recipient = people.TryGetValue(userId, out var user) && user.IsActive && !string.IsNullOrWhiteSpace(user.Email)
                    ? new EmailRecipient(user.Email, user.Name, user.PreferredLanguage, user.Id)
                    : null;
            }
            else
            {
                tenantLanguage ??= (currentTenant.Id is { } tenantId ? (await tenants.FindAsync(tenantId, cancellationToken))?.DefaultLanguage : null) ?? "en";
                recipient = string.IsNullOrWhiteSpace(payee.ContactEmail) ? null : new EmailRecipient(payee.ContactEmail, payee.Name, tenantLanguage, null);
            }

            if (recipient is null)
            {
                continue;
            }

            var culture = TextLocalizer.CultureOf(recipient.PreferredLanguage);
            var payment = new PaidItem(
                item.Total.Format(culture),
                item.SourceLabel,
                item.Description,
                item.PaidOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                texts.Word(item.PaidMethod!.Value, culture),
                item.PaidReference,
                payee.UserId is null ? null : await links.LinkAsync(CompensationRoutes.MyPayments(item.PaidOn.Value.Year), cancellationToken));
            emails.Add(new QueuedEmail(
                CompensationEmailTemplates.ItemPaid,
                recipient,
                new ItemPaidEmail(payment),
                EmailCategory.Essential,
                new EmailOptions(texts.Get(CompensationTexts.PaidEmailReason, culture), $"compensation-item-paid:{item.Id}:{payee.Id}")));
        }

        // One batch: a payment run of a thousand items writes its emails in one statement, not a round trip each.
        await outbox.EnqueueManyAsync(emails, cancellationToken);
    }
}
