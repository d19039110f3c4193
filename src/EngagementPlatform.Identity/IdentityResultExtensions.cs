using EngagementPlatform.Framework.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity;

internal static class IdentityResultExtensions
{
    /// <summary>Turns ASP.NET Core Identity's errors into our problem details, keyed by the request's field names.</summary>
    public static void ThrowIfFailed(this IdentityResult result, string passwordField = "password")
    {
        if (result.Succeeded)
        {
            return;
        }

        var errors = result.Errors.ToList();
        if (errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new FieldValidationException(
                IdentityErrorCodes.DuplicateUserName,
                new Dictionary<string, string[]> { ["userName"] = errors.Select(e => e.Description).ToArray() }, RefusalKind.StateConflict);
        }

        if (errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            throw new FieldValidationException(
                IdentityErrorCodes.DuplicateEmail,
                new Dictionary<string, string[]> { ["email"] = errors.Select(e => e.Description).ToArray() }, RefusalKind.StateConflict);
        }

        if (errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)))
        {
            throw new FieldValidationException(
                IdentityErrorCodes.InvalidPassword,
                new Dictionary<string, string[]> { [passwordField] = errors.Select(e => e.Description).ToArray() });
        }

        throw new FieldValidationException(
            IdentityErrorCodes.IdentityFailed,
            errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
                    : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName"
                    : e.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "user")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
    }
}
