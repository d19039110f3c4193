using System.Security.Claims;
using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.AspNetCore.Http;

namespace EngagementPlatform.Framework.Users;

public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? Id { get; }

    string? UserName { get; }

    Guid? TenantId { get; }

    IReadOnlyList<string> Roles { get; }

    bool IsInRole(string role);
}

/// <summary>Reads the signed-in user from the request's principal (OpenIddict claim names).</summary>
public sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string SubjectClaim = "sub";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? Id => Guid.TryParse(Principal?.FindFirst(SubjectClaim)?.Value, out var id) ? id : null;

    public string? UserName => Principal?.FindFirst(NameClaim)?.Value;

    public Guid? TenantId => Guid.TryParse(Principal?.FindFirst(MultiTenancyConstants.TenantIdClaim)?.Value, out var id) ? id : null;

    public IReadOnlyList<string> Roles => Principal?.FindAll(RoleClaim).Select(c => c.Value).ToArray() ?? [];

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
