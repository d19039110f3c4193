using System.Linq.Expressions;

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
    /// Orders by a client-chosen key from an allow-list (<c>name</c>, <c>name desc</c>); unknown keys fall back to
    /// the default so a typo never becomes a 500 or an injection.
    /// </summary>
    public static IOrderedQueryable<T> OrderBySorting<T>(
        this IQueryable<T> query,
        string? sorting,
        IReadOnlyDictionary<string, Expression<Func<T, object?>>> keys,
        string defaultKey)
    {
        var parts = (sorting ?? defaultKey).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var key = parts.Length > 0 ? parts[0] : defaultKey;
        var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
        if (!keys.TryGetValue(key, out var selector))
        {
            selector = keys[defaultKey];
            descending = false;
        }

        return descending ? query.OrderByDescending(selector) : query.OrderBy(selector);
    }
}
