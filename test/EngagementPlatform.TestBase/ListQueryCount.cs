using System.Net;
using System.Text.Json;
using Shouldly;

namespace EngagementPlatform.TestBase;

/// <summary>What one list request cost: the statements its handler sent and those the rest of the request sent.</summary>
public sealed record ListCost(int PageSize, int Items, long Total, IReadOnlyList<SqlStatement> Handler, IReadOnlyList<SqlStatement> Around, string Body)
{
    public override string ToString() => $"page size {PageSize}, total {Total}: handler {Handler.Count}, around {Around.Count}";
}

/// <summary>
/// The query-count check every list endpoint has (docs/adding-a-module.md, "Lists"): the handler sends the same
/// number of statements whatever the page size and however many rows there are, and the rest of the request
/// (authentication, permission and tenant lookups) costs the same each time too.
/// </summary>
public static class ListQueryCount
{
    public static readonly int[] PageSizes = [5, 25];

    /// <summary>Requests <paramref name="path"/> with a page size and records what the handler of <paramref name="message"/> sent.</summary>
    /// <remarks>
    /// Statements <paramref name="lookup"/> picks (a permission or tenant lookup a handler makes through a shared
    /// service, whose caching is not the list's concern) count with the rest of the request, not with the handler.
    /// </remarks>
    public static async Task<ListCost> MeasureAsync(
        this SqlStatementCounter sql, HttpClient client, string path, string message, int pageSize, string? query = null, Func<SqlStatement, bool>? lookup = null)
    {
        lookup ??= _ => false;
        using var recording = sql.Record();
        var response = await client.GetAsync($"{path}?maxResultCount={pageSize}{(query is null ? string.Empty : "&" + query)}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        var statements = recording.For(path);
        return new ListCost(
            pageSize,
            body.GetProperty("items").GetArrayLength(),
            body.GetProperty("totalCount").GetInt64(),
            [.. statements.Where(s => s.Message == message && !lookup(s))],
            [.. statements.Where(s => s.Message is null || lookup(s))],
            text);
    }

    /// <summary>
    /// Measures the list with page sizes 5 and 25 as the data stands (<paramref name="fewRows"/> rows), then after
    /// <paramref name="grow"/> (<paramref name="manyRows"/> rows), and asserts the handler sent exactly
    /// <paramref name="expected"/> statements each time, none of them naming a <paramref name="secretColumns"/>,
    /// that no response holds one of <paramref name="secretValues"/>, and that the rest of the request cost the same each time.
    /// </summary>
    public static async Task<IReadOnlyList<ListCost>> ShouldCostFixedAsync(
        this SqlStatementCounter sql,
        HttpClient client,
        string path,
        string message,
        int expected,
        long fewRows,
        Func<Task> grow,
        long manyRows,
        string? query = null,
        IEnumerable<string>? secretColumns = null,
        Func<IEnumerable<string>>? secretValues = null,
        Func<SqlStatement, bool>? lookup = null)
    {
        (await client.GetAsync($"{path}?maxResultCount=1{(query is null ? string.Empty : "&" + query)}")).StatusCode.ShouldBe(HttpStatusCode.OK); // warm-up: sign-in, caches, compiled queries
        var costs = new List<ListCost>();
        var repeats = new List<ListCost>();
        async Task MeasureEachSizeAsync()
        {
            foreach (var size in PageSizes)
            {
                // Twice: a permission or tenant cache entry that expires refills on one request; the lesser figure is
                // what the rest of the request costs with warm caches. The handler's count must hold both times.
                var first = await sql.MeasureAsync(client, path, message, size, query, lookup);
                var second = await sql.MeasureAsync(client, path, message, size, query, lookup);
                costs.Add(first.Around.Count <= second.Around.Count ? first : second);
                repeats.Add(first.Around.Count <= second.Around.Count ? second : first);
            }
        }

        await MeasureEachSizeAsync();
        await grow();
        await MeasureEachSizeAsync();

        var secrets = secretValues?.Invoke().ToList() ?? [];
        var summary = string.Join("; ", costs);
        foreach (var repeat in repeats)
        {
            repeat.Handler.Count.ShouldBe(expected, $"{message}, {repeat}:\n{string.Join("\n---\n", repeat.Handler)}");
        }

        foreach (var cost in costs)
        {
            cost.Total.ShouldBe(costs.IndexOf(cost) < PageSizes.Length ? fewRows : manyRows, summary);
            cost.Items.ShouldBe((int)Math.Min(cost.PageSize, cost.Total), summary);
            cost.Handler.Count.ShouldBe(expected, $"{message}, {cost}:\n{string.Join("\n---\n", cost.Handler)}");
            foreach (var column in secretColumns ?? [])
            {
                cost.Handler.ShouldAllBe(s => !s.Sql.Contains(column, StringComparison.OrdinalIgnoreCase), $"{message} reads {column}");
            }

            foreach (var secret in secrets)
            {
                cost.Body.ShouldNotContain(secret);
            }
        }

        costs.Select(c => c.Around.Count).Distinct().Count().ShouldBe(1, $"the rest of the request (warm caches): {summary}; repeats: {string.Join("; ", repeats)}");
        if (Environment.GetEnvironmentVariable("EP_LIST_COST_LOG") is { Length: > 0 } log)
        {
            await File.AppendAllTextAsync(log, $"{path} {message}: {summary}\n");
        }

        return costs;
    }
}

/// <summary>Grows a table for a list test: copies rows in SQL, as many as a list needs, without going through the API.</summary>
public static class TestRows
{
    /// <summary>
    /// Inserts <paramref name="copies"/> copies of the rows of <paramref name="table"/> that match <paramref name="where"/>,
    /// each copy changed by <paramref name="set"/> (an <c>UPDATE … SET</c> list that may use <c>copy_n</c>, 1 to
    /// <paramref name="copies"/>; it must at least give each copy a new key, e.g. <c>id = gen_random_uuid()</c>).
    /// </summary>
    public static async Task CopyAsync(string connectionString, string table, string where, int copies, string set)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"""
            CREATE TEMP TABLE copy_rows AS SELECT g AS copy_n, t.* FROM {table} t CROSS JOIN generate_series(1, {copies}) g WHERE {where};
            UPDATE copy_rows SET {set};
            ALTER TABLE copy_rows DROP COLUMN copy_n;
            INSERT INTO {table} SELECT * FROM copy_rows;
            DROP TABLE copy_rows;
            """,
            connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one SQL command against the test database and returns the first column of its rows.</summary>
    public static async Task<List<string>> ReadAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return values;
    }
}
