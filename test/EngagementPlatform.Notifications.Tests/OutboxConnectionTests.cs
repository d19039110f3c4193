using System.Data.Common;
using System.Runtime.CompilerServices;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Sending;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>Counts the database connections EF Core opens on the flow that started counting (other flows are not counted).</summary>
public sealed class ConnectionOpenCounter : DbConnectionInterceptor
{
    private static readonly AsyncLocal<StrongBox<int>?> Counting = new();

    public StrongBox<int> Start() => Counting.Value = new StrongBox<int>();

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private static void Count()
    {
        if (Counting.Value is { } box)
        {
            Interlocked.Increment(ref box.Value);
        }
    }
}

/// <summary>Batches of two, so a drain of five messages takes three claims.</summary>
public sealed class OutboxConnectionFixture : MailFixture
{
    public ConnectionOpenCounter Opens { get; } = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = MailSettings(MailSink.Port);
            settings["Notifications:Outbox:BatchSize"] = "2";
            return settings;
        }
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IInterceptor>(Opens);
    }
}

/// <summary>
/// A drain of the outbox is one database connection however many messages and batches it sends (the fan-out
/// benchmark's cost per message was its SMTP exchange plus a pool checkout and reset around its one update); every
/// message is still sent once and marked sent on its own.
/// </summary>
public sealed class OutboxConnectionTests(OutboxConnectionFixture app) : IClassFixture<OutboxConnectionFixture>
{
    [Fact]
    public async Task Draining_five_messages_in_three_batches_opens_one_connection_and_marks_each_sent_once()
    {
        var marker = $"conn-{Guid.NewGuid():N}"[..17];
        var addresses = Enumerable.Range(1, 5).Select(i => $"{marker}-{i}@example.org").ToArray();
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<INotificationsDbContext>();
            foreach (var address in addresses)
            {
                db.OutboxMessages.Add(new OutboxMessage(Guid.CreateVersion7(), "connection-test", EmailCategory.Essential, "en",
                    new EmailRecipient(address, "Ana", "en", null), "Connection test", "Text", "<p>Html</p>", app.Clock.Now));
            }

            await ((Microsoft.EntityFrameworkCore.DbContext)db).SaveChangesAsync();
        }

        int sent;
        StrongBox<int> opens;
        using (var scope = app.Factory.Services.CreateScope())
        {
            opens = app.Opens.Start();
            sent = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync();
        }

        sent.ShouldBe(5);
        opens.Value.ShouldBe(1);
        MailSink.To(addresses).Select(m => m.Recipient()).OrderBy(a => a).ShouldBe(addresses.OrderBy(a => a));
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<INotificationsDbContext>();
            var rows = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.OutboxMessages)
                .Where(m => addresses.Contains(m.ToEmail)).ToList();
            rows.Count.ShouldBe(5);
            rows.ShouldAllBe(r => r.Status == OutboxStatus.Sent && r.Attempts == 1 && r.SentAt != null && r.LockedUntil == null);
        }
    }
}
