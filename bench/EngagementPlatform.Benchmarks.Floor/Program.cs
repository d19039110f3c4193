using System.Text.Json;
using Npgsql;

// The floor of the read benchmark (etc/scripts/bench.sh): GET /api/governance/decisions?maxResultCount=20 answered by
// Kestrel + raw Npgsql with ONE indexed statement (page, counts and total together), in the JSON shape the product
// answers ({ totalCount, items: [DecisionSummaryDto] }). No authentication, tenancy middleware, permissions or EF Core: the
// tenant is the __tenant header holding the tenant id. It reads bench_floor.decisions, a copy of the seeded
// governance.decisions that bench.sh makes in the benchmark's database with the one index this query wants,
//   (tenant_id, creation_time DESC, id)
// (the product's table has the same index since the migration DecisionListIndexes). Voters, ballots and inputs are
// counted from the product's own tables through their primary-key and foreign-key indexes.
// The same for the payable-items queue (issue 12): GET /api/compensation/payable-items?status=S&maxResultCount=N, the
// queue's first page in its default order (newest first, then id) joined to the payees, with the total, in ONE
// statement over the product's own compensation tables and their index (tenant_id, status, creation_time DESC, id),
// in the product's JSON shape ({ totalCount, items: [PayableItemSummaryDto] }, amounts with the currency's 2 decimals).
// The same for the agreement register (issue 13): GET /api/data-sharing/agreements?maxResultCount=N, the register's
// first page in its default order (title, then id) with the total, in ONE statement over the product's own
// data_sharing.agreements and its index (tenant_id, title, id), in the product's JSON shape ({ totalCount, items:
// [AgreementSummaryDto] }, daysUntilEnd from today in UTC, the bench tenant's zone).
// Usage: EngagementPlatform.Benchmarks.Floor  (EP_FLOOR_DB = connection string, ASPNETCORE_URLS = address)
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = Environment.GetEnvironmentVariable("EP_FLOOR_DB")
    ?? throw new InvalidOperationException("EP_FLOOR_DB is not set. Run this through etc/scripts/bench.sh.");
await using var dataSource = NpgsqlDataSource.Create(connectionString);
var app = builder.Build();

const string Sql = """
    SELECT d.id, d.council_id, d.title, d.method, d.secret_ballot, d.allow_public_input, d.state, d.voting_closes_at,
           d.voting_closed_at, d.close_the_loop_due_at, d.recorded_at,
           (SELECT count(*) FROM governance.eligible_voters v WHERE v.decision_id = d.id)::int,
           (SELECT count(*) FROM governance.ballot_participations p WHERE p.decision_id = d.id)::int,
           (SELECT count(*) FROM governance.decision_inputs i WHERE i.decision_id = d.id)::int,
           d.creation_time,
           (SELECT count(*) FROM bench_floor.decisions c WHERE c.tenant_id = $1)
    FROM bench_floor.decisions d
    WHERE d.tenant_id = $1
    ORDER BY d.creation_time DESC, d.id
    LIMIT $2
    """;

app.MapGet("/api/governance/decisions", async (HttpContext http, int? maxResultCount) =>
{
    if (!Guid.TryParse(http.Request.Headers["__tenant"], out var tenant))
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    await using var command = dataSource.CreateCommand(Sql);
    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenant });
    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Clamp(maxResultCount ?? 10, 1, 1000) });
    var now = DateTimeOffset.UtcNow;
    var started = false;
    http.Response.ContentType = "application/json; charset=utf-8";
    await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
    json.WriteStartObject();
    await using (var reader = await command.ExecuteReaderAsync(http.RequestAborted))
    {
        while (await reader.ReadAsync(http.RequestAborted))
        {
            if (!started)
            {
                // every row carries the total: write it first, as the product does
                json.WriteNumber("totalCount", reader.GetInt64(15));
                json.WriteStartArray("items");
                started = true;
            }

            var state = reader.GetString(6);
            DateTimeOffset? closesAt = Time(reader, 7), closedAt = Time(reader, 8), dueAt = Time(reader, 9), recordedAt = Time(reader, 10);
            json.WriteStartObject();
            json.WriteString("id", reader.GetGuid(0));
            json.WriteString("councilId", reader.GetGuid(1));
            json.WriteString("title", reader.GetString(2));
            json.WriteString("method", reader.GetString(3));
            json.WriteBoolean("secretBallot", reader.GetBoolean(4));
            json.WriteBoolean("allowPublicInput", reader.GetBoolean(5));
            json.WriteString("state", state);
            json.WriteBoolean("isVotingOpen", state == "Voting" && closedAt is null && (closesAt is null || now < closesAt));
            Stamp(json, "votingClosesAt", closesAt);
            Stamp(json, "closeTheLoopDueAt", dueAt);
            json.WriteBoolean("isOverdue", recordedAt is null && dueAt is { } due && now > due && state == "Voting");
            Stamp(json, "recordedAt", recordedAt);
            json.WriteNumber("eligibleVoters", reader.GetInt32(11));
            json.WriteNumber("votesCast", reader.GetInt32(12));
            json.WriteNumber("inputCount", reader.GetInt32(13));
            Stamp(json, "creationTime", Time(reader, 14));
            json.WriteEndObject();
        }
    }

    if (!started)
    {
        // An empty page (past the end, or a tenant with no decisions): the total still comes from the index.
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM bench_floor.decisions WHERE tenant_id = $1");
        count.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenant });
        json.WriteNumber("totalCount", (long)(await count.ExecuteScalarAsync(http.RequestAborted))!);
        json.WriteStartArray("items");
    }

    json.WriteEndArray();
    json.WriteEndObject();
    await json.FlushAsync(http.RequestAborted);
});

const string QueueSql = """
    SELECT i.id, p.id, p.kind, p.user_id, p.name, i.description, i.quantity, i.unit_amount, i.amount, i.currency, i.status,
           i.source_kind, i.source_id, i.source_label, i.council_id, i.submitted_by, i.paid_on, i.adjusts_item_id, i.creation_time,
           (SELECT count(*) FROM compensation.payable_items c WHERE c.tenant_id = $1 AND c.status = $2)
    FROM compensation.payable_items i
    JOIN compensation.payees p ON p.id = i.payee_id
    WHERE i.tenant_id = $1 AND i.status = $2
    ORDER BY i.creation_time DESC, i.id
    LIMIT $3
    """;

app.MapGet("/api/compensation/payable-items", async (HttpContext http, string? status, int? maxResultCount) =>
{
    if (!Guid.TryParse(http.Request.Headers["__tenant"], out var tenant) || string.IsNullOrEmpty(status))
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    await using var command = dataSource.CreateCommand(QueueSql);
    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenant });
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Clamp(maxResultCount ?? 10, 1, 1000) });
    var started = false;
    http.Response.ContentType = "application/json; charset=utf-8";
    await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
    json.WriteStartObject();
    await using (var reader = await command.ExecuteReaderAsync(http.RequestAborted))
    {
        while (await reader.ReadAsync(http.RequestAborted))
        {
            if (!started)
            {
                json.WriteNumber("totalCount", reader.GetInt64(19));
                json.WriteStartArray("items");
                started = true;
            }

            json.WriteStartObject();
            json.WriteString("id", reader.GetGuid(0));
            json.WriteStartObject("payee");
            json.WriteString("id", reader.GetGuid(1));
            json.WriteString("kind", reader.GetString(2));
            if (reader.IsDBNull(3)) json.WriteNull("userId"); else json.WriteString("userId", reader.GetGuid(3));
            json.WriteString("name", reader.GetString(4));
            json.WriteEndObject();
            json.WriteString("description", reader.GetString(5));
            json.WriteNumber("quantity", reader.GetDecimal(6) / 1.000000000000000000000000000000000m); // trailing zeros trimmed, as the product shows it
            json.WriteNumber("unitAmount", decimal.Round(reader.GetDecimal(7), 2));
            json.WriteNumber("amount", decimal.Round(reader.GetDecimal(8), 2));
            json.WriteString("currency", reader.GetString(9));
            json.WriteString("status", reader.GetString(10));
            json.WriteStartObject("source");
            json.WriteString("kind", reader.GetString(11));
            if (reader.IsDBNull(12)) json.WriteNull("id"); else json.WriteString("id", reader.GetGuid(12));
            json.WriteString("label", reader.GetString(13));
            json.WriteEndObject();
            if (reader.IsDBNull(14)) json.WriteNull("councilId"); else json.WriteString("councilId", reader.GetGuid(14));
            json.WriteString("submittedBy", reader.GetGuid(15));
            if (reader.IsDBNull(16)) json.WriteNull("paidOn"); else json.WriteString("paidOn", reader.GetFieldValue<DateOnly>(16).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (reader.IsDBNull(17)) json.WriteNull("adjustsItemId"); else json.WriteString("adjustsItemId", reader.GetGuid(17));
            Stamp(json, "creationTime", Time(reader, 18));
            json.WriteEndObject();
        }
    }

    if (!started)
    {
        json.WriteNumber("totalCount", 0);
        json.WriteStartArray("items");
    }

    json.WriteEndArray();
    json.WriteEndObject();
    await json.FlushAsync(http.RequestAborted);
});

const string RegisterSql = """
    SELECT a.id, a.title, a.state, a.amendment_state, a.sensitivity, a.party_names, a.effective_from, a.effective_to,
           a.destruction_date, a.current_version_number,
           (SELECT count(*) FROM data_sharing.agreements c WHERE c.tenant_id = $1 AND NOT c.is_deleted)
    FROM data_sharing.agreements a
    WHERE a.tenant_id = $1 AND NOT a.is_deleted
    ORDER BY a.title, a.id
    LIMIT $2
    """;

app.MapGet("/api/data-sharing/agreements", async (HttpContext http, int? maxResultCount) =>
{
    if (!Guid.TryParse(http.Request.Headers["__tenant"], out var tenant))
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    await using var command = dataSource.CreateCommand(RegisterSql);
    command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = tenant });
    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Clamp(maxResultCount ?? 20, 1, 1000) });
    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    var started = false;
    http.Response.ContentType = "application/json; charset=utf-8";
    await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
    json.WriteStartObject();
    await using (var reader = await command.ExecuteReaderAsync(http.RequestAborted))
    {
        while (await reader.ReadAsync(http.RequestAborted))
        {
            if (!started)
            {
                json.WriteNumber("totalCount", reader.GetInt64(10));
                json.WriteStartArray("items");
                started = true;
            }

            var state = reader.GetString(2);
            DateOnly? to = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7);
            json.WriteStartObject();
            json.WriteString("id", reader.GetGuid(0));
            json.WriteString("title", reader.GetString(1));
            json.WriteString("state", state);
            if (reader.IsDBNull(3)) json.WriteNull("amendmentState"); else json.WriteString("amendmentState", reader.GetString(3));
            json.WriteString("sensitivity", reader.GetString(4));
            json.WriteString("partyNames", reader.GetString(5));
            Day(json, "effectiveFrom", reader.GetFieldValue<DateOnly>(6));
            Day(json, "effectiveTo", to);
            Day(json, "destructionDate", reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8));
            json.WriteNumber("currentVersionNumber", reader.GetInt32(9));
            if (to is { } end && state is not ("Expired" or "Terminated" or "Superseded")) json.WriteNumber("daysUntilEnd", end.DayNumber - today.DayNumber);
            else json.WriteNull("daysUntilEnd");
            json.WriteEndObject();
        }
    }

    if (!started)
    {
        json.WriteNumber("totalCount", 0);
        json.WriteStartArray("items");
    }

    json.WriteEndArray();
    json.WriteEndObject();
    await json.FlushAsync(http.RequestAborted);
});

app.Run();

static DateTimeOffset? Time(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(i), TimeSpan.Zero);

static void Stamp(Utf8JsonWriter json, string name, DateTimeOffset? value)
{
    if (value is { } v) json.WriteString(name, v); else json.WriteNull(name);
}

static void Day(Utf8JsonWriter json, string name, DateOnly? value)
{
    if (value is { } v) json.WriteString(name, v.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)); else json.WriteNull(name);
}
