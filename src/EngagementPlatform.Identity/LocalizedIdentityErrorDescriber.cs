using EngagementPlatform.Framework.Localization;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity;

/// <summary>
/// ASP.NET Identity's errors (password rules, duplicates...) in the request's language, through the one
/// localization path; the codes stay those of <see cref="IdentityErrorDescriber"/>.
/// </summary>
internal sealed class LocalizedIdentityErrorDescriber(ITextLocalizer texts) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError));

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed));

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated));

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), ("userName", userName));

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), ("email", email));

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), ("userName", userName));

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), ("email", email));

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), ("role", role));

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), ("role", role));

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword));

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled));

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), ("role", role));

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), ("role", role));

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), ("length", length));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), ("count", uniqueChars));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));

    private IdentityError Error(string code, params (string Name, object? Value)[] values) => new()
    {
        Code = code,
        Description = texts.Format(IdentityTexts.Error(code), values.ToDictionary(v => v.Name, v => v.Value)),
    };
}
