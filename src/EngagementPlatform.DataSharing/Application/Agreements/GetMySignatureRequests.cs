using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.DataSharing.Application.Agreements;

public sealed record GetMySignatureRequestsQuery : IQuery<IReadOnlyList<SignatureRequestDto>>;

/// <summary>
/// The versions in review that wait for the caller's signature (for a party whose signatory they are and that has not
/// signed), oldest submission first. Only the caller's own: there is no parameter to ask for anyone else's.
/// </summary>
public sealed class GetMySignatureRequestsHandler(IDataSharingDbContext db, ICurrentUser currentUser)
    : IQueryHandler<GetMySignatureRequestsQuery, IReadOnlyList<SignatureRequestDto>>
{
    public async ValueTask<IReadOnlyList<SignatureRequestDto>> Handle(GetMySignatureRequestsQuery query, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } me)
        {
            return [];
        }

        // Versions in review are few at a time (the (tenant, state) index finds them); parties are JSON, matched here.
        var inReview = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.State == AgreementState.InReview)
            .Include(v => v.Signatures)
            .ToListAsync(cancellationToken);
        return inReview
            .SelectMany(v => v.AwaitingSignatureOf(me).Select(p => new SignatureRequestDto(v.AgreementId, v.Title, v.Number, p.Id, p.Name, v.SubmittedAt)))
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.AgreementId).ThenBy(r => r.PartyName, StringComparer.Ordinal)
            .ToList();
    }
}
