using System.Reflection;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.MultiTenancy;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

namespace EngagementPlatform.Framework.Tests;

public static class ReminderJob
{
    public static void Send()
    {
    }
}

public sealed class TenantJobFilterTests
{
    private static readonly Guid Alpha = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid Beta = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");

    private readonly CurrentTenant _currentTenant = new();
    private readonly TenantJobFilter _filter;
    private readonly FakeStorage _storage = new();

    public TenantJobFilterTests() => _filter = new TenantJobFilter(_currentTenant);

    [Fact]
    public void A_job_enqueued_in_a_tenant_runs_in_that_tenant_and_the_worker_returns_to_its_tenant_after()
    {
        using (_currentTenant.Change(Alpha, "alpha"))
        {
            Enqueue("job-1");
        }

        Guid? duringJob;
        using (_currentTenant.Change(Beta, "beta"))
        {
            var perform = PerformContext("job-1");
            _filter.OnPerforming(new PerformingContext(perform));
            duringJob = _currentTenant.Id;
            _filter.OnPerformed(new PerformedContext(perform, result: null, canceled: false, exception: null));

            _currentTenant.Id.ShouldBe(Beta);
        }

        duringJob.ShouldBe(Alpha);
    }

    [Fact]
    public void A_job_enqueued_on_the_host_runs_on_the_host_even_on_a_worker_inside_a_tenant()
    {
        var parameters = Enqueue("job-2");
        parameters.ShouldNotContainKey("TenantId");

        using (_currentTenant.Change(Beta, "beta"))
        {
            var perform = PerformContext("job-2");
            _filter.OnPerforming(new PerformingContext(perform));
            _currentTenant.Id.ShouldBeNull();
            _filter.OnPerformed(new PerformedContext(perform, result: null, canceled: false, exception: new InvalidOperationException("job failed")));

            _currentTenant.Id.ShouldBe(Beta);
        }
    }

    [Fact]
    public void The_tenant_is_stored_as_a_job_parameter_when_enqueuing()
    {
        using (_currentTenant.Change(Alpha, "alpha"))
        {
            Enqueue("job-3")["TenantId"].ShouldBe(Alpha.ToString());
        }
    }

    private IDictionary<string, object> Enqueue(string jobId)
    {
        var create = new CreateContext(_storage, _storage.Connection, Job.FromExpression(() => ReminderJob.Send()), new EnqueuedState());
        _filter.OnCreating(new CreatingContext(create));
        // What the storage would persist for this job: parameters serialized as Hangfire does.
        foreach (var (name, value) in create.Parameters)
        {
            _storage.Parameters[(jobId, name)] = SerializationHelper.Serialize(value, SerializationOption.User);
        }

        return create.Parameters;
    }

    private PerformContext PerformContext(string jobId) => new(
        _storage,
        _storage.Connection,
        new BackgroundJob(jobId, Job.FromExpression(() => ReminderJob.Send()), DateTime.UtcNow),
        new JobCancellationToken(canceled: false));

    private sealed class FakeStorage : JobStorage
    {
        public FakeStorage()
        {
            Connection = DispatchProxy.Create<IStorageConnection, ParameterConnection>();
            ((ParameterConnection)(object)Connection).Parameters = Parameters;
        }

        public Dictionary<(string JobId, string Name), string> Parameters { get; } = [];

        public IStorageConnection Connection { get; }

        public override IMonitoringApi GetMonitoringApi() => throw new NotSupportedException();

        public override IStorageConnection GetConnection() => Connection;
    }

    /// <summary>A storage connection that only knows job parameters, which is all the filter touches.</summary>
    public class ParameterConnection : DispatchProxy
    {
        internal Dictionary<(string JobId, string Name), string> Parameters { get; set; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(IStorageConnection.GetJobParameter) => Parameters.GetValueOrDefault(((string)args![0]!, (string)args[1]!)),
            nameof(IStorageConnection.SetJobParameter) => Parameters[((string)args![0]!, (string)args[1]!)] = (string)args[2]!,
            nameof(IDisposable.Dispose) => null,
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
