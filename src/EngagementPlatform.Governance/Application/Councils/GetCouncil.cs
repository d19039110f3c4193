using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Application.CompositionRules;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity;
using Mediator;

namespace EngagementPlatform.Governance.Application.Councils;

public sealed record GetCouncilQuery(Guid Id) : IQuery<CouncilDto>;

public sealed class GetCouncilHandler(IGovernanceDbContext db, ITenantCalendar calendar, IUserDirectory users) : IQueryHandler<GetCouncilQuery, CouncilDto>
{
    public async ValueTask<CouncilDto> Handle(GetCouncilQuery query, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(query.Id, cancellationToken, tracking: false);
        var today = await calendar.TodayAsync(cancellationToken);
        var holders = council.Seats.Select(s => s.HolderOn(today)).OfType<SeatAssignment>().ToList();
        var names = await users.FindAsync(holders.Select(h => h.UserId).ToList(), cancellationToken);
        return new CouncilDto(
            council.Id,
            council.Name,
            council.Description,
            council.Charter,
            council.RequireComplianceToVote,
            council.MinimumCellSize,
            council.Seats.OrderBy(s => s.Id).Select(s =>
            {
                var holder = s.HolderOn(today);
                return new SeatDto(s.Id, s.Title, s.Category, s.IsVoting, s.Role, holder is null, holder is null
                    ? null
                    : new HolderDto(holder.Id, holder.UserId, names.GetValueOrDefault(holder.UserId)?.Name ?? string.Empty, holder.TermStart, holder.TermEnd));
            }).ToList(),
            council.Rules.OrderBy(r => r.Id).Select(RuleDto.From).ToList());
    }
}
