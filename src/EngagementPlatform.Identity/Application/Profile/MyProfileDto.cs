namespace EngagementPlatform.Identity.Application.Profile;

public sealed record MyProfileDto(
    Guid Id,
    string UserName,
    string Email,
    string Name,
    string PreferredLanguage,
    IReadOnlyList<string> Roles,
    Guid? TenantId,
    string? TenantName);
