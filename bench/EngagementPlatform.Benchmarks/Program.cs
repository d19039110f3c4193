using System.Diagnostics;
using EngagementPlatform.Benchmarks;
using EngagementPlatform.EntityFrameworkCore;
using EngagementPlatform.Notifications;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.HttpApi.Host;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Sending;
using Hangfire;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

// Cross-tenant fan-out: the outbox dispatcher draining N queued emails of T tenants against a raw MailKit loop to the
// same SMTP sink, and the latency of one feedback email through Hangfire. Prints figures only.
// Usage (etc/scripts/bench.sh sets the variables): EngagementPlatform.Benchmarks [N [T]]   (defaults 10,000 and 100)
//   EP_BENCH_DB        a migrated database to use (bench.sh's, with its tenants); the rows get the ids of T of its
//                      tenants (from saas.tenants). Without it, EP_BENCH_PG: server connection string, where a fresh
//                      database is created, migrated and dropped, and the rows get T made-up tenant ids.
//   EP_BENCH_SMTP_HOST, EP_BENCH_SMTP_PORT, EP_BENCH_SMTP_DIR (the sink's maildir)
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var tenantCount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
if (count <= 0 || tenantCount <= 0 || count % tenantCount != 0)
{
    throw new ArgumentException($"The message count ({count}) must be a positive multiple of the tenant count ({tenantCount}).");
}
const int WarmUp = 200;
const int LatencySamples = 5;

var existing = Environment.GetEnvironmentVariable("EP_BENCH_DB") is { Length: > 0 } db ? db : null;
var server = existing ?? Required("EP_BENCH_PG");
var smtpHost = Required("EP_BENCH_SMTP_HOST");
var smtpPort = int.Parse(Required("EP_BENCH_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);
var sink = new Maildir(Required("EP_BENCH_SMTP_DIR"));

var database = existing is null ? "ep_bench_" + Guid.NewGuid().ToString("N")[..12] : null;
if (database is not null)
{
    await BenchDatabase.CreateAsync(server, database);
}

var connectionString = database is null ? server : new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

// Development: a throwaway local database, where the default admin password and test keys are allowed.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Development" });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Default"] = connectionString,
    ["Smtp:Host"] = smtpHost,
    ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Smtp:Security"] = nameof(SmtpSecurity.None),
    ["OpenIddict:UseEphemeralKeys"] = "true",
    ["Hangfire:QueuePollIntervalSeconds"] = "1",
});
builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
    .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None); // the history table's absence on a fresh database
EngagementPlatformHost.ConfigureServices(builder.Services, builder.Configuration, web: false);
await using var app = builder.Build();
var services = app.Services;

try
{
    if (database is not null)
    {
        await DatabaseInitializer.MigrateAsync(services, services.GetRequiredService<ILoggerFactory>().CreateLogger("Bench"));
    }

    var tenants = existing is null
        ? Enumerable.Range(0, tenantCount).Select(_ => Guid.NewGuid()).ToList()
        : await BenchDatabase.TenantsAsync(connectionString, tenantCount);
    var outbox = new OutboxRows(connectionString, tenants);
    var messages = services.GetRequiredService<MessageBuilder>();
    var fromDomain = messages.MessageIdDomain;
    Console.WriteLine($"Outbox fan-out: {count:N0} messages of {tenantCount} tenants ({(existing is null ? "made-up ids, own database" : "tenants of the benchmark's database")}) to the SMTP sink at {smtpHost}:{smtpPort}, {Environment.ProcessorCount} cores");

    // Warm both paths (JIT, connection pools) so neither pays start-up inside its timing. The warm-up drains whatever
    // else was pending (mail the seeding queued in the benchmark's database), so the timed drain sends only these.
    await outbox.InsertAsync(WarmUp, "warmup");
    var drained = await DispatchAsync(services);
    if (drained > WarmUp)
    {
        Console.WriteLine($"  the warm-up also sent {drained - WarmUp:N0} message(s) the seeding had queued");
    }

    await RawSendAsync(Prebuild(messages, WarmUp, "warmup-raw"), smtpHost, smtpPort);

    // The outbox: rows written beforehand (not timed), then one dispatcher drains them all.
    await outbox.InsertAsync(count, "bench");
    Console.WriteLine($"  draining {count:N0} messages"); // etc/scripts/profile.sh starts its collectors on this line
    var clock = Stopwatch.StartNew();
    var sent = await DispatchAsync(services);
    var outboxSeconds = clock.Elapsed.TotalSeconds;
    if (sent != count)
    {
        throw new InvalidOperationException($"The dispatcher sent {sent} of {count} messages.");
    }

    var (sentRows, sentTenants) = await outbox.SentAsync("bench");
    if (sentRows != count || sentTenants != tenantCount)
    {
        throw new InvalidOperationException($"{sentRows} of the {count} messages are marked sent, of {sentTenants} tenants (expected {tenantCount}).");
    }

    // The baseline: the same messages, built beforehand, sent over one connection with nothing else around it.
    var prebuilt = Prebuild(messages, count, "raw");
    clock.Restart();
    await RawSendAsync(prebuilt, smtpHost, smtpPort);
    var rawSeconds = clock.Elapsed.TotalSeconds;

    var outboxRate = count / outboxSeconds;
    var rawRate = count / rawSeconds;
    Console.WriteLine($"  outbox (OutboxDispatcher.DispatchAsync): {outboxRate,8:N0} messages/s  ({outboxSeconds:N2} s)");
    Console.WriteLine($"  raw MailKit loop, one connection:        {rawRate,8:N0} messages/s  ({rawSeconds:N2} s)");
    Console.WriteLine($"  ratio outbox/raw: {outboxRate / rawRate:N2}  (goal: >= 0.5)");
    Console.WriteLine($"  sink received {sink.Count():N0} messages in all (expected {2 * (WarmUp + count) + Math.Max(0, drained - WarmUp):N0}); all {count:N0} marked sent, {tenantCount} tenants");
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"EP_RESULT outbox_rate={outboxRate:F1} raw_rate={rawRate:F1} messages={count} tenants={tenantCount}")); // for bench.sh

    // Feedback-email latency: a Hangfire server like the host's (queue polled every second); one row written and the
    // sender woken, as the outbox does after a commit, until the message is in the sink.
    sink.Clear();
    var storage = services.GetRequiredService<JobStorage>();
    using var hangfire = new BackgroundJobServer(
        new BackgroundJobServerOptions { SchedulePollingInterval = TimeSpan.FromSeconds(1), Activator = services.GetRequiredService<JobActivator>() },
        storage);
    await WaitForAsync(() => storage.GetMonitoringApi().Servers().Count > 0, TimeSpan.FromSeconds(60), "the Hangfire server to start");
    var samples = new List<double>();
    for (var i = 0; i < LatencySamples; i++)
    {
        clock.Restart();
        var id = (await outbox.InsertAsync(1, $"latency{i}"))[0];
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue<OutboxDispatchJob>(job => job.RunAsync());
        }

        var messageId = $"{id:N}@{fromDomain}";
        await WaitForAsync(() => sink.Contains(messageId), TimeSpan.FromSeconds(60), $"latency sample {i + 1} to arrive");
        samples.Add(clock.Elapsed.TotalMilliseconds);
    }

    // Let the last woken jobs finish before the server stops, so Hangfire has nothing to re-queue.
    await WaitForAsync(() => storage.GetMonitoringApi().ProcessingCount() == 0, TimeSpan.FromSeconds(60), "the woken jobs to finish");
    samples.Sort();
    Console.WriteLine($"Feedback-email latency (insert + wake job -> in the sink, Hangfire queue poll 1 s), {LatencySamples} samples:");
    Console.WriteLine($"  median {samples[LatencySamples / 2]:N0} ms  (samples: {string.Join(", ", samples.Select(s => s.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} ms)");
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"EP_RESULT feedback_latency_ms={samples[LatencySamples / 2]:F0}")); // for bench.sh
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (database is not null)
    {
        await BenchDatabase.DropAsync(server, database);
    }
}

return;

static async Task<int> DispatchAsync(IServiceProvider services)
{
    await using var scope = services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync();
}

static List<MimeKit.MimeMessage> Prebuild(MessageBuilder builder, int n, string tag)
{
    var now = DateTimeOffset.UtcNow;
    return Enumerable.Range(0, n)
        .Select(i => builder.Build(new OutboxMessage(Guid.CreateVersion7(), "bench", EmailCategory.Essential, "en",
            new EmailRecipient(OutboxRows.Address(tag, i), OutboxRows.Name(i), "en", null), OutboxRows.Subject(i), OutboxRows.Text(i), OutboxRows.Html(i), now)))
        .ToList();
}

static async Task RawSendAsync(List<MimeKit.MimeMessage> messages, string host, int port)
{
    using var client = new SmtpClient();
    await client.ConnectAsync(host, port, SecureSocketOptions.None);
    foreach (var message in messages)
    {
        await client.SendAsync(message);
    }

    await client.DisconnectAsync(quit: true);
}

static async Task WaitForAsync(Func<bool> done, TimeSpan timeout, string what)
{
    var clock = Stopwatch.StartNew();
    while (!done())
    {
        if (clock.Elapsed > timeout)
        {
            throw new TimeoutException($"Timed out waiting for {what}.");
        }

        await Task.Delay(2);
    }
}

static string Required(string name)
    => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set. Run this through etc/scripts/bench.sh.");
