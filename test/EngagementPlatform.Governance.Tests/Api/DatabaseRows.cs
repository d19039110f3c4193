using Npgsql;

namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// Reads rows straight from PostgreSQL, as someone with SQL read access would, for the tests that check what the
/// database holds after votes (ballots, participations, keys): one query with the decision's id as <c>@id</c>, every
/// column as text (null stays null).
/// </summary>
internal static class DatabaseRows
{
    public static async Task<List<string[]>> RowsAsync(NpgsqlConnection sql, string text, Guid id)
    {
        await using var command = new NpgsqlCommand(text, sql);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null! : reader.GetString(i)).ToArray());
        }

        return rows;
    }

    /// <summary>The single value of a query that answers one row.</summary>
    public static async Task<string?> ScalarAsync(NpgsqlConnection sql, string text, Guid id)
        => (await RowsAsync(sql, text, id)).Single()[0];
}
