using EngagementPlatform.Framework.Data;
using EngagementPlatform.Identity.Tokens;
using Microsoft.Extensions.Configuration;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EngagementPlatform.Identity.Seeding;

/// <summary>
/// Registers the API scope and the one client, <c>EngagementPlatform_App</c>: a public client used by the Angular
/// app (authorization code + PKCE) and by scripts and tests (password grant), as in ABP's templates.
/// </summary>
internal sealed class OpenIddictDataSeedContributor(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    IConfiguration configuration) : IDataSeedContributor
{
    public const string ClientId = "EngagementPlatform_App";

    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken)
    {
        if (context.TenantId is not null)
        {
            return;
        }

        if (await scopes.FindByNameAsync(PrincipalFactory.ApiResource, cancellationToken) is null)
        {
            await scopes.CreateAsync(new OpenIddictScopeDescriptor
            {
                Name = PrincipalFactory.ApiResource,
                DisplayName = "EngagementPlatform API",
                Resources = { PrincipalFactory.ApiResource },
            }, cancellationToken);
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "EngagementPlatform web app",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.Password,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + PrincipalFactory.ApiResource,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var url in ClientUrls())
        {
            descriptor.RedirectUris.Add(new Uri(url + "/auth/callback"));
            descriptor.PostLogoutRedirectUris.Add(new Uri(url + "/"));
        }

        var existing = await applications.FindByClientIdAsync(ClientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private IEnumerable<string> ClientUrls()
    {
        var urls = new[] { configuration["App:SelfUrl"], configuration["App:ClientUrl"], "http://localhost:4200" };
        return urls.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!.TrimEnd('/')).Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
