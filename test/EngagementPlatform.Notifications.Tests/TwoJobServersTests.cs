using EngagementPlatform.Notifications;
using EngagementPlatform.Framework.UnitOfWork;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Notifications.Tests;

/// <summary>
/// Two hosts with job servers in one process (as the test run has), each with its own database: each host's
/// outbox row is delivered by its own job server. The second host starts while the first is starting, between
/// the moment the first configured Hangfire (which sets the process-wide <c>JobActivator.Current</c>) and the
/// moment its job server picks its activator: the window in which, before ADR 0008, the first host's server
/// took the second host's activator and ran every job with the second host's services and database.
/// </summary>
public sealed class TwoJobServersTests
{
    [Fact]
    public async Task Each_host_delivers_its_own_outbox_rows_when_another_host_starts_beside_it()
    {
        var alphaDb = await TestDatabase.CreateAsync();
        var betaDb = await TestDatabase.CreateAsync();
        var settings = MailFixture.MailSettings(MailSink.Port);
        try
        {
            await using var beta = new ApiFactory(betaDb, settings);
            await using var alpha = new ApiFactory(alphaDb, settings, services =>
                services.AddSingleton<IBackgroundProcess>(_ => new StartsAnotherHost(beta)));
            _ = alpha.Server; // starts beta inside alpha's start, as parallel test classes may

            var p = Guid.NewGuid().ToString("N")[..8];
            var toAlpha = $"{p}-alpha@two-hosts.test";
            var toBeta = $"{p}-beta@two-hosts.test";
            await QueueAsync(alpha, toAlpha);
            await QueueAsync(beta, toBeta);

            try
            {
                await JobServerFixture.WaitUntilAsync(() => Task.FromResult(MailSink.To(toAlpha).Count == 1 && MailSink.To(toBeta).Count == 1), "both rows");
            }
            catch (TimeoutException)
            {
                // Said by the assertions below.
            }

            MailSink.To(toBeta).Count.ShouldBe(1, "beta's row, delivered by beta's job server");
            MailSink.To(toAlpha).Count.ShouldBe(1, "alpha's row, delivered by alpha's job server");
        }
        finally
        {
            await TestDatabase.DropAsync(alphaDb);
            await TestDatabase.DropAsync(betaDb);
        }
    }

    /// <summary>An email queued as application code queues one: in a unit of work, the sender woken after commit.</summary>
    private static async Task QueueAsync(ApiFactory host, string email)
    {
        using var scope = host.Services.CreateScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await using var work = await unitOfWork.BeginAsync();
        (await scope.ServiceProvider.GetRequiredService<IEmailOutbox>().EnqueueAsync(
            "voting-opened", new EmailRecipient(email, "Two hosts", "en", null), new { title = "Two hosts" }, EmailCategory.Essential, "A test.")).ShouldBeTrue();
        await work.CompleteAsync();
    }

    /// <summary>Resolved by the first host's job server just before it resolves its job activator.</summary>
    private sealed class StartsAnotherHost : IBackgroundProcess
    {
        public StartsAnotherHost(ApiFactory other) => _ = other.Server;

        public void Execute(BackgroundProcessContext context) => context.Wait(TimeSpan.FromMinutes(1));
    }
}
