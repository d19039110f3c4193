using System.Linq.Expressions;
using Hangfire;

namespace EngagementPlatform.Framework.Jobs;

/// <summary>
/// The one way to run work later. Jobs are Hangfire jobs; the enqueuing tenant travels with them
/// (<see cref="TenantJobFilter"/>), so a job runs inside the tenant it belongs to.
/// </summary>
public interface IJobScheduler
{
    string Enqueue<TJob>(Expression<Func<TJob, Task>> job);

    string Schedule<TJob>(Expression<Func<TJob, Task>> job, DateTimeOffset runAt);

    bool Delete(string jobId);
}

public sealed class HangfireJobScheduler(IBackgroundJobClient client) : IJobScheduler
{
    public string Enqueue<TJob>(Expression<Func<TJob, Task>> job) => client.Enqueue(job);

    public string Schedule<TJob>(Expression<Func<TJob, Task>> job, DateTimeOffset runAt) => client.Schedule(job, runAt);

    public bool Delete(string jobId) => client.Delete(jobId);
}
