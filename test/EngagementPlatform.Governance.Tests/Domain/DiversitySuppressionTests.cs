using EngagementPlatform.Governance.Domain.Diversity;

namespace EngagementPlatform.Governance.Tests.Domain;

/// <summary>Governance's aggregates follow the shared small-cell rule (its own tests are in Framework.Tests).</summary>
public sealed class DiversitySuppressionTests
{
    [Fact]
    public void Governance_cells_are_the_shared_rules_cells()
        => SmallCellSuppression.Suppress(new Dictionary<string, int> { ["A"] = 20, ["B"] = 3, ["C"] = 8 }, 5)
            .ShouldBe([new AggregateCell("A", 20, false), new AggregateCell("B", null, true), new AggregateCell("C", null, true)]);
}
