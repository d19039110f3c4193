using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;

namespace EngagementPlatform.Identity.Seeding;

/// <summary>
/// Where the web app may send people back to after signing in (<c>{url}/auth/callback</c>) and out (<c>{url}/</c>):
/// the public address the host runs at (<c>App:SelfUrl</c>), a separately served web app (<c>App:ClientUrl</c>) and,
/// only in Development, the Angular dev server (<c>http://localhost:4200</c>). Every other address is refused by the
/// authorize and logout endpoints, so a sign-in cannot hand its code to a page nobody configured.
/// </summary>
public static class AppClientAddresses
{
    public const string DevServerUrl = "http://localhost:4200";

    public static IReadOnlyList<string> BaseUrls(IConfiguration configuration, IHostEnvironment environment)
    {
        var urls = new List<string?> { configuration["App:SelfUrl"], configuration["App:ClientUrl"] };
        if (environment.IsDevelopment())
        {
            urls.Add(DevServerUrl);
        }

        return urls.Where(u => !string.IsNullOrWhiteSpace(u))
            .Select(u => u!.Trim().TrimEnd('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public static IReadOnlySet<string> RedirectUris(IEnumerable<string> baseUrls)
        => baseUrls.Select(u => new Uri(u + "/auth/callback").AbsoluteUri).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> PostLogoutRedirectUris(IEnumerable<string> baseUrls)
        => baseUrls.Select(u => new Uri(u + "/").AbsoluteUri).ToHashSet(StringComparer.Ordinal);

    /// <summary>Replaces the descriptor's redirect and post-logout addresses with those of <paramref name="baseUrls"/>.</summary>
    public static void Apply(OpenIddictApplicationDescriptor descriptor, IReadOnlyList<string> baseUrls)
    {
        descriptor.RedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.Clear();
        foreach (var uri in RedirectUris(baseUrls))
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in PostLogoutRedirectUris(baseUrls))
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }
    }
}
