using System.Text.RegularExpressions;

namespace EngagementPlatform.Framework.MultiTenancy;

/// <summary>
/// The one rule for what a tenant name looks like: 1–64 letters, digits and inner hyphens. Tenant creation checks
/// it, and tenant resolution checks it before any lookup, so a header or query value of the wrong shape never
/// reaches the database or the tenant cache.
/// </summary>
public static partial class TenantNames
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) => name is not null && NamePattern().IsMatch(name.Trim());

    /// <summary>A value a request may name its tenant with: a valid name or a tenant id.</summary>
    public static bool IsValidReference(string? value) => IsValid(value) || Guid.TryParse(value, out _);

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?$")]
    private static partial Regex NamePattern();
}
