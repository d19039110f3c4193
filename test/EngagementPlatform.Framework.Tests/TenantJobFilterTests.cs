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

public static class TenantReportJob
{
    public static void Build(JobTenant tenant)
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

    [Fact]
    public void A_job_that_names_its_tenant_is_stored_with_it_even_when_created_on_the_host_and_runs_in_it()
    {
        // As the recurring job scheduler creates a per-tenant recurring job: no tenant current, the tenant an argument.
        Enqueue("job-4", Job.FromExpression(() => TenantReportJob.Build(new JobTenant(Alpha))))["TenantId"].ShouldBe(Alpha.ToString());
        using (_currentTenant.Change(Beta, "beta"))
        {
            Enqueue("job-5", Job.FromExpression(() => TenantReportJob.Build(new JobTenant(Alpha))))["TenantId"].ShouldBe(Alpha.ToString(), "the named tenant, not the caller's");
        }

        var perform = PerformContext("job-4");
        _filter.OnPerforming(new PerformingContext(perform));
        _currentTenant.Id.ShouldBe(Alpha);
        _filter.OnPerformed(new PerformedContext(perform, result: null, canceled: false, exception: null));
        _currentTenant.Id.ShouldBeNull();
    }

    [Theory]
    [InlineData("governance", "close-voting", true)]
    [InlineData("compensation", "stipend-reminder-2", true)]
    [InlineData("Governance", "close-voting", false)]
    [InlineData("governance", "close voting", false)]
    [InlineData("governance", "close:voting", false)]
    [InlineData("governance", "", false)]
    public void Recurring_job_ids_are_module_and_purpose_in_lower_case(string module, string purpose, bool valid)
    {
        if (valid)
        {
            RecurringJobIds.For(module, purpose).ShouldBe($"{module}:{purpose}");
            RecurringJobIds.For(module, purpose, Alpha).ShouldBe($"{module}:{purpose}:{Alpha:N}");
        }
        else
        {
            Should.Throw<ArgumentException>(() => RecurringJobIds.For(module, purpose));
        }
    }

    private IDictionary<string, object> Enqueue(string jobId) => Enqueue(jobId, Job.FromExpression(() => ReminderJob.Send()));

    private IDictionary<string, object> Enqueue(string jobId, Job job)
    {
        var create = new CreateContext(_storage, _storage.Connection, job, new EnqueuedState());
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
