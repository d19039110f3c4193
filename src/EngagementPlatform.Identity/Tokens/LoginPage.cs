using System.Globalization;
using System.Net;
using System.Security.Claims;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity.Domain;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EngagementPlatform.Identity.Tokens;

/// <summary>
/// The server-rendered sign-in page that the authorization-code flow (the Angular app) sends people to. The
/// partnership is typed by name, or comes from the subdomain or the app's <c>__tenant</c> parameter.
/// </summary>
internal static class LoginPage
{
    public const string Path = "/account/login";

    public static void MapLoginPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context, IAntiforgery antiforgery, ICurrentTenant tenant, [FromQuery] string? returnUrl) =>
            {
                SpeakLanguageOf(returnUrl);
                return Render(context, antiforgery, tenant.Name ?? TenantFromReturnUrl(returnUrl), string.Empty, returnUrl, error: null);
            })
            .ExcludeFromDescription();
        endpoints.MapPost(Path, SignInAsync).RequireRateLimiting(SignInRateLimits.PerClientPolicy).ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        [FromForm] LoginForm form,
        ITenantStore tenants,
        ICurrentTenant currentTenant,
        UserManager<User> users,
        CredentialChecker credentials)
    {
        SpeakLanguageOf(form.ReturnUrl);
        TenantInfo? tenant = null;
        if (!string.IsNullOrWhiteSpace(form.Tenant))
        {
            tenant = await tenants.FindAsync(form.Tenant.Trim(), context.RequestAborted);
            if (tenant is not { IsActive: true })
            {
                return Render(context, antiforgery, form.Tenant, form.UserName, form.ReturnUrl, Text(context, "UnknownTenant"));
            }
        }

        using (currentTenant.Change(tenant?.Id, tenant?.Name))
        {
            var (outcome, user) = await credentials.CheckAsync(form.UserName, form.Password);
            if (outcome == CredentialOutcome.Invalid)
            {
                // The same words for an unknown user, a wrong password and a locked account.
                return Render(context, antiforgery, form.Tenant, form.UserName, form.ReturnUrl, Text(context, "Invalid"));
            }

            if (outcome == CredentialOutcome.MustChangePassword)
            {
                return await ChangePasswordPage.StartAsync(context, antiforgery, users, user!, form.ReturnUrl);
            }

            await SignInCookieAsync(context, users, user!, tenant);
        }

        var target = form.ReturnUrl;
        return Results.LocalRedirect(IsLocal(target) ? target! : "/");
    }

    /// <summary>The sign-in cookie the authorize endpoint reads.</summary>
    internal static async Task SignInCookieAsync(HttpContext context, UserManager<User> users, User user, TenantInfo? tenant)
    {
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, user.UserName!));
        foreach (var role in await users.GetRolesAsync(user))
        {
            identity.AddClaim(new Claim(Claims.Role, role));
        }

        if (tenant is not null)
        {
            identity.AddClaim(new Claim(MultiTenancyConstants.TenantIdClaim, tenant.Id.ToString()));
        }

        await context.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(identity));
    }

    internal static bool IsLocal(string? url)
        => !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    /// <summary>The web app passes the language it shows (OpenID Connect <c>ui_locales</c>): the page speaks it too.</summary>
    internal static void SpeakLanguageOf(string? returnUrl)
    {
        var language = FromReturnUrl(returnUrl, "ui_locales")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (language is { Length: >= 2 } && (language.StartsWith("es", StringComparison.OrdinalIgnoreCase) || language.StartsWith("en", StringComparison.OrdinalIgnoreCase)))
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language[..2].ToLowerInvariant());
        }
    }

    private static string? TenantFromReturnUrl(string? returnUrl) => FromReturnUrl(returnUrl, MultiTenancyConstants.TenantHeader);

    private static string? FromReturnUrl(string? returnUrl, string parameter)
    {
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(returnUrl[returnUrl.IndexOf('?', StringComparison.Ordinal)..]);
        return query.TryGetValue(parameter, out var value) ? value.ToString() : null;
    }

    /// <summary>The look of the sign-in pages (this one and the first-sign-in password change).</summary>
    internal const string Style = """
        body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f23; }
        main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
        label { display: block; margin-top: 1rem; font-weight: 600; }
        input { width: 100%; box-sizing: border-box; padding: .6rem; margin-top: .3rem; border: 1px solid #6a737d; border-radius: 4px; font-size: 1rem; }
        input:focus, button:focus { outline: 3px solid #0b5cad; outline-offset: 2px; }
        button { margin-top: 1.5rem; width: 100%; padding: .7rem; background: #0b5cad; color: #fff; border: 0; border-radius: 4px; font-size: 1rem; cursor: pointer; }
        .hint { color: #4a5259; font-size: .9rem; margin-top: .3rem; }
        .error { background: #fdecea; color: #8a1c12; padding: .8rem; border-radius: 4px; }
        """;

    private static IResult Render(HttpContext context, IAntiforgery antiforgery, string? tenant, string? userName, string? returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var lang = TextLocalizer.LanguageOf();
        static string E(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);
        var html = $$"""
            <!doctype html>
            <html lang="{{lang}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{E(Text(context, "Title"))}} · EngagementPlatform</title>
              <style>{{Style}}</style>
            </head>
            <body>
            <main>
              <h1>{{E(Text(context, "Title"))}}</h1>
              {{(error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}}
              <form method="post" action="{{Path}}">
                <input type="hidden" name="{{tokens.FormFieldName}}" value="{{E(tokens.RequestToken)}}">
                <input type="hidden" name="returnUrl" value="{{E(returnUrl)}}">
                <label for="tenant">{{E(Text(context, "Tenant"))}}</label>
                <input id="tenant" name="tenant" value="{{E(tenant)}}" autocomplete="organization" aria-describedby="tenant-hint">
                <p class="hint" id="tenant-hint">{{E(Text(context, "TenantHint"))}}</p>
                <label for="userName">{{E(Text(context, "UserName"))}}</label>
                <input id="userName" name="userName" value="{{E(userName)}}" autocomplete="username" required>
                <label for="password">{{E(Text(context, "Password"))}}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">{{E(Text(context, "Submit"))}}</button>
              </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: error is null ? 200 : 400);
    }

    /// <summary>A text of the page in the request's language (the one localization path: <c>Identity:Login.*</c>).</summary>
    private static string Text(HttpContext context, string key)
        => context.RequestServices.GetRequiredService<ITextLocalizer>()[IdentityTexts.Login(key)];

    internal sealed record LoginForm(string? Tenant, string? UserName, string? Password, string? ReturnUrl);
}
