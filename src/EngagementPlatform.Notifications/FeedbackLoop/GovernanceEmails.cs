using EngagementPlatform.Governance;
using EngagementPlatform.Identity;
using EngagementPlatform.Notifications.Templates;
using Mediator;

namespace EngagementPlatform.Notifications.FeedbackLoop;

/// <summary>
/// Closes the loop: when a decision is recorded, everyone who gave input or voted gets one email (never one per
/// input) with what was decided, why, and how each of their own inputs was used. Written to the outbox in the
/// transaction that recorded the decision. Members get a link to the decision's page (signing in to their
/// partnership on the way); people from the public link have no account, so their email carries everything.
/// </summary>
public sealed class DecisionDecidedEmails(IEmailOutbox outbox, IUserDirectory users, EmailLocale locale) : INotificationHandler<DecisionDecided>
{
    public async ValueTask Handle(DecisionDecided decided, CancellationToken cancellationToken)
    {
        var memberIds = decided.Contributors.Where(c => c.UserId is not null).Select(c => c.UserId!.Value)
            .Concat(decided.VoterUserIds).Distinct().ToList();
        var members = await users.FindAsync(memberIds, cancellationToken);
        var voters = decided.VoterUserIds.ToHashSet();
        var url = await locale.DecisionLinkAsync(decided.DecisionId, cancellationToken);

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
                new { decision = Decision(decided, url), inputs, voted = voters.Contains(id) },
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
                new { decision = Decision(decided, null), inputs = person.SelectMany(c => c.Inputs).ToList(), voted = false },
                EmailCategory.FeedbackLoop,
                cancellationToken: cancellationToken);
        }
    }

    private static object Decision(DecisionDecided decided, string? url) => new
    {
        decided.DecisionId,
        decided.Title,
        decided.Outcome,
        decided.Rationale,
        decided.Passed,
        decided.Winner,
        Url = url,
    };
}

/// <summary>Voting opened: every eligible voter is told (essential: it is their vote).</summary>
public sealed class VotingOpenedEmails(IEmailOutbox outbox, IUserDirectory users, EmailLocale locale) : INotificationHandler<VotingOpened>
{
    public async ValueTask Handle(VotingOpened opened, CancellationToken cancellationToken)
    {
        var voters = await users.FindAsync(opened.EligibleUserIds, cancellationToken);
        var url = await locale.DecisionLinkAsync(opened.DecisionId, cancellationToken);
        foreach (var user in voters.Values.Where(u => u.IsActive && !string.IsNullOrWhiteSpace(u.Email)).OrderBy(u => u.Id))
        {
            var recipient = new EmailRecipient(user.Email, user.Name, user.PreferredLanguage, user.Id);
            var culture = await locale.CultureAsync(recipient, cancellationToken);
            var decision = new { opened.Title, ClosesAt = await locale.TimeAsync(opened.ClosesAt, culture, cancellationToken), Url = url };
            await outbox.EnqueueAsync(
                DefaultTemplates.VotingOpened,
                recipient,
                new { decision },
                EmailCategory.Essential,
                DefaultTemplates.Phrase(DefaultTemplates.VoterReason, culture),
                cancellationToken);
        }
    }
}

/// <summary>Voting closes within a day: eligible voters who have not voted get a reminder.</summary>
public sealed class VotingClosingSoonEmails(IEmailOutbox outbox, IUserDirectory users, EmailLocale locale) : INotificationHandler<VotingClosingSoon>
{
    public async ValueTask Handle(VotingClosingSoon closing, CancellationToken cancellationToken)
    {
        var voters = await users.FindAsync(closing.NonVoterUserIds, cancellationToken);
        var url = await locale.DecisionLinkAsync(closing.DecisionId, cancellationToken);
        foreach (var user in voters.Values.Where(u => u.IsActive && !string.IsNullOrWhiteSpace(u.Email)).OrderBy(u => u.Id))
        {
            var recipient = new EmailRecipient(user.Email, user.Name, user.PreferredLanguage, user.Id);
            var culture = await locale.CultureAsync(recipient, cancellationToken);
            var decision = new { closing.Title, ClosesAt = await locale.TimeAsync(closing.ClosesAt, culture, cancellationToken), Url = url };
            await outbox.EnqueueAsync(
                DefaultTemplates.VotingClosingSoon,
                recipient,
                new { decision },
                EmailCategory.Essential,
                DefaultTemplates.Phrase(DefaultTemplates.VoterReason, culture),
                cancellationToken);
        }
    }
}
