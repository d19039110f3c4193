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
                NotificationsEmailTemplates.DecisionDecided,
                new EmailRecipient(user.Email, user.Name, user.PreferredLanguage, user.Id),
                new DecisionDecidedEmail(Decision(decided, url), Inputs(inputs), voters.Contains(id)),
                EmailCategory.FeedbackLoop,
                cancellationToken: cancellationToken);
        }

        // People from the public link are told too, when they left an address (one email per address).
        foreach (var person in decided.Contributors.Where(c => c.UserId is null && !string.IsNullOrWhiteSpace(c.Email))
                     .GroupBy(c => c.Email!.Trim().ToLowerInvariant()))
        {
            await outbox.EnqueueAsync(
                NotificationsEmailTemplates.DecisionDecided,
                new EmailRecipient(person.Key, person.First().Name, null, null),
                new DecisionDecidedEmail(Decision(decided, null), Inputs(person.SelectMany(c => c.Inputs)), false),
                EmailCategory.FeedbackLoop,
                cancellationToken: cancellationToken);
        }
    }

    private static DecidedDecision Decision(DecisionDecided decided, string? url)
        => new(decided.DecisionId, decided.Title, decided.Outcome, decided.Rationale, decided.Passed, decided.Winner, url);

    private static List<ContributedInputEmail> Inputs(IEnumerable<ContributedInput> inputs)
        => inputs.Select(i => new ContributedInputEmail(i.Text, i.Use, i.Explanation)).ToList();
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
            var decision = new VotingDecision(opened.Title, await locale.TimeAsync(opened.ClosesAt, culture, cancellationToken), url);
            await outbox.EnqueueAsync(
                NotificationsEmailTemplates.VotingOpened,
                recipient,
                new VotingEmail(decision),
                EmailCategory.Essential,
                NotificationsEmailTemplates.Phrase(NotificationsEmailTemplates.VoterReason, culture),
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
            var decision = new VotingDecision(closing.Title, await locale.TimeAsync(closing.ClosesAt, culture, cancellationToken), url);
            await outbox.EnqueueAsync(
                NotificationsEmailTemplates.VotingClosingSoon,
                recipient,
                new VotingEmail(decision),
                EmailCategory.Essential,
                NotificationsEmailTemplates.Phrase(NotificationsEmailTemplates.VoterReason, culture),
                cancellationToken);
        }
    }
}

/// <summary>The model of <see cref="NotificationsEmailTemplates.DecisionDecided"/>.</summary>
public sealed record DecisionDecidedEmail(DecidedDecision Decision, IReadOnlyList<ContributedInputEmail> Inputs, bool Voted) : EmailModel;

public sealed record DecidedDecision(Guid DecisionId, string Title, string? Outcome, string? Rationale, bool? Passed, string? Winner, string? Url);

/// <summary>What became of one input: <see cref="Use"/> is Adopted, Adapted or NotAdopted.</summary>
public sealed record ContributedInputEmail(string Text, string Use, string Explanation);

/// <summary>The model of <see cref="NotificationsEmailTemplates.VotingOpened"/> and <see cref="NotificationsEmailTemplates.VotingClosingSoon"/>.</summary>
public sealed record VotingEmail(VotingDecision Decision) : EmailModel;

/// <summary><see cref="ClosesAt"/> is already written for the reader (their language, the partnership's zone); empty when none is set.</summary>
public sealed record VotingDecision(string Title, string ClosesAt, string? Url);
