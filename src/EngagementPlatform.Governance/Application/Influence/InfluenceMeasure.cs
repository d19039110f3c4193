using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Influence;

/// <summary>Counts, per council, decided decisions and those where community input was adopted or adapted.</summary>
internal static class InfluenceMeasure
{
    public static readonly InputUse?[] Influential = [InputUse.Adopted, InputUse.Adapted];

    public static async Task<List<InfluenceDto>> MeasureAsync(this IGovernanceDbContext db, Guid? councilId, CancellationToken cancellationToken)
    {
        var decided = db.Decisions.AsNoTracking().Where(d => d.RecordedAt != null);
        if (councilId is { } id)
        {
            decided = decided.Where(d => d.CouncilId == id);
        }

        var rows = await decided
            .GroupBy(d => d.CouncilId)
            .Select(g => new
            {
                CouncilId = g.Key,
                Decided = g.Count(),
                Influenced = g.Count(d => d.Inputs.Any(i => i.IsCommunityInput && (i.Use == InputUse.Adopted || i.Use == InputUse.Adapted))),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.CouncilId).ToList();
        var names = await db.Councils.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return rows.Select(r => new InfluenceDto(r.CouncilId, names.GetValueOrDefault(r.CouncilId), r.Decided, r.Influenced, Share(r.Influenced, r.Decided)))
            .OrderBy(r => r.CouncilName, StringComparer.CurrentCulture).ToList();
    }

    public static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}
