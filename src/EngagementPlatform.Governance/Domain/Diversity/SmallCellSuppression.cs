namespace EngagementPlatform.Governance.Domain.Diversity;

/// <summary>One value's count in a Governance aggregate (the shape its diversity and access-support answers show).</summary>
public sealed record AggregateCell(string Value, int? Count, bool Suppressed);

/// <summary>Governance's use of the shared small-cell rule (<see cref="Framework.Reporting.SmallCellSuppression"/>).</summary>
public static class SmallCellSuppression
{
    public static IReadOnlyList<AggregateCell> Suppress(IReadOnlyDictionary<string, int> counts, int minimumCellSize)
        => [.. Framework.Reporting.SmallCellSuppression.Suppress(counts, minimumCellSize).Select(c => new AggregateCell(c.Value, c.Count, c.Suppressed))];
}
