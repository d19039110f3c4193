using EngagementPlatform.Framework.Features;
using EngagementPlatform.Framework.Http;
using EngagementPlatform.SaaS;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.DataSharing.Http;

/// <summary>
/// Data sharing's HTTP API under <c>/api/data-sharing</c>. Every operation needs the plan feature <c>DataSharing</c>
/// (403 <c>Saas:FeatureNotEnabled</c> without it) and a permission, or (signing, attesting, reading what one signs) to be
/// the party's named signatory; refusals are problem details with a code.
/// </summary>
internal static class DataSharingEndpoints
{
    public static void MapDataSharingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/data-sharing").WithTags("DataSharing")
            .RequireFeature(SaasFeatures.DataSharing)
            .ProducesRefusals();
        api.MapAgreementEndpoints();
        api.MapRegisterEndpoints();
        api.MapDestructionEndpoints();
    }
}
