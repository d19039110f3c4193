using CsCheck;
using EngagementPlatform.Framework.Reporting;

namespace EngagementPlatform.Framework.Tests;

public sealed class SmallCellSuppressionTests
{
    private const int Minimum = 5;

    private static IReadOnlyList<AggregateCell> Suppress(params (string Value, int Count)[] counts)
        => SmallCellSuppression.Suppress(counts.ToDictionary(c => c.Value, c => c.Count), Minimum);

    private static AggregateCell Shown(string value, int count) => new(value, count, false);

    private static AggregateCell Hidden(string value) => new(value, null, true);

    [Fact]
    public void Cells_at_or_above_the_minimum_are_shown()
        => Suppress(("Spanish", 5), ("English", 12)).ShouldBe([Shown("English", 12), Shown("Spanish", 5)]);

    [Fact]
    public void Two_cells_under_the_minimum_are_both_suppressed_without_secondary_suppression()
        => Suppress(("A", 12), ("B", 4), ("C", 1), ("D", 9)).ShouldBe([Shown("A", 12), Hidden("B"), Hidden("C"), Shown("D", 9)]);

    [Fact]
    public void Zero_counts_are_shown_not_suppressed()
        => Suppress(("A", 0), ("B", 7), ("C", 6)).ShouldBe([Shown("A", 0), Shown("B", 7), Shown("C", 6)]);

    [Fact]
    public void A_lone_suppressed_cell_also_suppresses_the_next_smallest_non_zero_cell()
        => Suppress(("A", 20), ("B", 3), ("C", 0), ("D", 8), ("E", 11))
            .ShouldBe([Shown("A", 20), Hidden("B"), Shown("C", 0), Hidden("D"), Shown("E", 11)]);

    [Fact]
    public void A_tie_for_next_smallest_suppresses_the_alphabetically_first()
        => Suppress(("Zulu", 7), ("Alpha", 7), ("Mike", 2), ("Bravo", 30))
            .ShouldBe([Hidden("Alpha"), Shown("Bravo", 30), Hidden("Mike"), Shown("Zulu", 7)]);

    [Fact]
    public void A_lone_suppressed_cell_with_no_other_non_zero_cell_stays_alone()
        => Suppress(("A", 2), ("B", 0)).ShouldBe([Hidden("A"), Shown("B", 0)]);

    [Fact]
    public void Output_is_ordered_by_value_ordinally()
        => Suppress(("b", 9), ("B", 9), ("a", 9), ("A", 9)).Select(c => c.Value).ShouldBe(["A", "B", "a", "b"]);

    [Fact]
    public void An_empty_dimension_gives_no_cells()
        => Suppress().ShouldBeEmpty();

    [Fact]
    public void No_shown_count_is_small_and_a_lone_suppressed_cell_only_happens_when_nothing_else_can_hide_it()
        => Gen.Int[0, 12].Array[0, 8].Select(Gen.Int[1, 8], (counts, minimum) => (counts, minimum)).Sample((counts, minimum) =>
        {
            var input = counts.Select((c, i) => (Value: $"v{i}", Count: c)).ToDictionary(c => c.Value, c => c.Count);

            var cells = SmallCellSuppression.Suppress(input, minimum);

            cells.Select(c => c.Value).ShouldBe(input.Keys.Order(StringComparer.Ordinal));
            foreach (var cell in cells)
            {
                cell.Suppressed.ShouldBe(cell.Count is null);
                if (!cell.Suppressed)
                {
                    cell.Count.ShouldBe(input[cell.Value]);
                    (cell.Count >= 1 && cell.Count < minimum).ShouldBeFalse();
                }
            }

            var hidden = cells.Count(c => c.Suppressed);
            if (hidden == 1)
            {
                cells.Where(c => !c.Suppressed).ShouldAllBe(c => c.Count == 0);
            }
        });
}
