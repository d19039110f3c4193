using EngagementPlatform.Framework.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Framework.MultiTenancy;

public sealed class TenantResolutionOptions
{
    /// <summary>
    /// A host name pattern such as <c>{0}.engagement.example.org</c>; the part in place of <c>{0}</c> names the
    /// tenant. Empty turns subdomain resolution off.
    /// </summary>
    public string? DomainFormat { get; set; }
}

/// <summary>
/// Sets the ambient tenant for the request. Order as in ABP: the access token's tenant claim, then the
/// <c>__tenant</c> (or <c>X-Tenant</c>) header, then the subdomain. A token of one tenant presented with another
/// tenant named in the header or host is refused, so a stolen header cannot widen a token's reach.
/// Runs after authentication.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IOptions<TenantResolutionOptions> options)
{
    public async Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, ITenantStore tenantStore)
    {
        var requested = RequestedTenant(context);
        TenantInfo? tenant = null;
        if (requested is not null)
        {
            // A value no tenant can have is answered at once: no lookup, nothing cached for it.
            if (!TenantNames.IsValidReference(requested))
            {
                throw new NotFoundException(FrameworkErrorCodes.TenantNotFound)
                    .WithData("tenant", requested.Length > TenantNames.MaxLength ? requested[..TenantNames.MaxLength] + "…" : requested);
            }

            tenant = await tenantStore.FindAsync(requested, context.RequestAborted)
                     ?? throw new NotFoundException(FrameworkErrorCodes.TenantNotFound)
                         .WithData("tenant", requested);
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            var claim = context.User.FindFirst(MultiTenancyConstants.TenantIdClaim)?.Value;
            Guid? tokenTenant = Guid.TryParse(claim, out var parsed) ? parsed : null;
            if (requested is not null && tenant!.Id != tokenTenant)
            {
                throw new NotPermittedException(FrameworkErrorCodes.TenantMismatch);
            }

            if (tenant is null && tokenTenant is not null)
            {
                tenant = await tenantStore.FindAsync(tokenTenant.Value, context.RequestAborted)
                         ?? throw new BusinessException(FrameworkErrorCodes.TenantNotFound, RefusalKind.NotSignedIn);
            }
        }

        if (tenant is { IsActive: false })
        {
            throw new NotPermittedException(FrameworkErrorCodes.TenantInactive);
        }

        using (currentTenant.Change(tenant?.Id, tenant?.Name))
        {
            await next(context);
        }
    }

    private string? RequestedTenant(HttpContext context)
    {
        foreach (var header in new[] { MultiTenancyConstants.TenantHeader, MultiTenancyConstants.AlternativeTenantHeader })
        {
            var value = context.Request.Headers[header].ToString();
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        if (context.Request.Query.TryGetValue(MultiTenancyConstants.TenantHeader, out var query) && !string.IsNullOrWhiteSpace(query))
        {
            return query.ToString().Trim();
        }

        return TenantFromHost(context.Request.Host.Host, options.Value.DomainFormat);
    }

    internal static string? TenantFromHost(string host, string? format)
    {
        if (string.IsNullOrWhiteSpace(format) || !format.Contains("{0}", StringComparison.Ordinal))
        {
            return null;
        }

        var index = format.IndexOf("{0}", StringComparison.Ordinal);
        var prefix = format[..index];
        var suffix = format[(index + 3)..];
        if (host.Length <= prefix.Length + suffix.Length
            || !host.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || !host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var name = host[prefix.Length..^suffix.Length];
        return name.Contains('.', StringComparison.Ordinal) ? null : name;
    }
}
