using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Councils;

/// <summary>Governance's answer to <see cref="ICouncilDirectory"/>, read from the council aggregate (tenant-filtered).</summary>
internal sealed class CouncilDirectory(IGovernanceDbContext db, ITenantCalendar calendar) : ICouncilDirectory
{
    public async Task<IReadOnlyList<CouncilInfo>> GetCouncilsAsync(CancellationToken cancellationToken = default)
        => await db.Councils.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CouncilInfo(c.Id, c.Name)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CouncilMemberInfo>?> GetVotingMembersAsync(Guid councilId, DateOnly? date = null, CancellationToken cancellationToken = default)
    {
        var council = await db.Councils.AsNoTracking().Include(c => c.Seats).ThenInclude(s => s.Assignments).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
        {
            return null;
        }

        var on = date ?? await calendar.TodayAsync(cancellationToken);
        return council.Seats.Where(s => s.IsVoting)
            .Select(s => (Seat: s, Holder: s.HolderOn(on)))
            .Where(x => x.Holder is not null)
            .OrderBy(x => x.Seat.Id)
            .Select(x => new CouncilMemberInfo(x.Holder!.UserId, x.Seat.Id, x.Seat.Title, x.Seat.Category.IsCommunity()))
            .ToList();
    }
}
