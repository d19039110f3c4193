using System.Diagnostics;
using EngagementPlatform.Notifications.Sending;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using NpgsqlTypes;
using Xunit.Abstractions;

namespace EngagementPlatform.Notifications.CrashTests;

/// <summary>
/// The outbox's promise under the harshest failure: the sending process is killed with SIGKILL (<c>kill -9</c>) in the
/// middle of 1,000 queued messages and started again. Every message must arrive; a message sent twice (accepted by the
/// server but not yet marked sent when the process died) must carry the same Message-ID both times.
/// </summary>
public sealed class OutboxCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Total = 1000;

    // Kill once this many have arrived: past the first batch, so the kill lands while a later batch is being sent.
    private const int KillAfterAtLeast = 150;

    // Matches MailOptions.From's default address, which the host uses here.
    private const string MessageIdDomain = "engagementplatform.local";

    private static readonly TimeSpan FirstPhaseTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SecondPhaseTimeout = TimeSpan.FromMinutes(4);

    // Rows claimed by the killed process are due again once their lease (5 s here) runs out; waking the sender this
    // often stands in for the host's minutely recurring job, so the test need not wait for the next minute.
    private static readonly TimeSpan WakeEvery = TimeSpan.FromSeconds(5);

    private readonly string _runId = Guid.NewGuid().ToString("N")[..10];
    private readonly List<HostProcess> _hosts = [];
    private string _connectionString = string.Empty;
    private BackgroundJobClient? _jobs;

    public async Task InitializeAsync() => _connectionString = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        await TestDatabase.DropAsync(_connectionString);
    }

    [Fact]
    public async Task Killing_the_sender_mid_batch_loses_nothing_and_resends_with_the_same_message_id()
    {
        var marker = $"crash-{_runId}-";
        var sink = SinkMailbox.FromEnvironment(marker);
        sink.Refresh(); // skip what earlier tests left in the shared sink
        var expectedIds = (await InsertPendingAsync(marker)).Select(id => $"{id:N}@{MessageIdDomain}").ToHashSet(StringComparer.Ordinal);

        // First life: wake the sender and kill it once some, but not all, messages have arrived.
        var first = StartHost();
        Wake();
        await PollAsync(first, FirstPhaseTimeout, () => sink.Refresh().Count >= KillAfterAtLeast, "the first messages to arrive");
        await first.KillAsync();
        var deliveredBeforeKill = sink.Refresh().Distinct(StringComparer.Ordinal).Count();
        output.WriteLine($"Killed pid {first.Id} (SIGKILL) with {deliveredBeforeKill} of {Total} delivered");
        deliveredBeforeKill.ShouldBeLessThan(Total, "the process must die in the middle of sending, or the test proves nothing");

        // Second life: the same host, started again, finishes the job.
        var second = StartHost();
        Wake();
        var lastWake = Stopwatch.StartNew();
        await PollAsync(second, SecondPhaseTimeout, () =>
        {
            if (lastWake.Elapsed >= WakeEvery)
            {
                Wake();
                lastWake.Restart();
            }

            return sink.Refresh().Distinct(StringComparer.Ordinal).Count() >= expectedIds.Count;
        }, "every message to arrive after the restart");
        await PollAsync(second, TimeSpan.FromSeconds(60), () => CountSent() == Total, "every row to be marked Sent");

        var received = sink.Refresh();
        var distinct = received.ToHashSet(StringComparer.Ordinal);
        var duplicates = received.Count - distinct.Count;
        var line = $"Crash test: {Total} queued, killed after {deliveredBeforeKill} delivered, {distinct.Intersect(expectedIds).Count()} delivered, {duplicates} duplicates (same Message-ID)";
        output.WriteLine(line);
        TestArtifacts.Report("outbox-crash", line);

        distinct.Except(expectedIds).ShouldBeEmpty("every message that arrived, duplicates included, must carry the Message-ID of a queued row");
        expectedIds.Except(distinct).ShouldBeEmpty("every queued message must arrive");
        CountSent().ShouldBe(Total);
    }

    private HostProcess StartHost()
    {
        var smtpHost = Environment.GetEnvironmentVariable("EP_TEST_SMTP_HOST")
                       ?? throw new InvalidOperationException("EP_TEST_SMTP_HOST is not set. Run the tests with etc/scripts/test.sh, which starts an SMTP sink and sets it.");
        var smtpPort = Environment.GetEnvironmentVariable("EP_TEST_SMTP_PORT")
                       ?? throw new InvalidOperationException("EP_TEST_SMTP_PORT is not set.");
        var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = _connectionString,
            ["Smtp__Host"] = smtpHost,
            ["Smtp__Port"] = smtpPort,
            ["Smtp__Security"] = nameof(SmtpSecurity.None),
            ["Hangfire__Server__Enabled"] = "true",
            ["Hangfire__QueuePollIntervalSeconds"] = "1",
            ["App__RequireHttps"] = "false",
            ["App__SpaPath"] = string.Empty,
            ["OpenIddict__UseEphemeralKeys"] = "true",
            ["Notifications__Outbox__LeaseSeconds"] = "5",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{HostProcess.FreePort()}",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        });
        _hosts.Add(host);
        output.WriteLine($"Started the host, pid {host.Id}");
        return host;
    }

    /// <summary>Enqueues the sender job the way the host does after a commit, through Hangfire's queue in the same database.</summary>
    private void Wake()
    {
        if (_jobs is null)
        {
            var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
            _jobs = new BackgroundJobClient(new PostgreSqlStorage(new NpgsqlConnectionFactory(_connectionString, options), options));
        }

        _jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync());
    }

    private async Task<List<Guid>> InsertPendingAsync(string marker)
    {
        var ids = Enumerable.Range(0, Total).Select(_ => Guid.CreateVersion7()).ToList();
        var now = DateTime.UtcNow;
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY notifications.outbox_messages (id, template, category, culture, to_email, to_name, subject, text_body, html_body, status, attempts, next_attempt_at, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < Total; n++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(ids[n], NpgsqlDbType.Uuid);
                await writer.WriteAsync("crash-test", NpgsqlDbType.Varchar);
                await writer.WriteAsync("Essential", NpgsqlDbType.Varchar);
                await writer.WriteAsync("en", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"{marker}{n}@example.org", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"Crash test {n}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"Crash test message {n}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"Message {n} of {Total}, queued before the sender was killed.", NpgsqlDbType.Text);
                await writer.WriteAsync($"<p>Message {n} of {Total}, queued before the sender was killed.</p>", NpgsqlDbType.Text);
                await writer.WriteAsync("Pending", NpgsqlDbType.Varchar);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        return ids;
    }

    private int CountSent()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM notifications.outbox_messages WHERE status = 'Sent'", connection);
        return Convert.ToInt32(command.ExecuteScalar());
    }

    /// <summary>Polls until <paramref name="done"/> holds; fails with the host's last output if it dies or time runs out.</summary>
    private static async Task PollAsync(HostProcess host, TimeSpan timeout, Func<bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (host.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"The host exited while waiting for {what}. Its last output:{Environment.NewLine}{host.Output()}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new Xunit.Sdk.XunitException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}. The host's last output:{Environment.NewLine}{host.Output()}");
            }

            await Task.Delay(50);
        }
    }
}
