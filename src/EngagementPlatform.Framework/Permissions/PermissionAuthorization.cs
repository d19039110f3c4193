using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Framework.Permissions;

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

public sealed class PermissionAuthorizationHandler(
    IPermissionChecker checker,
    PermissionDefinitionManager definitions,
    ICurrentTenant currentTenant) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var definition = definitions.Find(requirement.Permission);
        var side = currentTenant.Id is null ? MultiTenancySides.Host : MultiTenancySides.Tenant;
        if (definition is null || !definition.Side.HasFlag(side))
        {
            return;
        }

        if (await checker.IsGrantedAsync(requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Builds the policy <c>Permission:Name</c> on demand, so endpoints name permissions directly.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "Permission:";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return await base.GetPolicyAsync(policyName);
        }

        var fallback = await GetDefaultPolicyAsync();
        return new AuthorizationPolicyBuilder(fallback.AuthenticationSchemes.ToArray())
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[Prefix.Length..]))
            .Build();
    }
}

public static class PermissionEndpointExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(PermissionPolicyProvider.Prefix + permission);
}
