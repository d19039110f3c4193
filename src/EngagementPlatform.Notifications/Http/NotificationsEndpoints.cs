using System.Net;
using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Http;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Notifications.Application.Outbox;
using EngagementPlatform.Notifications.Application.Preferences;
using EngagementPlatform.Notifications.Application.Templates;
using EngagementPlatform.Notifications.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.Notifications.Http;

internal static class NotificationsEndpoints
{
    private static string SortedBy(IEnumerable<string> fields) => $"Sorting (sorting=field [asc|desc]) by: {string.Join(", ", fields)}.";

    public static void MapNotificationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var root = endpoints.MapGroup("/api/notifications").WithTags("Notifications");
        var api = root.MapGroup(string.Empty)
            .ProducesRefusals();

        api.MapGet("/outbox", async ([AsParameters] PageRequest page, OutboxStatus? status, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetOutboxQuery(page, status), ct)))
            .RequirePermission(NotificationsPermissions.Outbox).WithName("GetOutbox")
            .WithDescription("The partnership's emails, optionally of one status. " + SortedBy(GetOutboxHandler.Sorting.Keys) + " Default: createdAt desc.");
        api.MapPost("/outbox/{id:guid}/requeue", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RequeueMessageCommand(id), ct)))
            .RequirePermission(NotificationsPermissions.Outbox).WithName("RequeueOutboxMessage");

        api.MapGet("/templates", async ([AsParameters] PageRequest page, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetTemplatesQuery(page), ct)))
            .RequirePermission(NotificationsPermissions.Templates).WithName("GetEmailTemplates")
            .WithDescription("Every template the modules registered, one row per language, with the partnership's override where it has one. "
                             + SortedBy(GetTemplatesHandler.Sorting.Keys) + " Default: name, then culture.");
        api.MapPost("/templates/overrides", async (TemplateOverrideRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new CreateTemplateOverrideCommand(r.Name, r.Culture, r.Subject, r.Text, r.Html), ct);
                return TypedResults.Created($"/api/notifications/templates/overrides/{created.Id}", created);
            })
            .RequirePermission(NotificationsPermissions.Templates).WithName("CreateEmailTemplateOverride");
        api.MapGet("/templates/overrides/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetTemplateOverrideQuery(id), ct)))
            .RequirePermission(NotificationsPermissions.Templates).WithName("GetEmailTemplateOverride");
        api.MapPut("/templates/overrides/{id:guid}", async (Guid id, UpdateOverrideRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new UpdateTemplateOverrideCommand(id, r.Subject, r.Text, r.Html), ct)))
            .RequirePermission(NotificationsPermissions.Templates).WithName("UpdateEmailTemplateOverride");
        api.MapDelete("/templates/overrides/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteTemplateOverrideCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(NotificationsPermissions.Templates).WithName("DeleteEmailTemplateOverride");
        api.MapPost("/templates/preview", async (PreviewRequest r, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new PreviewTemplateCommand(r.Name, r.Culture, r.Subject, r.Text, r.Html), ct)))
            .RequirePermission(NotificationsPermissions.Templates).WithName("PreviewEmailTemplate");

        api.MapGet("/my-preferences", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetMyPreferencesQuery(), ct)))
            .RequireAuthorization().WithName("GetMyEmailPreferences");
        api.MapPut("/my-preferences", async (SavePreferencesRequest r, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new SaveMyPreferencesCommand(r.Subscriptions), ct)))
            .RequireAuthorization().WithName("SaveMyEmailPreferences");

        // One-click unsubscribe (RFC 8058): no sign-in; the token names the address and the category it stops.
        // A person who clicks the link in a mail client (a browser asking for HTML) always gets a page in their
        // language, a broken link included; a program gets problem details.
        root.MapGet("/unsubscribe/{token}", (string token, HttpContext context, UnsubscribeTokens tokens, ITextLocalizer texts) =>
            {
                var request = tokens.Read(token);
                if (request is null)
                {
                    return WantsPage(context)
                        ? Page(texts[NotificationsTexts.UnsubscribeInvalid], string.Empty, StatusCodes.Status404NotFound)
                        : throw new NotFoundException(NotificationsErrorCodes.InvalidUnsubscribeLink);
                }

                return Page(Text(texts, NotificationsTexts.UnsubscribeConfirm, request.Category, Mask(request.Email)), $"<form method=\"post\"><button type=\"submit\">{WebUtility.HtmlEncode(texts[NotificationsTexts.UnsubscribeButton])}</button></form>");
            })
            .AllowAnonymous().RequireRateLimiting(AnonymousRateLimit.Policy).ExcludeFromDescription();
        root.MapPost("/unsubscribe/{token}", async (string token, HttpContext context, UnsubscribeTokens tokens, EmailLocale locale, ICurrentTenant currentTenant, IMediator m, ITextLocalizer texts, CancellationToken ct) =>
            {
                var link = tokens.Read(token);
                if (link is null)
                {
                    return WantsPage(context)
                        ? Page(texts[NotificationsTexts.UnsubscribeInvalid], string.Empty, StatusCodes.Status404NotFound)
                        : throw new NotFoundException(NotificationsErrorCodes.InvalidUnsubscribeLink);
                }

                // The link names its partnership: the command's unit of work runs, saves and commits in it.
                UnsubscribeRequest done;
                string preferences;
                using (currentTenant.Change(link.TenantId))
                {
                    done = await m.Send(new UnsubscribeCommand(token), ct);
                    preferences = await locale.PreferencesLinkAsync(ct);
                }

                return Page(Text(texts, NotificationsTexts.UnsubscribeDone, done.Category, Mask(done.Email)), $"<p><a href=\"{WebUtility.HtmlEncode(preferences)}\">{WebUtility.HtmlEncode(texts[NotificationsTexts.UnsubscribePreferences])}</a></p>");
            })
            .AllowAnonymous().RequireRateLimiting(AnonymousRateLimit.Policy).DisableAntiforgery().WithName("Unsubscribe")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static bool WantsPage(HttpContext context)
        => context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));


    private static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? email : email[0] + new string('•', Math.Min(6, at - 1)) + email[at..];
    }

    private static IResult Page(string message, string form, int status = StatusCodes.Status200OK)
    {
        var lang = TextLocalizer.LanguageOf();
        return Results.Content(
            $"""
            <!doctype html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>EngagementPlatform</title><style>body{"{"}font-family:system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem;color:#1b1f23{"}"}
            button{"{"}padding:.7rem 1.2rem;background:#0b5cad;color:#fff;border:0;border-radius:4px;font-size:1rem{"}"}</style></head>
            <body><main><h1>EngagementPlatform</h1><p>{WebUtility.HtmlEncode(message)}</p>{form}</main></body></html>
            """,
            "text/html; charset=utf-8",
            System.Text.Encoding.UTF8,
            status);
    }

    /// <summary>A page text in the request's language, naming the category (a word, translated too) and the address.</summary>
    private static string Text(ITextLocalizer texts, string key, EmailCategory category, string email)
        => texts.Format(key, new Dictionary<string, object?> { ["category"] = category, ["email"] = email });
}
