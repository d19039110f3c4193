using System.Linq.Expressions;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.TestBase;

/// <summary>
/// Two partnerships (<see cref="TwoTenantFixture"/>) in a host that runs its Hangfire job server, as production
/// does: jobs the application enqueues run by themselves. Test classes with this fixture run in parallel with
/// every other class (each host has its own database, job storage and job activator; see ADR 0008).
/// </summary>
public class JobServerFixture : TwoTenantFixture
{
    /// <summary>How long a test waits for the job server before it fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    protected override IDictionary<string, string?> Settings => JobServerSettings;

    public static Dictionary<string, string?> JobServerSettings => new()
    {
        ["Hangfire:Server:Enabled"] = "true",
        ["Hangfire:QueuePollIntervalSeconds"] = "0.2",
    };

    /// <summary>This host's job storage (its own database's <c>hangfire</c> schema).</summary>
    public JobStorage Jobs => Factory.Services.GetRequiredService<JobStorage>();

    /// <summary>
    /// Enqueues <paramref name="job"/> through the host's client, as application code does, and waits until the
    /// host's job server has run it. Throws with the job's error if it failed.
    /// </summary>
    public Task RunJobAsync<TJob>(Expression<Func<TJob, Task>> job)
        => WaitForJobAsync(Factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(job));

    /// <summary>Waits until the job <paramref name="jobId"/> succeeded; throws with its error if it failed.</summary>
    public async Task WaitForJobAsync(string jobId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var details = Jobs.GetMonitoringApi().JobDetails(jobId);
            var history = details?.History ?? [];
            if (history.FirstOrDefault() is { } latest && latest.StateName == SucceededState.StateName)
            {
                return;
            }

            // A failure is followed by a retry (Scheduled): the failed state in the history is what counts.
            if (history.FirstOrDefault(h => h.StateName == FailedState.StateName) is { } failed)
            {
                throw new InvalidOperationException(
                    $"Job {jobId} failed: {Value(failed.Data, "ExceptionType")}: {Value(failed.Data, "ExceptionMessage")}\n{Value(failed.Data, "ExceptionDetails")}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {jobId} did not finish within {Patience.TotalSeconds} s (state: {history.FirstOrDefault()?.StateName ?? "unknown"}).");
            }

            await Task.Delay(50);
        }
    }

    private static string? Value(IDictionary<string, string> data, string key) => data.TryGetValue(key, out var value) ? value : null;

    /// <summary>Waits until the host's job server has nothing enqueued or running (scheduled jobs are not waited for).</summary>
    public async Task WaitForIdleJobServerAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        var idleLooks = 0;
        while (idleLooks < 2)
        {
            var monitor = Jobs.GetMonitoringApi();
            var busy = monitor.ProcessingCount() + monitor.Queues().Sum(q => q.Length);
            idleLooks = busy == 0 ? idleLooks + 1 : 0;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The job server still had {busy} job(s) enqueued or running after {Patience.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, e.g. until a job has had its effect.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
