namespace EngagementPlatform.SaaS.Application.Tenants;

/// <summary>What a partnership's own admin may change about it.</summary>
public sealed record MyTenantDto(string Name, string? DisplayName, string DefaultLanguage, string TimeZone);
