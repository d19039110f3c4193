using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Governance.Domain.Diversity;
using EngagementPlatform.Governance.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Governance.Application.Demographics;

/// <summary>The make-up of a council's current holders from their own answers, with small groups withheld.</summary>
public sealed record GetDiversityQuery(Guid CouncilId) : IQuery<DiversityDto>;

public sealed class GetDiversityHandler(IGovernanceDbContext db, ITenantCalendar calendar) : IQueryHandler<GetDiversityQuery, DiversityDto>
{
    public async ValueTask<DiversityDto> Handle(GetDiversityQuery query, CancellationToken cancellationToken)
    {
        var council = await db.LoadCouncilAsync(query.CouncilId, cancellationToken, tracking: false);
        var today = await calendar.TodayAsync(cancellationToken);
        var holders = council.Seats.Select(s => s.HolderOn(today)?.UserId).OfType<Guid>().Distinct().ToList();
        var answers = await db.MemberDemographics.AsNoTracking().Where(d => holders.Contains(d.UserId)).ToListAsync(cancellationToken);
        var byUser = answers.ToDictionary(a => a.UserId);
        const string NotReported = "not-reported";

        Dictionary<string, int> Count(Func<MemberDemographics, IEnumerable<string>> values)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var holder in holders)
            {
                var given = byUser.TryGetValue(holder, out var d) ? values(d).Where(v => !string.IsNullOrWhiteSpace(v)).ToList() : [];
                foreach (var value in given.Count == 0 ? [NotReported] : given.Select(v => v.Trim().ToLowerInvariant()).Distinct())
                {
                    counts[value] = counts.GetValueOrDefault(value) + 1;
                }
            }

            return counts;
        }

        var min = council.MinimumCellSize;
        if (holders.Count < min)
        {
            // With fewer people than the smallest group we may show, any count (even the total) could identify someone.
            return new DiversityDto(null, min, new Dictionary<string, IReadOnlyList<AggregateCell>>());
        }

        // Withheld groups are merged into one nameless cell: even the name of a small group can point at a person.
        static IReadOnlyList<AggregateCell> Shown(IReadOnlyList<AggregateCell> cells)
            => cells.Any(c => c.Suppressed)
                ? [.. cells.Where(c => !c.Suppressed), new AggregateCell("withheld", null, true)]
                : cells;

        return new DiversityDto(holders.Count, min, new Dictionary<string, IReadOnlyList<AggregateCell>>
        {
            ["language"] = Shown(SmallCellSuppression.Suppress(Count(d => [d.Language ?? string.Empty]), min)),
            ["ageBand"] = Shown(SmallCellSuppression.Suppress(Count(d => [d.AgeBand ?? string.Empty]), min)),
            ["raceEthnicity"] = Shown(SmallCellSuppression.Suppress(Count(d => d.RaceEthnicity), min)),
            ["neighborhood"] = Shown(SmallCellSuppression.Suppress(Count(d => [d.Neighborhood ?? string.Empty]), min)),
        });
    }
}
