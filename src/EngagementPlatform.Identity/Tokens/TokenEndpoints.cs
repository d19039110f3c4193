using System.Security.Claims;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity.Domain;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EngagementPlatform.Identity.Tokens;

/// <summary>The OpenIddict pass-through endpoints: token (password, code, refresh), authorize and end session.</summary>
internal static class TokenEndpoints
{
    public const string LockedOutDescription = "The account is locked after repeated failed sign-ins. Try again later.";
    public const string InvalidCredentialsDescription = "The user name or password is not correct.";

    public static void MapTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", (Delegate)ExchangeAsync).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)LogoutAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext context,
        UserManager<User> users,
        SignInManager<User> signIn,
        PrincipalFactory principals,
        ICurrentTenant currentTenant,
        ITenantStore tenants)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsPasswordGrantType())
        {
            var user = await users.FindByNameAsync(request.Username ?? string.Empty);
            if (user is null || !user.IsActive)
            {
                return Refuse(InvalidCredentialsDescription);
            }

            var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? string.Empty, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return Refuse(LockedOutDescription);
            }

            if (!result.Succeeded)
            {
                return Refuse(InvalidCredentialsDescription);
            }

            return SignIn(await principals.CreateAsync(user, request.GetScopes()));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var authenticated = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var stored = authenticated.Principal;
            if (stored is null)
            {
                return Refuse("The grant is no longer valid.");
            }

            // The code or refresh token remembers the tenant it was issued in; the token request itself names none.
            Guid? tenantId = Guid.TryParse(stored.GetClaim(MultiTenancyConstants.TenantIdClaim), out var id) ? id : null;
            var tenant = tenantId is null ? null : await tenants.FindAsync(tenantId.Value, context.RequestAborted);
            if (tenantId is not null && tenant is not { IsActive: true })
            {
                return Refuse("The partnership of this sign-in is not available.");
            }

            using (currentTenant.Change(tenant?.Id, tenant?.Name))
            {
                var user = await users.FindByIdAsync(stored.GetClaim(Claims.Subject) ?? string.Empty);
                if (user is null || !user.IsActive || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
                {
                    return Refuse("The user can no longer sign in.");
                }

                return SignIn(await principals.CreateAsync(user, stored.GetScopes()));
            }
        }

        return Results.Forbid(
            authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme],
            properties: Properties(Errors.UnsupportedGrantType, "This grant type is not supported."));
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context,
        UserManager<User> users,
        PrincipalFactory principals,
        ICurrentTenant currentTenant,
        ITenantStore tenants)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        Guid? tenantId = Guid.TryParse(cookie.Principal.FindFirstValue(MultiTenancyConstants.TenantIdClaim), out var id) ? id : null;
        if (currentTenant.Id is not null && currentTenant.Id != tenantId)
        {
            // The app asked for another partnership than the one signed in to: sign in again there.
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var tenant = tenantId is null ? null : await tenants.FindAsync(tenantId.Value, context.RequestAborted);
        using (currentTenant.Change(tenant?.Id, tenant?.Name))
        {
            var user = await users.FindByIdAsync(cookie.Principal.FindFirstValue(Claims.Subject) ?? string.Empty);
            if (user is null || !user.IsActive || (tenantId is not null && tenant is not { IsActive: true }))
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
            }

            return SignIn(await principals.CreateAsync(user, request.GetScopes()));
        }
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult SignIn(ClaimsPrincipal principal)
        => Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Refuse(string description)
        => Results.Forbid(
            authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme],
            properties: Properties(Errors.InvalidGrant, description));

    private static AuthenticationProperties Properties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
