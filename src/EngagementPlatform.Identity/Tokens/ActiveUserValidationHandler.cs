using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Identity.Persistence;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace EngagementPlatform.Identity.Tokens;

/// <summary>
/// Refuses a valid access token whose user has since been deactivated or deleted: the request is treated as not
/// signed in (401), from the very next request on, not when the token expires. Roles are not read from the token
/// at all (see <see cref="PermissionChecker"/>), so a demotion needs nothing here.
/// </summary>
internal sealed class ActiveUserValidationHandler(UserAccessCache cache, IIdentityDbContext db) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; }
        = OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<ActiveUserValidationHandler>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { } principal)
        {
            return;
        }

        var subject = principal.GetClaim(Claims.Subject);
        var tenant = principal.GetClaim(MultiTenancyConstants.TenantIdClaim);
        Guid? tenantId = Guid.TryParse(tenant, out var parsedTenant) ? parsedTenant : null;
        if (!Guid.TryParse(subject, out var userId) || (tenant is not null && tenantId is null))
        {
            context.Reject(Errors.InvalidToken, "The token names no user.");
            return;
        }

        var access = await cache.GetAsync(tenantId, userId, db, context.CancellationToken);
        if (!access.IsActive)
        {
            context.Reject(Errors.InvalidToken, "The user is no longer active.");
        }
    }
}
