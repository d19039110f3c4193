using Microsoft.AspNetCore.Http;

namespace EngagementPlatform.Framework.Exceptions;

/// <summary>
/// A rule of the domain refused the operation. The code (<c>Module:Reason</c>) is stable and selects a localized
/// message; the status says which kind of refusal it is (409 conflict, 422 rule, 404 not found...).
/// </summary>
public class BusinessException : Exception
{
    public BusinessException(string code, int status = StatusCodes.Status422UnprocessableEntity, string? message = null)
        : base(message ?? code)
    {
        Code = code;
        Status = status;
    }

    public string Code { get; }

    public int Status { get; }

    public IDictionary<string, object?> Values { get; } = new Dictionary<string, object?>();

    public BusinessException WithData(string name, object? value)
    {
        Values[name] = value;
        return this;
    }
}

/// <summary>Not found, including "belongs to another tenant": ids cannot be probed across tenants.</summary>
public sealed class EntityNotFoundException(string entityName, object? id)
    : BusinessException(FrameworkErrorCodes.EntityNotFound, StatusCodes.Status404NotFound, $"{entityName} {id} was not found.")
{
    public string EntityName { get; } = entityName;
}

/// <summary>A request with field errors that are not caught by a validator (e.g. a duplicate found in the database).</summary>
public sealed class FieldValidationException(string code, IDictionary<string, string[]> errors, int status = StatusCodes.Status400BadRequest)
    : BusinessException(code, status)
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
