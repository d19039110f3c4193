using System.Linq.Expressions;
using EngagementPlatform.Framework.Exceptions;

namespace EngagementPlatform.Framework.Data;

/// <summary>ABP's list query: <c>?skipCount=0&amp;maxResultCount=20&amp;sorting=name desc</c>.</summary>
public sealed record PageRequest(int? SkipCount, int? MaxResultCount, string? Sorting)
{
    public const int DefaultMaxResultCount = 20;
    public const int MaxMaxResultCount = 1000;

    public int Skip => Math.Max(0, SkipCount ?? 0);

    public int Take => Math.Clamp(MaxResultCount ?? DefaultMaxResultCount, 1, MaxMaxResultCount);
}

public sealed record PagedResult<T>(long TotalCount, IReadOnlyList<T> Items);

public static class QueryableSortingExtensions
{
    /// <summary>
    /// Orders by a client-chosen key from an allow-list (<c>name</c>, <c>name desc</c>). No sorting means the default
    /// key ascending; a key that is not on the list, or a direction other than <c>asc</c>/<c>desc</c>, is refused
    /// with <see cref="FrameworkErrorCodes.UnknownSortField"/> (400) rather than silently ignored.
    /// </summary>
    public static IOrderedQueryable<T> OrderBySorting<T>(
        this IQueryable<T> query,
        string? sorting,
        IReadOnlyDictionary<string, Expression<Func<T, object?>>> keys,
        string defaultKey)
    {
        if (string.IsNullOrWhiteSpace(sorting))
        {
            return query.OrderBy(keys[defaultKey]);
        }

        var parts = sorting.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var direction = parts.Length > 1 ? parts[1] : "asc";
        if (parts.Length > 2
            || !keys.TryGetValue(parts[0], out var selector)
            || !(direction.Equals("asc", StringComparison.OrdinalIgnoreCase) || direction.Equals("desc", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidRequestException(FrameworkErrorCodes.UnknownSortField)
                .WithData("sorting", sorting.Trim())
                .WithData("allowed", string.Join(", ", keys.Keys));
        }

        return direction.Equals("desc", StringComparison.OrdinalIgnoreCase) ? query.OrderByDescending(selector) : query.OrderBy(selector);
    }
}
