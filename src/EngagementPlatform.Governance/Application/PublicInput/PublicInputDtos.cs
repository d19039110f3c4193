using System.Security.Cryptography;
using System.Text;

namespace EngagementPlatform.Governance.Application.PublicInput;

/// <summary><c>language</c> (en or es): the page's language, for the confirmation mail; without it the partnership's default.</summary>
public sealed record PublicInputRequest(string Text, string? Name, string? Email, string? Language);

public sealed record EmailConfirmationRequest(string Token);

/// <summary>What became of a person's address: <c>None</c> (none given), <c>ConfirmationSent</c> (check your mail),
/// <c>ConfirmationPending</c> (an earlier confirmation mail is still waiting) or <c>Confirmed</c> (you will hear back).</summary>
public enum PublicEmailStatus
{
    None,
    ConfirmationSent,
    ConfirmationPending,
    Confirmed,
}

public sealed record PublicInputReceiptDto(Guid Id, DateTimeOffset CreatedAt, PublicEmailStatus EmailStatus);

public sealed record EmailConfirmedDto(string DecisionTitle, string? PublicInputToken);

/// <summary>Confirmation tokens: only their hash is stored.</summary>
internal static class ConfirmationTokens
{
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
