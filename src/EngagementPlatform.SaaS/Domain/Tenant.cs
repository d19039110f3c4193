using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;

namespace EngagementPlatform.SaaS.Domain;

/// <summary>One partnership subscribing to the platform. Host-side: tenants are not themselves multi-tenant.</summary>
[Audited(KeepValues = true)]
public sealed class Tenant : FullAuditedAggregateRoot<Guid>
{
    private Tenant()
    {
    }

    public Tenant(Guid id, string name, string? displayName)
    {
        Id = id;
        Rename(name);
        DisplayName = displayName;
    }

    /// <summary>Short, URL-safe, unique: used in the <c>__tenant</c> header, subdomains and the sign-in page.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>How people call the partnership ("County Health Department + Eastside Coalition").</summary>
    public string? DisplayName { get; set; }

    public Guid? EditionId { get; set; }

    /// <summary>The language for people who have not chosen one (new users, the public): en or es.</summary>
    public string DefaultLanguage { get; set; } = "en";

    public static readonly string[] Languages = ["en", "es"];

    /// <summary>An IANA time zone ("America/Chicago"): what "today" means for terms, deadlines and the web app's times.</summary>
    public string TimeZone { get; set; } = "UTC";

    public static bool IsKnownTimeZone(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>A suspended tenant cannot sign in or be reached; its data stays.</summary>
    public bool IsActive { get; private set; } = true;

    public void Rename(string name) => Name = NormalizeName(name);

    public void Suspend() => IsActive = false;

    public void Activate() => IsActive = true;

    public static string NormalizeName(string name) => name.Trim().ToLowerInvariant();

    public static bool IsValidName(string? name) => Framework.MultiTenancy.TenantNames.IsValid(name);
}
