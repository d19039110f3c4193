using System.Xml.Linq;

namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>A host with the start-up timeline's category at Debug, as one turns it on to see where start-up time goes.</summary>
public sealed class StartupTimelineFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Serilog:MinimumLevel:Override:EngagementPlatform.HttpApi.Host.StartupTimeline"] = "Debug",
    };
}

public sealed class StartupTests(StartupTimelineFixture app) : IClassFixture<StartupTimelineFixture>
{
    [Fact]
    public void The_host_logs_each_start_up_phase_with_its_wall_and_CPU_time_at_debug()
    {
        var timeline = app.Logs.Lines
            .Where(l => l.StartsWith("Debug EngagementPlatform.HttpApi.Host.StartupTimeline: Start-up: ", StringComparison.Ordinal))
            .ToList();
        string[] phases =
        [
            "runtime started, Main entered", "builder created", "services configured", "host built", "pipeline configured",
            "started: hosted services run, server listening",
        ];
        foreach (var phase in phases)
        {
            // (The phase may be quoted: Serilog renders a string value in quotes for the other providers.)
            timeline.ShouldContain(l => l.Contains(phase, StringComparison.Ordinal) && l.Contains(" ms (CPU ", StringComparison.Ordinal), phase);
        }

        // In the order they happened, each once.
        var order = phases.Select(p => timeline.FindIndex(l => l.Contains(p, StringComparison.Ordinal))).ToList();
        order.ShouldBe(order.Order().ToList());
        timeline.Count.ShouldBe(phases.Length);
    }

    [Fact]
    public void The_host_runs_the_workstation_garbage_collector_sized_for_a_small_container()
    {
        // docs/benchmarks.md: the server GC's heap per core kept resident memory above the 300 MiB goal.
        var project = XDocument.Load(Path.Combine(Sources.Root, "src", "EngagementPlatform.HttpApi.Host", "EngagementPlatform.HttpApi.Host.csproj"));
        project.Descendants("ServerGarbageCollection").Select(e => e.Value.Trim()).ShouldBe(["false"]);
        project.Descendants("ConcurrentGarbageCollection").Select(e => e.Value.Trim()).ShouldBe(["true"]);
    }
}
