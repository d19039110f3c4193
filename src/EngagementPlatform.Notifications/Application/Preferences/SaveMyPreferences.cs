using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Preferences;

public sealed record SaveMyPreferencesCommand(IReadOnlyDictionary<EmailCategory, bool> Subscriptions) : ICommand<PreferencesDto>;

/// <summary>Turns categories of mail on or off for the signed-in person's address; essential mail cannot be turned off.</summary>
public sealed class SaveMyPreferencesHandler(INotificationsDbContext db, IClock clock, ICurrentUser currentUser, IUserDirectory users)
    : ICommandHandler<SaveMyPreferencesCommand, PreferencesDto>
{
    public async ValueTask<PreferencesDto> Handle(SaveMyPreferencesCommand command, CancellationToken cancellationToken)
    {
        var address = await users.MyEmailAsync(currentUser, cancellationToken);
        var email = EmailSuppression.Normalize(address);
        if (command.Subscriptions.TryGetValue(EmailCategory.Essential, out var essential) && !essential)
        {
            throw new RuleBrokenException(NotificationsErrorCodes.EssentialMail);
        }

        var existing = await db.EmailSuppressions.Where(s => s.Email == email).ToListAsync(cancellationToken);
        var suppressed = existing.Select(s => s.Category).ToHashSet();
        foreach (var (category, subscribed) in command.Subscriptions.Where(s => s.Key != EmailCategory.Essential))
        {
            var suppression = existing.FirstOrDefault(s => s.Category == category);
            if (subscribed && suppression is not null)
            {
                db.EmailSuppressions.Remove(suppression);
                suppressed.Remove(category);
            }
            else if (!subscribed && suppression is null)
            {
                db.EmailSuppressions.Add(new EmailSuppression(email, category, clock.Now));
                suppressed.Add(category);
            }
        }

        // The unit of work saves after this returns: the answer is what the saved rows will say.
        return new PreferencesDto(email, Enum.GetValues<EmailCategory>()
            .Select(c => new PreferenceDto(c, c == EmailCategory.Essential, c == EmailCategory.Essential || !suppressed.Contains(c))).ToList());
    }
}
