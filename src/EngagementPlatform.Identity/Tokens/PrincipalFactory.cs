using System.Security.Claims;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EngagementPlatform.Identity.Tokens;

/// <summary>Builds the claims that go into access and identity tokens for a user of the current tenant.</summary>
internal sealed class PrincipalFactory(UserManager<User> users, ICurrentTenant currentTenant)
{
    public const string ApiResource = "EngagementPlatform";

    public async Task<ClaimsPrincipal> CreateAsync(User user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(authenticationType: "EngagementPlatform", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Locale, user.PreferredLanguage);
        if (currentTenant.Id is { } tenantId)
        {
            identity.SetClaim(MultiTenancyConstants.TenantIdClaim, tenantId.ToString())
                .SetClaim(MultiTenancyConstants.TenantNameClaim, currentTenant.Name);
        }

        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetScopes(scopes);
        identity.SetResources(ApiResource);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Email or Claims.Role or Claims.Locale or MultiTenancyConstants.TenantIdClaim or MultiTenancyConstants.TenantNameClaim
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
