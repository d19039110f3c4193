using System.Globalization;
using EngagementPlatform.Framework.Contracts;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Notifications.Sending;
using EngagementPlatform.Notifications.Templates;
using Mediator;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Notifications.FeedbackLoop;

/// <summary>
/// Closes the loop: when a decision is recorded, everyone who gave input or voted gets one email (never one per
/// input) with what was decided, why, and how each of their own inputs was used. Written to the outbox in the
/// transaction that recorded the decision.
/// </summary>
public sealed class DecisionDecidedEmails(IEmailOutbox outbox, IUserDirectory users, IOptions<MailOptions> mail) : INotificationHandler<DecisionDecided>
{
    public async ValueTask Handle(DecisionDecided decided, CancellationToken cancellationToken)
    {
        var memberIds = decided.Contributors.Where(c => c.UserId is not null).Select(c => c.UserId!.Value)
            .Concat(decided.VoterUserIds).Distinct().ToList();
        var members = await users.FindAsync(memberIds, cancellationToken);
        var voters = decided.VoterUserIds.ToHashSet();
        var decision = new
        {
            decided.DecisionId,
            decided.Title,
            decided.Outcome,
            decided.Rationale,
            decided.Passed,
            decided.Winner,
            Url = DecisionUrl(mail.Value, decided.DecisionId),
        };

        foreach (var id in memberIds)
        {
            if (!members.TryGetValue(id, out var user) || !user.IsActive || string.IsNullOrWhiteSpace(user.Email))
            {
                continue;
            }

            var inputs = decided.Contributors.Where(c => c.UserId == id).SelectMany(c => c.Inputs).ToList();
            await outbox.EnqueueAsync(
                DefaultTemplates.DecisionDecided,
                new EmailRecipient(user.Email, user.Name, user.PreferredLanguage, user.Id),
                new { decision, inputs, voted = voters.Contains(id) },
                EmailCategory.FeedbackLoop,
                cancellationToken: cancellationToken);
        }

        // People from the public link are told too, when they left an address (one email per address).
        foreach (var person in decided.Contributors.Where(c => c.UserId is null && !string.IsNullOrWhiteSpace(c.Email))
                     .GroupBy(c => c.Email!.Trim().ToLowerInvariant()))
        {
            await outbox.EnqueueAsync(
                DefaultTemplates.DecisionDecided,
                new EmailRecipient(person.Key, person.First().Name, null, null),
                new { decision, inputs = person.SelectMany(c => c.Inputs).ToList(), voted = false },
                EmailCategory.FeedbackLoop,
                cancellationToken: cancellationToken);
        }
    }

    internal static string DecisionUrl(MailOptions options, Guid decisionId)
        => $"{(options.PublicUrl ?? string.Empty).TrimEnd('/')}/governance/decisions/{decisionId}";

    internal static string When(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>Voting opened: every eligible voter is told (essential: it is their vote).</summary>
public sealed class VotingOpenedEmails(IEmailOutbox outbox, IUserDirectory users, IOptions<MailOptions> mail, ITextLocalizer texts) : INotificationHandler<VotingOpened>
{
    public async ValueTask Handle(VotingOpened opened, CancellationToken cancellationToken)
    {
        var voters = await users.FindAsync(opened.EligibleUserIds, cancellationToken);
        var decision = new { opened.Title, ClosesAt = DecisionDecidedEmails.When(opened.ClosesAt), Url = DecisionDecidedEmails.DecisionUrl(mail.Value, opened.DecisionId) };
        foreach (var user in voters.Values.Where(u => u.IsActive && !string.IsNullOrWhiteSpace(u.Email)).OrderBy(u => u.Id))
        {
            await outbox.EnqueueAsync(
                DefaultTemplates.VotingOpened,
                new EmailRecipient(user.Email, user.Name, user.PreferredLanguage, user.Id),
                new { decision },
                EmailCategory.Essential,
                Reason(texts, user.PreferredLanguage),
                cancellationToken);
        }
    }

    /// <summary>Why a voter gets essential mail, in the recipient's language.</summary>
    internal static string Reason(ITextLocalizer texts, string? language) => texts.Get(NotificationsTexts.VotingReason, TextLocalizer.CultureOf(language));
}

/// <summary>Voting closes within a day: eligible voters who have not voted get a reminder.</summary>
public sealed class VotingClosingSoonEmails(IEmailOutbox outbox, IUserDirectory users, IOptions<MailOptions> mail, ITextLocalizer texts) : INotificationHandler<VotingClosingSoon>
{
    public async ValueTask Handle(VotingClosingSoon closing, CancellationToken cancellationToken)
    {
        var voters = await users.FindAsync(closing.NonVoterUserIds, cancellationToken);
        var decision = new { closing.Title, ClosesAt = DecisionDecidedEmails.When(closing.ClosesAt), Url = DecisionDecidedEmails.DecisionUrl(mail.Value, closing.DecisionId) };
        foreach (var user in voters.Values.Where(u => u.IsActive && !string.IsNullOrWhiteSpace(u.Email)).OrderBy(u => u.Id))
        {
            await outbox.EnqueueAsync(
                DefaultTemplates.VotingClosingSoon,
                new EmailRecipient(user.Email, user.Name, user.PreferredLanguage, user.Id),
                new { decision },
                EmailCategory.Essential,
                VotingOpenedEmails.Reason(texts, user.PreferredLanguage),
                cancellationToken);
        }
    }
}
