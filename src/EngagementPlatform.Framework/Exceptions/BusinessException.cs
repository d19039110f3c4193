namespace EngagementPlatform.Framework.Exceptions;

/// <summary>
/// What kind of refusal an exception is. Domain and application code say the kind; only
/// <see cref="ProblemDetailsExceptionHandler"/> turns it into an HTTP status (422, 409, 404, 403, 400, 401).
/// </summary>
public enum RefusalKind
{
    /// <summary>A rule of the domain forbids this (422).</summary>
    RuleBroken,

    /// <summary>The thing is not in a state that allows this now (409).</summary>
    StateConflict,

    /// <summary>There is no such thing here, including "it belongs to another tenant" (404).</summary>
    NotFound,

    /// <summary>The caller may not do this, whatever the state (403).</summary>
    NotPermitted,

    /// <summary>The request itself is malformed or contradicts itself (400).</summary>
    InvalidRequest,

    /// <summary>The caller must sign in (or sign in to the right partnership) first (401).</summary>
    NotSignedIn,
}

/// <summary>
/// A rule of the domain refused the operation. The code (<c>Module:Reason</c>) is stable and selects a localized
/// message; the kind says which refusal it is. Prefer the named subclasses.
/// </summary>
public class BusinessException : Exception
{
    public BusinessException(string code, RefusalKind kind = RefusalKind.RuleBroken, string? message = null)
        : base(message ?? code)
    {
        Code = code;
        Kind = kind;
    }

    public string Code { get; }

    public RefusalKind Kind { get; }

    public IDictionary<string, object?> Values { get; } = new Dictionary<string, object?>();

    public BusinessException WithData(string name, object? value)
    {
        Values[name] = value;
        return this;
    }
}

/// <summary>A rule of the domain forbids the operation (422).</summary>
public sealed class RuleBrokenException(string code) : BusinessException(code, RefusalKind.RuleBroken);

/// <summary>The entity's state does not allow the operation now (409), e.g. voting on a closed decision.</summary>
public sealed class StateConflictException(string code) : BusinessException(code, RefusalKind.StateConflict);

/// <summary>The caller may not do this (403), e.g. a member who is not eligible to vote.</summary>
public sealed class NotPermittedException(string code) : BusinessException(code, RefusalKind.NotPermitted);

/// <summary>The request contradicts itself in a way no validator can see alone (400).</summary>
public sealed class InvalidRequestException(string code) : BusinessException(code, RefusalKind.InvalidRequest);

/// <summary>Something named by a code is not there (404), e.g. an unsubscribe link that matches nothing.</summary>
public class NotFoundException(string code, string? message = null) : BusinessException(code, RefusalKind.NotFound, message);

/// <summary>Not found, including "belongs to another tenant": ids cannot be probed across tenants.</summary>
public sealed class EntityNotFoundException(string entityName, object? id)
    : NotFoundException(FrameworkErrorCodes.EntityNotFound, $"{entityName} {id} was not found.")
{
    public string EntityName { get; } = entityName;
}

/// <summary>A request with field errors that are not caught by a validator (e.g. a duplicate found in the database).</summary>
public sealed class FieldValidationException(string code, IDictionary<string, string[]> errors, RefusalKind kind = RefusalKind.InvalidRequest)
    : BusinessException(code, kind)
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
