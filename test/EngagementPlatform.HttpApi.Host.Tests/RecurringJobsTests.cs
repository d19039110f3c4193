using System.Collections.Concurrent;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.MultiTenancy;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.HttpApi.Host.Tests;

/// <summary>What the test job saw: every run (and the tenant current inside it) and every effect it made.</summary>
public sealed class JobRuns
{
    public ConcurrentQueue<(string JobId, Guid? RunFor, Guid? CurrentTenant, string Key)> Runs { get; } = new();

    public ConcurrentQueue<string> Effects { get; } = new();

    /// <summary>A tenant whose runs throw, to see the others go on.</summary>
    public Guid? FailFor { get; set; }

    public IReadOnlyList<(string JobId, Guid? RunFor, Guid? CurrentTenant, string Key)> Of(string jobId) => Runs.Where(r => r.JobId == jobId).ToList();
}

/// <summary>Records each run; makes its effect only if it claims the occurrence first.</summary>
public sealed class RecordingJob(JobRuns runs, ICurrentTenant currentTenant, IJobOccurrences occurrences) : IRecurringJob
{
    public async Task RunAsync(RecurringJobRun run, CancellationToken cancellationToken)
    {
        runs.Runs.Enqueue((run.RecurringJobId, run.TenantId, currentTenant.Id, run.OccurrenceKey()));
        if (run.TenantId is { } tenant && tenant == runs.FailFor)
        {
            throw new InvalidOperationException("This tenant's run fails, on purpose.");
        }

        if (await occurrences.TryClaimOccurrenceAsync(run.OccurrenceKey(), cancellationToken))
        {
            runs.Effects.Enqueue(run.OccurrenceKey());
        }
    }
}

/// <summary>A module as the next ones will be: it registers its recurring jobs at start-up.</summary>
public sealed class SchedulingModule(Guid? perTenant = null) : IModule
{
    public const string EachTenantId = "scheduling:each-tenant";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public void RegisterRecurringJobs(IRecurringJobs jobs)
    {
        jobs.AddOrUpdateForEachTenant<RecordingJob>("scheduling", "each-tenant", Cron.Never(), "America/Chicago");
        if (perTenant is { } tenantId)
        {
            jobs.AddOrUpdateForTenant<RecordingJob>("scheduling", "per-tenant", tenantId, Cron.Daily(7), "Europe/Madrid");
        }
    }
}

public sealed class RecurringJobsFixture : JobServerFixture
{
    public JobRuns Runs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Runs);
        services.AddSingleton<IModule>(new SchedulingModule());
    }

    /// <summary>A second host on the same database, with its own job server and a module that schedules for <paramref name="tenantId"/>.</summary>
    public ApiFactory SecondHost(Guid tenantId) => new(ConnectionString, Settings, services =>
    {
        services.AddSingleton(Runs);
        services.AddSingleton<IModule>(new SchedulingModule(tenantId));
    });
}

public sealed class RecurringJobsTests(RecurringJobsFixture app) : IClassFixture<RecurringJobsFixture>
{
    private IRecurringJobs Jobs => app.Factory.Services.GetRequiredService<IRecurringJobs>();

    [Fact]
    public async Task A_per_tenant_job_a_module_registers_runs_in_its_tenant_and_a_second_run_of_the_occurrence_has_no_effect()
    {
        // A second host starts with a module that registers a daily job for alpha: two job servers share the jobs.
        await using var second = app.SecondHost(app.AlphaId);
        _ = second.Server;
        var id = RecurringJobIds.For("scheduling", "per-tenant", app.AlphaId);
        id.ShouldBe($"scheduling:per-tenant:{app.AlphaId:N}");
        using (var connection = app.Jobs.GetConnection())
        {
            var registered = connection.GetRecurringJobs().Where(j => j.Id.StartsWith("scheduling:per-tenant:", StringComparison.Ordinal)).ToList();
            registered.Single().Id.ShouldBe(id); // two registrations (both hosts' start-up would do it again) never duplicate
            registered.Single().TimeZoneId.ShouldBe("Europe/Madrid");
            registered.Single().Cron.ShouldBe(Cron.Daily(7));
        }

        var jobId = Jobs.TriggerNow(id).ShouldNotBeNull();
        await app.WaitForJobAsync(jobId);
        var run = app.Runs.Of(id).ShouldHaveSingleItem();
        run.RunFor.ShouldBe(app.AlphaId);
        run.CurrentTenant.ShouldBe(app.AlphaId, "the tenant job filter restores the job's tenant around the run");

        // Hangfire delivers a job at least once: the same occurrence runs again (any of the two servers) ...
        app.Factory.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId).ShouldBeTrue();
        await JobServerFixture.WaitUntilAsync(() => Task.FromResult(app.Runs.Of(id).Count == 2), "the second run of the occurrence");
        await app.WaitForJobAsync(jobId);
        app.Runs.Of(id).Select(r => r.Key).Distinct().ShouldHaveSingleItem();
        // ... and has one effect.
        app.Runs.Effects.Count(e => e.StartsWith(id, StringComparison.Ordinal)).ShouldBe(1);
        await CountOccurrencesAsync(run.Key).ShouldBeAsync(1);
    }

    [Fact]
    public async Task An_each_tenant_job_runs_once_in_every_active_tenant_and_one_tenants_failure_stops_no_other()
    {
        var gamma = await app.CreateTenantAsync("gamma");
        var delta = await app.CreateTenantAsync("delta");
        using (var host = await app.HostAdminAsync())
        {
            await (await host.PutAsJsonAsync($"/api/saas/tenants/{delta}", new { name = "delta", isActive = false })).ShouldBeSuccessAsync();
        }

        app.Runs.FailFor = gamma;
        try
        {
            var jobId = Jobs.TriggerNow(SchedulingModule.EachTenantId).ShouldNotBeNull();
            await app.WaitForJobAsync(jobId); // the run as a whole succeeds

            var runs = app.Runs.Of(SchedulingModule.EachTenantId);
            runs.Select(r => r.RunFor).OrderBy(t => t).ShouldBe(new Guid?[] { app.AlphaId, app.BetaId, gamma }.OrderBy(t => t));
            runs.ShouldAllBe(r => r.CurrentTenant == r.RunFor);
            runs.ShouldNotContain(r => r.RunFor == delta, "a suspended partnership gets no run");
            app.Runs.Effects.Count(e => e.StartsWith(SchedulingModule.EachTenantId + "|", StringComparison.Ordinal)).ShouldBe(2, "alpha and beta; gamma's run failed");
            app.Logs.Lines.ShouldContain(l => l.Contains("failed for tenant " + gamma, StringComparison.Ordinal));
        }
        finally
        {
            app.Runs.FailFor = null;
        }
    }

    [Fact]
    public void Registering_again_updates_the_job_and_bad_schedules_are_refused()
    {
        var id = Jobs.AddOrUpdateForTenant<RecordingJob>("scheduling", "again", app.BetaId, Cron.Daily(), "America/New_York");
        Jobs.AddOrUpdateForTenant<RecordingJob>("scheduling", "again", app.BetaId, Cron.Hourly(), "America/New_York").ShouldBe(id);
        using (var connection = app.Jobs.GetConnection())
        {
            connection.GetRecurringJobs().Where(j => j.Id == id).ShouldHaveSingleItem().Cron.ShouldBe(Cron.Hourly());
        }

        Should.Throw<ArgumentException>(() => Jobs.AddOrUpdateForTenant<RecordingJob>("scheduling", "again", app.BetaId, Cron.Daily(), "Mars/Olympus"));
        Should.Throw<ArgumentException>(() => Jobs.AddOrUpdateForTenant<RecordingJob>("scheduling", "again", app.BetaId, "every day", "Etc/UTC"));
        Should.Throw<ArgumentException>(() => Jobs.AddOrUpdateForEachTenant<RecordingJob>("Scheduling", "x y", Cron.Daily(), "Etc/UTC"));

        Jobs.Remove(id);
        using (var connection = app.Jobs.GetConnection())
        {
            connection.GetRecurringJobs().ShouldNotContain(j => j.Id == id);
        }
    }

    [Fact]
    public async Task The_modules_own_recurring_jobs_are_registered_by_their_purpose()
    {
        using var connection = app.Jobs.GetConnection();
        var ids = connection.GetRecurringJobs().Select(j => j.Id).ToList();
        ids.ShouldContain("governance:close-voting");
        ids.ShouldContain("notifications:outbox-sweep");
        ids.ShouldNotContain("notifications-outbox");
        await Task.CompletedTask;
    }

    private async Task<long> CountOccurrencesAsync(string key)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM platform.job_occurrences WHERE key = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

internal static class TaskShouldExtensions
{
    public static async Task ShouldBeAsync<T>(this Task<T> task, T expected) => (await task).ShouldBe(expected);
}
