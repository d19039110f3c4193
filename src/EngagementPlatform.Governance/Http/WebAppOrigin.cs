using EngagementPlatform.Governance.Application.PublicInput;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace EngagementPlatform.Governance.Http;

/// <summary>The configured public address (<c>App:SelfUrl</c>), else the address the current request came to.</summary>
internal sealed class WebAppOrigin(IConfiguration configuration, IHttpContextAccessor http) : IWebAppOrigin
{
    public string Origin
    {
        get
        {
            if (configuration["App:SelfUrl"] is { Length: > 0 } self)
            {
                return self.TrimEnd('/');
            }

            var request = http.HttpContext?.Request;
            return request is null ? string.Empty : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }
}
