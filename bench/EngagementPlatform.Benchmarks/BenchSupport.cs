using MimeKit;
using Npgsql;
using NpgsqlTypes;

namespace EngagementPlatform.Benchmarks;

/// <summary>A throwaway database on the benchmark's own PostgreSQL.</summary>
internal static class BenchDatabase
{
    public static Task CreateAsync(string server, string name) => ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");

    public static Task DropAsync(string server, string name) => ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    /// <summary>The ids of <paramref name="count"/> tenants of the database (by name), all of them real rows.</summary>
    public static async Task<List<Guid>> TenantsAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM saas.tenants WHERE NOT is_deleted ORDER BY name LIMIT $1", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        var ids = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        return ids.Count == count
            ? ids
            : throw new InvalidOperationException($"The database holds {ids.Count} tenants, not the {count} the fan-out needs.");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Pending outbox rows written straight into the table with COPY, the state the module leaves after queuing mail,
/// spread evenly over the given tenants (message n belongs to tenant n mod T, so the tenants' mail is interleaved as
/// it is when many tenants queue at once). The content is the size of a real feedback email (about 1 KB of text,
/// 2 KB of HTML), shared with the raw baseline.
/// </summary>
internal sealed class OutboxRows(string connectionString, IReadOnlyList<Guid> tenants)
{
    private static readonly string Paragraph =
        "Thank you for taking part. The council recorded its decision and this message tells you what was decided, " +
        "why, and how your input was used. You can read the full record on the platform at any time. ";

    public static string Address(string tag, int n) => $"{tag}-{n}@example.org";

    public static string Name(int n) => $"Member {n}";

    public static string Subject(int n) => $"Decision recorded: what happened to your input ({n})";

    public static string Text(int n) => $"Hello Member {n},\n\n" + string.Concat(Enumerable.Repeat(Paragraph + "\n\n", 5));

    public static string Html(int n) => $"<p>Hello Member {n},</p>" + string.Concat(Enumerable.Repeat($"<p style=\"margin:0 0 1em\">{Paragraph}</p>", 8));

    public async Task<List<Guid>> InsertAsync(int count, string tag)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        var now = DateTime.UtcNow;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY notifications.outbox_messages (id, tenant_id, template, category, culture, to_email, to_name, subject, text_body, html_body, status, attempts, next_attempt_at, created_at) FROM STDIN (FORMAT BINARY)");
        for (var n = 0; n < count; n++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(ids[n], NpgsqlDbType.Uuid);
            await writer.WriteAsync(tenants[n % tenants.Count], NpgsqlDbType.Uuid);
            await writer.WriteAsync(tag == "bench" ? "bench" : "bench-" + tag, NpgsqlDbType.Varchar);
            await writer.WriteAsync("Essential", NpgsqlDbType.Varchar);
            await writer.WriteAsync("en", NpgsqlDbType.Varchar);
            await writer.WriteAsync(Address(tag, n), NpgsqlDbType.Varchar);
            await writer.WriteAsync(Name(n), NpgsqlDbType.Varchar);
            await writer.WriteAsync(Subject(n), NpgsqlDbType.Varchar);
            await writer.WriteAsync(Text(n), NpgsqlDbType.Text);
            await writer.WriteAsync(Html(n), NpgsqlDbType.Text);
            await writer.WriteAsync("Pending", NpgsqlDbType.Varchar);
            await writer.WriteAsync(0, NpgsqlDbType.Integer);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
        return ids;
    }

    /// <summary>How many rows written under <paramref name="tag"/> are marked sent, and of how many tenants.</summary>
    public async Task<(long Rows, long Tenants)> SentAsync(string tag)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT tenant_id) FROM notifications.outbox_messages WHERE template = $1 AND status = 'Sent'", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tag });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}

/// <summary>The sink's maildir: aiosmtpd moves each accepted message, whole, into <c>new</c>.</summary>
internal sealed class Maildir(string directory)
{
    private readonly HashSet<string> _seen = [];
    private readonly HashSet<string> _messageIds = new(StringComparer.Ordinal);

    private string New => Path.Combine(directory, "new");

    public int Count() => Directory.Exists(New) ? Directory.EnumerateFiles(New).Count() : 0;

    /// <summary>Empties the folder (the benchmark owns this sink), so later look-ups only read what comes next.</summary>
    public void Clear()
    {
        foreach (var file in Directory.EnumerateFiles(New))
        {
            File.Delete(file);
        }

        _seen.Clear();
        _messageIds.Clear();
    }

    public bool Contains(string messageId)
    {
        if (_messageIds.Contains(messageId))
        {
            return true;
        }

        foreach (var file in Directory.EnumerateFiles(New))
        {
            if (!_seen.Add(file))
            {
                continue;
            }

            using var stream = File.OpenRead(file);
            var id = HeaderList.Load(stream)[HeaderId.MessageId];
            if (id is not null)
            {
                _messageIds.Add(id.Trim().TrimStart('<').TrimEnd('>'));
            }
        }

        return _messageIds.Contains(messageId);
    }
}
