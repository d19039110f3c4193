using EngagementPlatform.Framework.Configuration;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity;

/// <summary>The signed-in user's name, email and language for the web app.</summary>
internal sealed class IdentityConfigurationContributor(ICurrentUser currentUser, IIdentityDbContext db) : IApplicationConfigurationContributor
{
    public async Task ContributeAsync(ApplicationConfigurationDto configuration, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } id)
        {
            return;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Name, u.Email, u.PreferredLanguage })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return;
        }

        configuration.CurrentUser.Name = user.Name;
        configuration.CurrentUser.Email = user.Email;
        configuration.CurrentUser.Language = user.PreferredLanguage;
    }
}
