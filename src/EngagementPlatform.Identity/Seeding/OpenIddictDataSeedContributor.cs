using EngagementPlatform.Framework.Data;
using EngagementPlatform.Identity.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EngagementPlatform.Identity.Seeding;

/// <summary>
/// Registers the API scope and the one client, <c>EngagementPlatform_App</c>: a public client used by the Angular
/// app (authorization code + PKCE) and by scripts and tests (password grant), as in ABP's templates. Its sign-in
/// addresses come from <see cref="AppClientAddresses"/>; the web host brings them up to date again when it starts
/// (<see cref="AppClientAddressSync"/>), since it may run at another address than the process that seeded.
/// </summary>
internal sealed class OpenIddictDataSeedContributor(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    IConfiguration configuration,
    IHostEnvironment environment) : IDataSeedContributor
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
        var urls = AppClientAddresses.BaseUrls(configuration, environment);
        AppClientAddresses.Apply(descriptor, urls);

        var existing = await applications.FindByClientIdAsync(ClientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            return;
        }

        if (urls.Count == 0)
        {
            // A process that does not know the public address (the DbMigrator of a deployment, typically) keeps the
            // addresses the running host registered rather than leaving the web app unable to sign in.
            foreach (var uri in await applications.GetRedirectUrisAsync(existing, cancellationToken))
            {
                descriptor.RedirectUris.Add(new Uri(uri));
            }

            foreach (var uri in await applications.GetPostLogoutRedirectUrisAsync(existing, cancellationToken))
            {
                descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
            }
        }

        await applications.UpdateAsync(existing, descriptor, cancellationToken);
    }
}
