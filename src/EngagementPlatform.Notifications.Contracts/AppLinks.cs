namespace EngagementPlatform.Notifications;

/// <summary>
/// Links into the web app for an email a module writes itself: absolute (the configured public address) and naming
/// the current partnership, so a reader who is signed out signs in to the right partnership and lands on the page.
/// </summary>
public interface IAppLinks
{
    /// <summary>The absolute address of a page of the web app; <paramref name="path"/> starts with "/".</summary>
    Task<string> LinkAsync(string path, CancellationToken cancellationToken);
}
