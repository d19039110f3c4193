using System.Globalization;
using EngagementPlatform.Notifications.Sending;
using Npgsql;

namespace EngagementPlatform.TestBase;

/// <summary>
/// Two partnerships whose mail goes to the real SMTP sink on loopback, sent by the host's own job server (the
/// wake-up after each commit and the minutely sweep), as in production.
/// </summary>
public class MailFixture : JobServerFixture
{
    public const string FromDomain = "mail.ep.test";
    public const string PublicUrl = "https://ep.test";

    private long _sentSeen;

    protected override IDictionary<string, string?> Settings => MailSettings(MailSink.Port);

    /// <summary>The job server's settings and an SMTP server on loopback at <paramref name="port"/>.</summary>
    public static Dictionary<string, string?> MailSettings(int port)
    {
        var settings = JobServerSettings;
        settings["Smtp:Host"] = MailSink.Host;
        settings["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["Smtp:Security"] = "None";
        settings["Smtp:From"] = $"EngagementPlatform <no-reply@{FromDomain}>";
        settings["Smtp:PublicUrl"] = PublicUrl;
        return settings;
    }

    /// <summary>
    /// Lets the job server deliver what is due: wakes the sender through the job server (as a commit or the
    /// minutely sweep does, useful after moving the <see cref="ApiFixture.Clock"/>), waits until it and every
    /// other queued job has run, and returns how many outbox rows became sent since the last call.
    /// </summary>
    public async Task<int> DeliverAsync()
    {
        await RunJobAsync<OutboxDispatchJob>(job => job.RunAsync());
        await WaitForIdleJobServerAsync();
        var sent = await SentCountAsync();
        var delivered = sent - _sentSeen;
        _sentSeen = sent;
        return (int)delivered;
    }

    private async Task<long> SentCountAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM notifications.outbox_messages WHERE status = 'Sent'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
