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
    /// <summary>One answer for an unknown user, a wrong password and a locked account, so none can be told apart.</summary>
    public const string InvalidCredentialsDescription = "The user name or password is not correct.";
    public const string PasswordChangeRequiredDescription =
        "The password was set by an administrator and must be changed first: sign in on the sign-in page (/account/login) to choose a new one.";
    public const string UserInfoPath = "/connect/userinfo";

    public static void MapTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/connect/token", (Delegate)ExchangeAsync).RequireRateLimiting(SignInRateLimits.PerClientPolicy).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods(UserInfoPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)LogoutAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext context,
        UserManager<User> users,
        SignInManager<User> signIn,
        CredentialChecker credentials,
        PrincipalFactory principals,
        ICurrentTenant currentTenant,
        ITenantStore tenants)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsPasswordGrantType())
        {
            var (outcome, user) = await credentials.CheckAsync(request.Username, request.Password);
            return outcome switch
            {
                CredentialOutcome.Valid => SignIn(await principals.CreateAsync(user!, request.GetScopes())),
                CredentialOutcome.MustChangePassword => Refuse(PasswordChangeRequiredDescription, IdentityErrorCodes.PasswordChangeRequired),
                _ => Refuse(InvalidCredentialsDescription, IdentityErrorCodes.InvalidCredentials),
            };
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
                // A lockout stops password guessing; it does not end sessions the owner already has, or an attacker
                // could sign anyone out with a few wrong passwords. Deactivation does end them.
                if (user is null || !user.IsActive || !await signIn.CanSignInAsync(user))
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

    /// <summary>
    /// OpenID Connect userinfo: the claims standard clients ask for after sign-in, read fresh from the user (so a
    /// changed name or language shows without a new token). The access token names the tenant.
    /// </summary>
    private static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<User> users, ICurrentTenant currentTenant, ITenantStore tenants)
    {
        var authenticated = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = authenticated.Principal;
        if (principal is null)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        Guid? tenantId = Guid.TryParse(principal.GetClaim(MultiTenancyConstants.TenantIdClaim), out var id) ? id : null;
        var tenant = tenantId is null ? null : await tenants.FindAsync(tenantId.Value, context.RequestAborted);
        using (currentTenant.Change(tenant?.Id, tenant?.Name))
        {
            var user = await users.FindByIdAsync(principal.GetClaim(Claims.Subject) ?? string.Empty);
            if (user is null || !user.IsActive || (tenantId is not null && tenant is not { IsActive: true }))
            {
                return Results.Challenge(
                    authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme],
                    properties: Properties(Errors.InvalidToken, "The user of this token can no longer sign in."));
            }

            var claims = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [Claims.Subject] = user.Id.ToString(),
            };
            if (principal.HasScope(Scopes.Profile))
            {
                claims[Claims.Name] = user.Name;
                claims[Claims.PreferredUsername] = user.UserName;
                claims[Claims.Locale] = user.PreferredLanguage;
                if (tenant is not null)
                {
                    claims["tenant"] = tenant.Name;
                    claims[MultiTenancyConstants.TenantIdClaim] = tenant.Id.ToString();
                }
            }

            if (principal.HasScope(Scopes.Email))
            {
                claims[Claims.Email] = user.Email;
                claims[Claims.EmailVerified] = user.EmailConfirmed;
            }

            return Results.Json(claims);
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

    private static IResult Refuse(string description, string? code = null)
    {
        var properties = Properties(Errors.InvalidGrant, description);
        if (code is not null)
        {
            // An extra response parameter next to the standard error: clients that know it can react (e.g. send
            // the person to the sign-in page to choose a password); others still see invalid_grant.
            properties.SetParameter("code", code);
        }

        return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme], properties: properties);
    }

    private static AuthenticationProperties Properties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
