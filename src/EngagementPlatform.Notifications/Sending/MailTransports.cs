using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EngagementPlatform.Notifications.Sending;

/// <summary>A connection (or folder) that accepts messages; one is opened per batch and reused for all of it.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public interface IMailTransport
{
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>Picks SMTP when <c>Smtp:Host</c> is set, the pickup folder otherwise.</summary>
internal sealed class ConfiguredMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
        => string.IsNullOrWhiteSpace(options.Value.Host)
            ? Task.FromResult<IMailSession>(new PickupSession(Path.GetFullPath(options.Value.PickupDirectory)))
            : SmtpSession.OpenAsync(options.Value, cancellationToken);

    private sealed class SmtpSession(SmtpClient client) : IMailSession
    {
        public static async Task<IMailSession> OpenAsync(MailOptions options, CancellationToken cancellationToken)
        {
            var client = new SmtpClient { Timeout = 30_000 };
            try
            {
                var security = options.Security switch
                {
                    SmtpSecurity.None => SecureSocketOptions.None,
                    SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                    SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                    _ => SecureSocketOptions.Auto,
                };
                await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
                if (!string.IsNullOrEmpty(options.UserName))
                {
                    await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
                }

                return new SmtpSession(client);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception exception) when (exception is IOException or SmtpProtocolException or OperationCanceledException)
            {
                // The batch is already recorded; a broken goodbye changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Writes each message as an .eml file, for machines without a mail server.</summary>
    private sealed class PickupSession(string directory) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(directory);
            var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
            var temporary = Path.Combine(directory, name + ".tmp");
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, Path.Combine(directory, name), overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
