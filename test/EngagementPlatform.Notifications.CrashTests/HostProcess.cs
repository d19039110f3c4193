using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EngagementPlatform.Notifications.CrashTests;

/// <summary>
/// The built web host running as a real child process (<c>dotnet EngagementPlatform.HttpApi.Host.dll</c>), so it can be
/// killed the way an operating system kills it. Its output is drained continuously (a full pipe would block it) and the
/// last lines are kept for failure messages.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static HostProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        // The test project references the host, so its build output (dll, deps.json, runtimeconfig.json) sits next to the tests.
        var hostDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>SIGKILL on Linux: no shutdown hooks, no flushing, exactly <c>kill -9</c>.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public string Output() => string.Join(Environment.NewLine, _lines);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }

    private static string DotnetExecutable()
    {
        // `dotnet test` tells child processes which muxer runs them; fall back to the one on PATH.
        var path = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(path) && File.Exists(path) ? path : "dotnet";
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
    }
}
