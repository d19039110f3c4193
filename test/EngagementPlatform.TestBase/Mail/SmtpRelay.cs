using System.Net;
using System.Net.Sockets;

namespace EngagementPlatform.TestBase;

/// <summary>
/// A mail server that can go down: a loopback port that forwards to the real sink (<see cref="MailSink"/>) while
/// <see cref="IsUp"/>, and hangs up on every connection before the server greeting while down, as a crashed or
/// unreachable server does. Point a host's <c>Smtp:Port</c> at <see cref="Port"/>.
/// </summary>
public sealed class SmtpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpRelay(bool up)
    {
        IsUp = up;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public bool IsUp { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            if (!IsUp)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(MailSink.Host, MailSink.Port, _stop.Token);
                var down = client.GetStream();
                var up = server.GetStream();
                await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token));
            }
            catch (Exception) when (_stop.IsCancellationRequested || true)
            {
                // Either side hung up: the conversation is over.
            }
        }
    }
}
