using EngagementPlatform.Framework.Data;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Notifications.Sending;

/// <summary>
/// Sends what is due in the outbox, for every tenant, until nothing is left. Several senders may run at once: each
/// claims different rows (<c>FOR UPDATE SKIP LOCKED</c>) under a lease, reuses one SMTP connection per batch and
/// marks every row sent as soon as the server accepts it.
/// <para>
/// The lease is this sender's: the <c>locked_until</c> it wrote is its token. Before each message it renews the
/// lease of the rows it still holds when less than half is left, and it marks a row sent or failed only while the
/// row still carries its token, so a slow batch never hands its rows to a second sender that would send them again.
/// A row that cannot be turned into a message (an address the mail library refuses) fails on its own, with the
/// reason, and the batch goes on; a row is never claimed again once it has used its attempts.
/// </para>
/// </summary>
public sealed class OutboxDispatcher(
    INotificationsDbContext db,
    IMailTransport transport,
    MessageBuilder builder,
    IOptions<OutboxOptions> options,
    IClock clock,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly string[] AllTenants = [DataFilters.Tenant];

    /// <summary>Returns how many messages were sent.</summary>
    /// <remarks>
    /// The whole drain runs on one database connection, opened here and closed at the end. Every statement still
    /// commits on its own (there is no transaction: each row is marked sent the moment the server accepts it), but a
    /// message no longer pays for taking a connection from the pool and giving it back, with the reset that comes
    /// with it, between its SMTP exchange and its one update.
    /// </remarks>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await GiveUpExhaustedAsync(cancellationToken);
            var sent = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                var lease = await ClaimAsync(cancellationToken);
                if (lease.Rows.Count == 0)
                {
                    break;
                }

                var (batchSent, stop) = await SendBatchAsync(lease, cancellationToken);
                sent += batchSent;
                if (stop)
                {
                    break;
                }
            }

            return sent;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Rows left pending with every attempt used (by an older sender) are failed, never claimed again.</summary>
    private Task<int> GiveUpExhaustedAsync(CancellationToken cancellationToken)
    {
        var max = options.Value.MaxAttempts;
        var now = clock.Now;
        return db.OutboxMessages.IgnoreQueryFilters(AllTenants)
            .Where(m => m.Status == OutboxStatus.Pending && m.Attempts >= max && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, m => "Gave up after " + m.Attempts + " attempts: " + (m.LastError ?? "no reason recorded")),
                cancellationToken);
    }

    private async Task<Lease> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var until = LeaseUntil(now);
        var size = options.Value.BatchSize;
        var max = options.Value.MaxAttempts;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE notifications.outbox_messages SET locked_until = {until}, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM notifications.outbox_messages
                WHERE status = 'Pending' AND attempts < {max} AND next_attempt_at <= {now} AND (locked_until IS NULL OR locked_until < {now})
                ORDER BY next_attempt_at, id
                LIMIT {size}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return new Lease([], until);
        }

        var rows = await db.OutboxMessages.IgnoreQueryFilters(AllTenants).AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        return new Lease(rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).ToList(), until);
    }

    /// <summary>PostgreSQL keeps microseconds; the token must compare equal after the round trip.</summary>
    private DateTimeOffset LeaseUntil(DateTimeOffset now)
    {
        var until = now.AddSeconds(options.Value.LeaseSeconds).ToUniversalTime();
        return new DateTimeOffset(until.Ticks - (until.Ticks % 10), TimeSpan.Zero);
    }

    private async Task<(int Sent, bool Stop)> SendBatchAsync(Lease lease, CancellationToken cancellationToken)
    {
        var batch = lease.Rows;
        IMailSession session;
        try
        {
            session = await transport.OpenAsync(cancellationToken);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            logger.LogWarning("Mail server unavailable ({Error}); {Count} message(s) will be retried", exception.Message, batch.Count);
            foreach (var row in batch)
            {
                await RetryLaterAsync(row, lease, exception.Message);
            }

            return (0, true);
        }

        var sent = 0;
        await using (session)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i];
                if (!await HoldAsync(lease, batch.Skip(i).Select(r => r.Id).ToList()))
                {
                    logger.LogWarning("The lease on {Count} message(s) ran out before they were sent; another sender has them", batch.Count - i);
                    return (sent, true);
                }

                MimeKit.MimeMessage message;
                try
                {
                    message = builder.Build(row);
                }
                catch (Exception exception) when (exception is MimeKit.ParseException or ArgumentException or FormatException or InvalidOperationException)
                {
                    // Nothing a retry can change: this row fails on its own and everyone else's mail goes on.
                    logger.LogWarning("Outbox message {Id} cannot be sent: {Error}", row.Id, exception.Message);
                    await FailAsync(row, lease, $"The message could not be built (is the address valid?): {exception.Message}");
                    continue;
                }

                try
                {
                    await session.SendAsync(message, cancellationToken);
                }
                catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500 && exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
                {
                    await FailAsync(row, lease, $"The server refused the recipient: {exception.Message}");
                    continue;
                }
                catch (Exception exception) when (IsTransient(exception))
                {
                    logger.LogWarning("Sending stopped ({Error}); {Count} message(s) will be retried", exception.Message, batch.Count - i);
                    foreach (var rest in batch.Skip(i))
                    {
                        await RetryLaterAsync(rest, lease, exception.Message);
                    }

                    return (sent, true);
                }

                // Accepted by the server: record it at once, if the row is still ours. A crash between the two is
                // the only way to send twice.
                var marked = await Held(row, lease)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, clock.Now).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
                if (marked == 0)
                {
                    logger.LogWarning("Outbox message {Id} was sent after its lease ran out; another sender holds the rest of the batch", row.Id);
                    return (sent + 1, true);
                }

                sent++;
            }
        }

        logger.LogInformation("Sent {Count} message(s)", sent);
        return (sent, false);
    }

    /// <summary>
    /// True while this sender holds every row it still has to send. With less than half the lease left it renews
    /// the lease of those rows (only those still carrying its token); a row already taken ends the batch.
    /// </summary>
    private async Task<bool> HoldAsync(Lease lease, List<Guid> remaining)
    {
        var now = clock.Now;
        var left = lease.Until - now;
        if (left > TimeSpan.FromSeconds(options.Value.LeaseSeconds / 2))
        {
            return true;
        }

        var until = LeaseUntil(now);
        var token = lease.Until;
        var renewed = left > TimeSpan.Zero
            ? await db.OutboxMessages.IgnoreQueryFilters(AllTenants)
                .Where(m => remaining.Contains(m.Id) && m.Status == OutboxStatus.Pending && m.LockedUntil == token)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)until), CancellationToken.None)
            : 0;
        if (renewed != remaining.Count)
        {
            // Some rows may be someone else's now; give back what is still ours so it is not stuck until the lease ends.
            await db.OutboxMessages.IgnoreQueryFilters(AllTenants)
                .Where(m => remaining.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LockedUntil == token || m.LockedUntil == until))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            return false;
        }

        lease.Until = until;
        return true;
    }

    private IQueryable<OutboxMessage> Held(OutboxMessage row, Lease lease)
    {
        var token = lease.Until;
        return db.OutboxMessages.IgnoreQueryFilters(AllTenants).Where(m => m.Id == row.Id && m.Status == OutboxStatus.Pending && m.LockedUntil == token);
    }

    private Task RetryLaterAsync(OutboxMessage row, Lease lease, string error)
    {
        // The claim already counted this attempt (the row was read back after the UPDATE): give up after the
        // configured number, and wait BaseBackoffSeconds before the first retry.
        if (row.Attempts >= options.Value.MaxAttempts)
        {
            return FailAsync(row, lease, $"Gave up after {row.Attempts} attempts: {error}");
        }

        var next = clock.Now + options.Value.BackoffAfter(row.Attempts);
        return Held(row, lease)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, Trim(error)), CancellationToken.None);
    }

    private Task FailAsync(OutboxMessage row, Lease lease, string error)
        => Held(row, lease)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, Trim(error)), CancellationToken.None);

    private static string Trim(string error) => error.Length > 2000 ? error[..2000] : error;

    private static bool IsTransient(Exception exception) => exception is IOException or System.Net.Sockets.SocketException or SmtpProtocolException
        or ServiceNotConnectedException or ServiceNotAuthenticatedException or TimeoutException or MailKit.Security.SslHandshakeException
        or SmtpCommandException;

    /// <summary>The rows one claim took and the lease this sender holds on them (its <c>locked_until</c>).</summary>
    private sealed class Lease(List<OutboxMessage> rows, DateTimeOffset until)
    {
        public List<OutboxMessage> Rows { get; } = rows;

        public DateTimeOffset Until { get; set; } = until;
    }
}

/// <summary>The Hangfire job that runs the dispatcher, woken after each commit that queued mail.</summary>
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher)
{
    // Senders may overlap safely: each claims different rows.
    public Task RunAsync() => dispatcher.DispatchAsync();
}

/// <summary>
/// The safety net behind the wake-up after each commit (<c>notifications:outbox-sweep</c>, every minute, host side
/// since the outbox is swept for every tenant at once): due mail, retries included, goes out within a minute.
/// </summary>
public sealed class OutboxSweepJob(OutboxDispatcher dispatcher) : Framework.Jobs.IRecurringJob
{
    public const string Module = "notifications";
    public const string Purpose = "outbox-sweep";

    /// <summary>The id this job had before recurring jobs were named by module and purpose; removed at start-up.</summary>
    public const string LegacyRecurringJobId = "notifications-outbox";

    public Task RunAsync(Framework.Jobs.RecurringJobRun run, CancellationToken cancellationToken) => dispatcher.DispatchAsync(cancellationToken);
}
