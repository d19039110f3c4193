using System.Data.Common;
using System.Text.Json;
using EngagementPlatform.Framework.Localization;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.Framework.Exceptions;

/// <summary>
/// The one mapping from exceptions to RFC 9457 problem details. Every problem carries a stable <c>code</c>;
/// validation problems carry <c>errors</c> per field (camelCase, as in the JSON). A 500 never shows internals.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    ITextLocalizer texts,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        else
        {
            logger.LogInformation("Request refused with {Code} ({Status})", problem.Extensions["code"], problem.Status);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public ProblemDetails ToProblem(Exception exception) => exception switch
    {
        FieldValidationException e => Problem(StatusOf(e.Kind), e.Code, e.Values, e.Errors.ToDictionary(p => p.Key, p => p.Value.Select(m => FieldMessage(m, e.Values)).ToArray())),
        BusinessException e => Problem(StatusOf(e.Kind), e.Code, e.Values),
        ValidationException e => Problem(
            StatusCodes.Status400BadRequest,
            FrameworkErrorCodes.Validation,
            null,
            e.Errors
                .GroupBy(f => FieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => FieldMessage(f.ErrorMessage, f.FormattedMessagePlaceholderValues)).Distinct().ToArray())),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(StatusCodes.Status413PayloadTooLarge, FrameworkErrorCodes.PayloadTooLarge, null),
        BadHttpRequestException e => BadRequest(e),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, FrameworkErrorCodes.Conflict, null),
        DbUpdateException { InnerException: DbException { SqlState: "23505" or "40001" } } => Problem(StatusCodes.Status409Conflict, FrameworkErrorCodes.Conflict, null),
        _ => Problem(StatusCodes.Status500InternalServerError, FrameworkErrorCodes.Internal, null),
    };

    /// <summary>The one place a kind of refusal becomes an HTTP status.</summary>
    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.RuleBroken => StatusCodes.Status422UnprocessableEntity,
        RefusalKind.StateConflict => StatusCodes.Status409Conflict,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.NotPermitted => StatusCodes.Status403Forbidden,
        RefusalKind.InvalidRequest => StatusCodes.Status400BadRequest,
        RefusalKind.NotSignedIn => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// A field error that is a text key (e.g. <c>Governance:Field.DeadlinePassed</c>) is read in the request's language,
    /// filled from the error's values; any other message (FluentValidation's own, already localized) stays as it is.
    /// </summary>
    private string FieldMessage(string message, IDictionary<string, object?>? values)
        => texts.Contains(message) ? texts.Format(message, values) : message;

    /// <summary>The field as the client wrote it: camelCase in every segment (<c>limits.councils</c>, <c>items[0].name</c>).</summary>
    private static string FieldName(string? propertyName)
        => string.Join('.', (propertyName ?? string.Empty).Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, FrameworkErrorCodes.BadRequest, null);
        // The JSON reader's message names the path and the expected type; it says nothing about our internals.
        if (exception.InnerException is JsonException json)
        {
            problem.Detail = json.Message;
            if (!string.IsNullOrEmpty(json.Path))
            {
                var field = json.Path.TrimStart('$', '.');
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [field.Length == 0 ? "$" : field] = [json.Message] };
            }
        }
        else
        {
            problem.Detail = exception.Message;
        }

        return problem;
    }

    /// <summary>A problem for a refusal the HTTP layer makes itself (e.g. 429 from a rate limiter).</summary>
    public ProblemDetails Problem(int status, string code) => Problem(status, code, null);

    private ProblemDetails Problem(int status, string code, IDictionary<string, object?>? values, IDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = texts.Format(code, values),
            Type = $"https://httpstatuses.io/{status}",
        };
        problem.Extensions["code"] = code;
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors;
        }

        // The refusal's plain values (a plan limit's limit and count, ...) travel as members of their own, so a client
        // can say the message in its language with the numbers filled in. A value never replaces a standard member.
        foreach (var (name, value) in values ?? new Dictionary<string, object?>())
        {
            if (IsPlain(value) && !ReservedMembers.Contains(name))
            {
                problem.Extensions[name] = value;
            }
        }

        return problem;
    }

    private static readonly HashSet<string> ReservedMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "type", "title", "status", "detail", "instance", "code", "errors", "traceId",
    };

    private static bool IsPlain(object? value)
        => value is string or bool or int or long or short or byte or decimal or double or float;

    /// <summary>Problem details for bare status codes (401 from authentication, 403 from authorization, 404 routes).</summary>
    public ProblemDetails ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => Problem(status, FrameworkErrorCodes.Unauthorized, null),
        StatusCodes.Status403Forbidden => Problem(status, FrameworkErrorCodes.Forbidden, null),
        StatusCodes.Status404NotFound => Problem(status, FrameworkErrorCodes.RouteNotFound, null),
        StatusCodes.Status405MethodNotAllowed => Problem(status, FrameworkErrorCodes.BadRequest, null),
        StatusCodes.Status415UnsupportedMediaType => Problem(status, FrameworkErrorCodes.BadRequest, null),
        _ => Problem(status, status >= 500 ? FrameworkErrorCodes.Internal : FrameworkErrorCodes.BadRequest, null),
    };
}
