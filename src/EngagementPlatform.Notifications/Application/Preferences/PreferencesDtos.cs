using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Preferences;

public sealed record PreferenceDto(EmailCategory Category, bool Essential, bool Subscribed);

public sealed record PreferencesDto(string Email, IReadOnlyList<PreferenceDto> Categories);

public sealed record SavePreferencesRequest(IReadOnlyDictionary<EmailCategory, bool> Subscriptions);

internal static class PreferenceReads
{
    /// <summary>Every category with whether the address gets it; essential mail always.</summary>
    public static async Task<PreferencesDto> PreferencesAsync(this INotificationsDbContext db, string email, CancellationToken cancellationToken)
    {
        var normalized = EmailSuppression.Normalize(email);
        var suppressed = (await db.EmailSuppressions.AsNoTracking().Where(s => s.Email == normalized).Select(s => s.Category).ToListAsync(cancellationToken)).ToHashSet();
        return new PreferencesDto(email, Enum.GetValues<EmailCategory>()
            .Select(c => new PreferenceDto(c, c == EmailCategory.Essential, c == EmailCategory.Essential || !suppressed.Contains(c))).ToList());
    }
}
