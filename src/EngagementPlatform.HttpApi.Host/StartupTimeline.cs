using System.Diagnostics;

namespace EngagementPlatform.HttpApi.Host;

/// <summary>
/// Where start-up time goes: Program marks each phase of the host's start with the wall-clock milliseconds since
/// the process started and the CPU milliseconds the process has used so far (CPU time still says what a phase
/// costs on a machine busy with other work). The marks are logged at Debug once the host has started, category
/// <c>EngagementPlatform.HttpApi.Host.StartupTimeline</c> (docs/benchmarks.md, "Start-up: where the time goes").
/// One timeline per host: several hosts start in one process in the tests.
/// </summary>
public sealed class StartupTimeline
{
    private readonly Lock _gate = new();
    private readonly List<(string Phase, double WallMs, double CpuMs)> _marks = [];

    public void Mark(string phase)
    {
        using var process = Process.GetCurrentProcess();
        var wall = (DateTime.Now - process.StartTime).TotalMilliseconds;
        var cpu = process.TotalProcessorTime.TotalMilliseconds;
        lock (_gate)
        {
            _marks.Add((phase, wall, cpu));
        }
    }

    /// <summary>Logs the marks so far at Debug, and forgets them.</summary>
    public void Log(ILogger logger)
    {
        List<(string Phase, double WallMs, double CpuMs)> marks;
        lock (_gate)
        {
            marks = [.. _marks];
            _marks.Clear();
        }

        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        foreach (var (phase, wall, cpu) in marks)
        {
            logger.LogDebug("Start-up: {Phase} at {WallMs:F0} ms (CPU {CpuMs:F0} ms)", phase, wall, cpu);
        }
    }
}
