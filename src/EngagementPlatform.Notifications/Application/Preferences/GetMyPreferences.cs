using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity;
using EngagementPlatform.Notifications.Persistence;
using Mediator;

namespace EngagementPlatform.Notifications.Application.Preferences;

public sealed record GetMyPreferencesQuery : IQuery<PreferencesDto>;

public sealed class GetMyPreferencesHandler(INotificationsDbContext db, ICurrentUser currentUser, IUserDirectory users) : IQueryHandler<GetMyPreferencesQuery, PreferencesDto>
{
    public async ValueTask<PreferencesDto> Handle(GetMyPreferencesQuery query, CancellationToken cancellationToken)
        => await db.PreferencesAsync(await users.MyEmailAsync(currentUser, cancellationToken), cancellationToken);
}

internal static class MyEmail
{
    /// <summary>The signed-in person's address: their preferences are kept by address, as the unsubscribe links are.</summary>
    public static async Task<string> MyEmailAsync(this IUserDirectory users, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var id = currentUser.Id!.Value;
        return (await users.FindAsync([id], cancellationToken)).GetValueOrDefault(id)?.Email
               ?? throw new EntityNotFoundException("User", id);
    }
}
