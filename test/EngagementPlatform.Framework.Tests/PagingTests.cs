using EngagementPlatform.Framework.Exceptions;
using System.Linq.Expressions;
using CsCheck;
using EngagementPlatform.Framework.Data;

namespace EngagementPlatform.Framework.Tests;

public sealed class PageRequestTests
{
    [Fact]
    public void Defaults_to_the_first_twenty()
    {
        var page = new PageRequest(null, null, null);

        page.Skip.ShouldBe(0);
        page.Take.ShouldBe(20);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(int.MinValue, 0)]
    [InlineData(0, 0)]
    [InlineData(40, 40)]
    [InlineData(int.MaxValue, int.MaxValue)]
    public void Skip_is_never_negative(int skipCount, int expected)
        => new PageRequest(skipCount, null, null).Skip.ShouldBe(expected);

    [Theory]
    [InlineData(int.MinValue, 1)]
    [InlineData(-5, 1)]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(50, 50)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void Take_is_clamped_between_one_and_a_thousand(int maxResultCount, int expected)
        => new PageRequest(null, maxResultCount, null).Take.ShouldBe(expected);

    [Fact]
    public void Any_request_yields_a_valid_page()
        => Gen.Select(Gen.Int.Nullable(), Gen.Int.Nullable()).Sample((skipCount, maxResultCount) =>
        {
            var page = new PageRequest(skipCount, maxResultCount, null);
            return page.Skip >= 0
                && page.Take is >= 1 and <= 1000
                && page.Skip == (skipCount is > 0 ? skipCount.Value : 0)
                && page.Take == (maxResultCount is null ? 20 : Math.Clamp(maxResultCount.Value, 1, 1000));
        });
}

public sealed class OrderBySortingTests
{
    private sealed record Council(string Name, int Seats);

    private static readonly IQueryable<Council> Councils = new[]
    {
        new Council("Youth", 7),
        new Council("Elders", 12),
        new Council("Arts", 5),
        new Council("Health", 9),
    }.AsQueryable();

    private static readonly Dictionary<string, Expression<Func<Council, object?>>> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = c => c.Name,
        ["seats"] = c => c.Seats,
    };

    [Theory]
    [InlineData("name", new[] { "Arts", "Elders", "Health", "Youth" })]
    [InlineData("name asc", new[] { "Arts", "Elders", "Health", "Youth" })]
    [InlineData("name desc", new[] { "Youth", "Health", "Elders", "Arts" })]
    [InlineData("NAME DESC", new[] { "Youth", "Health", "Elders", "Arts" })]
    [InlineData("  name   desc  ", new[] { "Youth", "Health", "Elders", "Arts" })]
    [InlineData("seats", new[] { "Arts", "Youth", "Health", "Elders" })]
    [InlineData("Seats Desc", new[] { "Elders", "Health", "Youth", "Arts" })]
    public void Orders_by_the_chosen_key_and_direction(string sorting, string[] expected)
        => Names(Councils.OrderBySorting(sorting, Keys, "name")).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_sorting_means_the_default_key_ascending(string? sorting)
        => Names(Councils.OrderBySorting(sorting, Keys, "seats")).ShouldBe(["Arts", "Youth", "Health", "Elders"]);

    [Theory]
    [InlineData("password")]
    [InlineData("password desc")]
    [InlineData("name; DROP TABLE councils")]
    [InlineData("name sideways")]
    [InlineData("name desc name")]
    public void A_key_not_on_the_list_or_a_bad_direction_is_refused_with_a_code(string sorting)
    {
        var refused = Should.Throw<InvalidRequestException>(() => Councils.OrderBySorting(sorting, Keys, "seats"));

        refused.Code.ShouldBe(FrameworkErrorCodes.UnknownSortField);
        refused.Values["allowed"].ShouldBe("name, seats");
        ProblemDetailsExceptionHandler.StatusOf(refused.Kind).ShouldBe(400);
    }

    [Fact]
    public void The_sorted_query_can_be_refined_with_a_secondary_order()
    {
        var councils = new[] { new Council("B", 5), new Council("A", 5), new Council("C", 1) }.AsQueryable();

        Names(councils.OrderBySorting("seats desc", Keys, "name").ThenBy(c => c.Name)).ShouldBe(["A", "B", "C"]);
    }

    private static string[] Names(IQueryable<Council> query) => query.Select(c => c.Name).ToArray();
}
