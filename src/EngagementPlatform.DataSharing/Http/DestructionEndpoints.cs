using EngagementPlatform.DataSharing.Application.Destruction;
using EngagementPlatform.Framework.Application;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EngagementPlatform.DataSharing.Http;

/// <summary>Destruction attestations: a party states that it destroyed the data an agreement covered.</summary>
internal static class DestructionEndpoints
{
    public static void MapDestructionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/agreements/{id:guid}/destruction-attestations", async (Guid id, DestructionAttestationRequest r, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(AttestDestructionCommand.From(id, r), ct);
                return TypedResults.Created($"/api/data-sharing/agreements/{id}", created);
            })
            .RequireAuthorization()
            .Produces<CreatedId>(StatusCodes.Status201Created)
            .WithName("AttestDataDestruction")
            .WithDescription("A party attests that it destroyed the agreement's data: partyId (a party of the governing version), typedName, "
                             + "method (required), destroyedOn (not after today in the partnership's time zone: 400 DataSharing:DestroyedInFuture), "
                             + "note. Only the party's signatory, or someone with DataSharing.Agreements.Manage recording it on the party's behalf "
                             + "(403 DataSharing:NotTheSignatory otherwise); once per party (409 DataSharing:AlreadyAttested); not while the "
                             + "agreement is a draft or in review (409 DataSharing:IllegalTransition). After it the party gets no more destruction "
                             + "reminders. Location is the agreement.");
    }
}
