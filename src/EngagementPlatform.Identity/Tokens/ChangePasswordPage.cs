using System.Net;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity.Domain;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Identity.Tokens;

/// <summary>
/// The step between a right password and a signed-in session when the password was set by someone else: the
/// person chooses their own. The form carries a ticket (user, tenant and a one-time password-reset token,
/// encrypted and valid for ten minutes) instead of the old password, so the old password is never sent twice.
/// </summary>
internal static class ChangePasswordPage
{
    public const string Path = "/account/change-password";
    private const string Purpose = "EngagementPlatform.Identity.FirstSignInPasswordChange";
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(10);

    public static void MapChangePasswordPage(this IEndpointRouteBuilder endpoints)
        => endpoints.MapPost(Path, ChangeAsync).RequireRateLimiting(SignInRateLimits.PerClientPolicy).ExcludeFromDescription();

    /// <summary>The page shown instead of signing in; the ticket proves the password was right a moment ago.</summary>
    public static async Task<IResult> StartAsync(HttpContext context, IAntiforgery antiforgery, UserManager<User> users, User user, string? returnUrl)
    {
        var resetToken = await users.GeneratePasswordResetTokenAsync(user);
        var ticket = Protector(context).Protect($"{user.Id}|{user.TenantId}|{resetToken}", TicketLifetime);
        return Render(context, antiforgery, ticket, returnUrl, errors: null);
    }

    private static async Task<IResult> ChangeAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        [FromForm] ChangePasswordForm form,
        ITenantStore tenants,
        ICurrentTenant currentTenant,
        UserManager<User> users)
    {
        LoginPage.SpeakLanguageOf(form.ReturnUrl);
        string[] parts;
        try
        {
            parts = Protector(context).Unprotect(form.Ticket ?? string.Empty).Split('|', 3);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Expired or tampered with: start again from the sign-in page.
            return Results.LocalRedirect(LoginPage.Path + (string.IsNullOrEmpty(form.ReturnUrl) ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(form.ReturnUrl)));
        }

        var tenant = Guid.TryParse(parts[1], out var tenantId) ? await tenants.FindAsync(tenantId, context.RequestAborted) : null;
        using (currentTenant.Change(tenant?.Id, tenant?.Name))
        {
            var user = await users.FindByIdAsync(parts[0]);
            if (user is null || !user.IsActive || (parts[1].Length > 0 && tenant is not { IsActive: true }))
            {
                return Results.LocalRedirect(LoginPage.Path);
            }

            var password = form.NewPassword ?? string.Empty;
            if (!string.Equals(password, form.ConfirmPassword, StringComparison.Ordinal))
            {
                return Render(context, antiforgery, form.Ticket!, form.ReturnUrl, [Text(context, "Mismatch")]);
            }

            if (await users.CheckPasswordAsync(user, password))
            {
                return Render(context, antiforgery, form.Ticket!, form.ReturnUrl, [Text(context, "Same")]);
            }

            var result = await users.ResetPasswordAsync(user, parts[2], password);
            if (!result.Succeeded)
            {
                var invalidTicket = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
                return invalidTicket
                    ? Results.LocalRedirect(LoginPage.Path)
                    : Render(context, antiforgery, form.Ticket!, form.ReturnUrl, result.Errors.Select(e => e.Description).ToArray());
            }

            user.MustChangePassword = false;
            (await users.UpdateAsync(user)).ThrowIfFailed("newPassword");
            await LoginPage.SignInCookieAsync(context, users, user, tenant);
        }

        return Results.LocalRedirect(LoginPage.IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/");
    }

    private static ITimeLimitedDataProtector Protector(HttpContext context)
        => context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();

    private static IResult Render(HttpContext context, IAntiforgery antiforgery, string ticket, string? returnUrl, string[]? errors)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var lang = TextLocalizer.LanguageOf();
        static string E(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);
        var alert = errors is null
            ? string.Empty
            : "<div class=\"error\" role=\"alert\"><ul>" + string.Concat(errors.Select(e => $"<li>{E(e)}</li>")) + "</ul></div>";
        var html = $$"""
            <!doctype html>
            <html lang="{{lang}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{E(Text(context, "Title"))}} · EngagementPlatform</title>
              <style>{{LoginPage.Style}}</style>
            </head>
            <body>
            <main>
              <h1>{{E(Text(context, "Title"))}}</h1>
              <p id="why">{{E(Text(context, "Why"))}}</p>
              {{alert}}
              <form method="post" action="{{Path}}" aria-describedby="why">
                <input type="hidden" name="{{tokens.FormFieldName}}" value="{{E(tokens.RequestToken)}}">
                <input type="hidden" name="ticket" value="{{E(ticket)}}">
                <input type="hidden" name="returnUrl" value="{{E(returnUrl)}}">
                <label for="newPassword">{{E(Text(context, "New"))}}</label>
                <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required aria-describedby="rules">
                <p class="hint" id="rules">{{E(Text(context, "Rules"))}}</p>
                <label for="confirmPassword">{{E(Text(context, "Confirm"))}}</label>
                <input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" required>
                <button type="submit">{{E(Text(context, "Submit"))}}</button>
              </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: errors is null ? 200 : 400);
    }

    /// <summary>A text of the page in the request's language (<c>Identity:Login.Change*</c>).</summary>
    private static string Text(HttpContext context, string key)
        => context.RequestServices.GetRequiredService<ITextLocalizer>()[IdentityTexts.Login("Change" + key)];

    internal sealed record ChangePasswordForm(string? Ticket, string? NewPassword, string? ConfirmPassword, string? ReturnUrl);
}
