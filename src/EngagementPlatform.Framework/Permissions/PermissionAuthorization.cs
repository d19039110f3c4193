using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Framework.Permissions;

/// <summary>Met when the caller holds any one of <see cref="Permissions"/> (usually one).</summary>
public sealed record PermissionRequirement(IReadOnlyList<string> Permissions) : IAuthorizationRequirement;

public sealed class PermissionAuthorizationHandler(
    IPermissionChecker checker,
    PermissionDefinitionManager definitions,
    ICurrentTenant currentTenant) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var side = currentTenant.Id is null ? MultiTenancySides.Host : MultiTenancySides.Tenant;
        foreach (var permission in requirement.Permissions)
        {
            var definition = definitions.Find(permission);
            if (definition is not null && definition.Side.HasFlag(side) && await checker.IsGrantedAsync(permission))
            {
                context.Succeed(requirement);
                return;
            }
        }
    }
}

/// <summary>
/// Builds the policy <c>Permission:Name</c> on demand, so endpoints name permissions directly; <c>Permission:A|B</c> is met
/// by holding either.
/// </summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "Permission:";

    /// <summary>Separates the permissions of a policy met by any one of them.</summary>
    public const char AnyOf = '|';

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return await base.GetPolicyAsync(policyName);
        }

        var fallback = await GetDefaultPolicyAsync();
        return new AuthorizationPolicyBuilder(fallback.AuthenticationSchemes.ToArray())
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[Prefix.Length..].Split(AnyOf)))
            .Build();
    }
}

public static class PermissionEndpointExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(PermissionPolicyProvider.Prefix + permission);

    /// <summary>The caller must hold at least one of <paramref name="permissions"/> (403 otherwise, like <see cref="RequirePermission{TBuilder}"/>).</summary>
    public static TBuilder RequireAnyPermission<TBuilder>(this TBuilder builder, params string[] permissions)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(PermissionPolicyProvider.Prefix + string.Join(PermissionPolicyProvider.AnyOf, permissions));
}
