using EngagementPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity.Tokens;

public enum CredentialOutcome
{
    /// <summary>Unknown user, inactive user, locked account or wrong password: deliberately one answer.</summary>
    Invalid,
    Valid,
    /// <summary>Right password, but it was set by someone else and must be replaced before a token is issued.</summary>
    MustChangePassword,
}

/// <summary>
/// Checks a user name and password of the current tenant for the token endpoint and the sign-in page alike. Every
/// failure looks the same from outside: the same outcome, and a password hash is computed on every path (against a
/// dummy hash when there is no usable account), so neither the answer nor its timing tells whether the account
/// exists or is locked.
/// </summary>
public sealed class CredentialChecker(UserManager<User> users, SignInManager<User> signIn, IPasswordHasher<User> hasher)
{
    // A hash of a random password, made once with the configured hasher: verifying against it costs what
    // verifying a real user's password costs.
    private static string? _dummyHash;

    public async Task<(CredentialOutcome Outcome, User? User)> CheckAsync(string? userName, string? password)
    {
        password ??= string.Empty;
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            BurnHash(password);
            return (CredentialOutcome.Invalid, null);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return (CredentialOutcome.Invalid, null);
        }

        return (user.MustChangePassword ? CredentialOutcome.MustChangePassword : CredentialOutcome.Valid, user);
    }

    private void BurnHash(string password)
    {
        var probe = new User { UserName = "dummy" };
        _dummyHash ??= hasher.HashPassword(probe, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(probe, _dummyHash, password);
    }
}
