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
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var claimed = await ClaimAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                break;
            }

            var (batchSent, stop) = await SendBatchAsync(claimed, cancellationToken);
            sent += batchSent;
            if (stop)
            {
                break;
            }
        }

        return sent;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var size = options.Value.BatchSize;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE notifications.outbox_messages SET locked_until = {until}, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM notifications.outbox_messages
                WHERE status = 'Pending' AND next_attempt_at <= {now} AND (locked_until IS NULL OR locked_until < {now})
                ORDER BY next_attempt_at, id
                LIMIT {size}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.OutboxMessages.IgnoreQueryFilters(AllTenants).AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).ToList();
    }

    private async Task<(int Sent, bool Stop)> SendBatchAsync(List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
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
                await RetryLaterAsync(row, exception.Message, cancellationToken);
            }

            return (0, true);
        }

        var sent = 0;
        await using (session)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i];
                try
                {
                    await session.SendAsync(builder.Build(row), cancellationToken);
                }
                catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500 && exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
                {
                    await FailAsync(row, $"The server refused the recipient: {exception.Message}", cancellationToken);
                    continue;
                }
                catch (Exception exception) when (IsTransient(exception))
                {
                    logger.LogWarning("Sending stopped ({Error}); {Count} message(s) will be retried", exception.Message, batch.Count - i);
                    foreach (var rest in batch.Skip(i))
                    {
                        await RetryLaterAsync(rest, exception.Message, cancellationToken);
                    }

                    return (sent, true);
                }

                // Accepted by the server: record it at once. A crash between the two is the only way to send twice.
                await db.OutboxMessages.IgnoreQueryFilters(AllTenants).Where(m => m.Id == row.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, clock.Now).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
                sent++;
            }
        }

        logger.LogInformation("Sent {Count} message(s)", sent);
        return (sent, false);
    }

    private Task RetryLaterAsync(OutboxMessage row, string error, CancellationToken cancellationToken)
    {
        // The claim already counted this attempt (the row was read back after the UPDATE): give up after the
        // configured number, and wait BaseBackoffSeconds before the first retry.
        if (row.Attempts >= options.Value.MaxAttempts)
        {
            return FailAsync(row, $"Gave up after {row.Attempts} attempts: {error}", cancellationToken);
        }

        var next = clock.Now + options.Value.BackoffAfter(row.Attempts);
        return db.OutboxMessages.IgnoreQueryFilters(AllTenants).Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, Trim(error)), CancellationToken.None);
    }

    private Task FailAsync(OutboxMessage row, string error, CancellationToken cancellationToken)
        => db.OutboxMessages.IgnoreQueryFilters(AllTenants).Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, Trim(error)), CancellationToken.None);

    private static string Trim(string error) => error.Length > 2000 ? error[..2000] : error;

    private static bool IsTransient(Exception exception) => exception is IOException or System.Net.Sockets.SocketException or SmtpProtocolException
        or ServiceNotConnectedException or ServiceNotAuthenticatedException or TimeoutException or MailKit.Security.SslHandshakeException
        or SmtpCommandException;
}

/// <summary>The Hangfire job that runs the dispatcher: woken after each commit that queued mail, and every minute.</summary>
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher)
{
    public const string RecurringJobId = "notifications-outbox";

    // Senders may overlap safely: each claims different rows.
    public Task RunAsync() => dispatcher.DispatchAsync();
}
