namespace EngagementPlatform.Framework.Reporting;

/// <summary>One value's count in an aggregate; a suppressed cell shows no count.</summary>
public sealed record AggregateCell(string Value, int? Count, bool Suppressed);

/// <summary>
/// Privacy-protected aggregates: any non-zero count under the minimum is withheld, and when exactly one cell of a
/// dimension is withheld the next smallest is withheld too, so the total cannot be used to work it out.
/// No per-person data ever leaves this method. Shared by every report that counts people (diversity of a council,
/// access supports of a meeting, assessments): one rule, one set of tests.
/// </summary>
public static class SmallCellSuppression
{
    public static IReadOnlyList<AggregateCell> Suppress(IReadOnlyDictionary<string, int> counts, int minimumCellSize)
    {
        var suppressed = counts.Where(c => c.Value > 0 && c.Value < minimumCellSize).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (suppressed.Count == 1)
        {
            var next = counts.Where(c => c.Value > 0 && !suppressed.Contains(c.Key))
                .OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key)
                .FirstOrDefault();
            if (next is not null)
            {
                suppressed.Add(next);
            }
        }

        return counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => suppressed.Contains(c.Key) ? new AggregateCell(c.Key, null, true) : new AggregateCell(c.Key, c.Value, false))
            .ToList();
    }
}
