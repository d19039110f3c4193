using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.SaaS;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.HttpApi.Host;

/// <summary>
/// The jobs dashboard is for the platform operator only: a host user signed in through the sign-in page (cookie)
/// whose roles grant <c>Saas.Jobs</c>. Tenant users never see it.
/// </summary>
internal sealed class HostAdminDashboardFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || cookie.Principal.HasClaim(c => c.Type == MultiTenancyConstants.TenantIdClaim))
        {
            return false;
        }

        http.User = cookie.Principal;
        var checker = http.RequestServices.GetRequiredService<IPermissionChecker>();
        return await checker.IsGrantedAsync(SaasPermissions.Jobs, http.RequestAborted);
    }
}
