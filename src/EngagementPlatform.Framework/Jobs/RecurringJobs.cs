using System.Text.RegularExpressions;
using EngagementPlatform.Framework.MultiTenancy;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.Framework.Jobs;

/// <summary>
/// The work of a recurring job, run once per occurrence: inside its tenant (for a per-tenant or each-tenant job) or
/// on the host side, in a fresh service scope. Tenant runs happen inside a unit of work that commits when the work
/// returns, so <see cref="IJobOccurrences.TryClaimOccurrenceAsync"/> and the effect commit together.
/// </summary>
public interface IRecurringJob
{
    Task RunAsync(RecurringJobRun run, CancellationToken cancellationToken);
}

/// <summary>One occurrence of a recurring job as its work sees it.</summary>
/// <param name="RecurringJobId">The recurring job's id, e.g. <c>governance:close-voting</c>.</param>
/// <param name="TenantId">The tenant this run is for; null on the host side.</param>
/// <param name="ScheduledAt">When this occurrence was due (Hangfire's "Time" of the triggered job, UTC).</param>
/// <param name="TimeZoneId">The IANA time zone the cron is read in.</param>
public sealed record RecurringJobRun(string RecurringJobId, Guid? TenantId, DateTimeOffset ScheduledAt, string TimeZoneId)
{
    /// <summary>The occurrence's day in the job's time zone (a daily job's natural "once per day" key).</summary>
    public DateOnly LocalDate => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ScheduledAt, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId)).DateTime);

    /// <summary>
    /// The key of this occurrence for <paramref name="subject"/> (e.g. an agreement's id), for
    /// <see cref="IJobOccurrences.TryClaimOccurrenceAsync"/>: the job, the tenant, the due minute and the subject.
    /// A retried or re-delivered run of the same occurrence has the same key.
    /// </summary>
    public string OccurrenceKey(string? subject = null)
        => $"{RecurringJobId}|{TenantId?.ToString("N") ?? "host"}|{ScheduledAt.UtcDateTime:yyyy-MM-ddTHH:mm}Z{(subject is null ? string.Empty : "|" + subject)}";
}

/// <summary>
/// Adds, updates and removes recurring jobs (Hangfire) with a cron expression read in an IANA time zone. Ids say
/// what a job is for (<see cref="RecurringJobIds"/>), so adding the same job again updates it, never duplicates it.
/// </summary>
public interface IRecurringJobs
{
    /// <summary>A job for one tenant, <paramref name="tenantId"/> stored with the job and restored around each run. Returns the id.</summary>
    string AddOrUpdateForTenant<TJob>(string module, string purpose, Guid tenantId, string cron, string timeZoneId)
        where TJob : class, IRecurringJob;

    /// <summary>One job that, at each occurrence, runs the work once inside each active tenant, each tenant's failure on its own. Returns the id.</summary>
    string AddOrUpdateForEachTenant<TJob>(string module, string purpose, string cron, string timeZoneId)
        where TJob : class, IRecurringJob;

    /// <summary>A job that runs once on the host side (no tenant), e.g. a sweep across tenants. Returns the id.</summary>
    string AddOrUpdateForHost<TJob>(string module, string purpose, string cron, string timeZoneId)
        where TJob : class, IRecurringJob;

    void Remove(string recurringJobId);

    /// <summary>Starts an occurrence now (due now); returns the background job's id, or null if there is no such job.</summary>
    string? TriggerNow(string recurringJobId);
}

/// <summary>Recurring job ids: <c>&lt;module&gt;:&lt;purpose&gt;</c>, and <c>&lt;module&gt;:&lt;purpose&gt;:&lt;tenantId&gt;</c> for one tenant.</summary>
public static partial class RecurringJobIds
{
    public static string For(string module, string purpose) => $"{Part(module, nameof(module))}:{Part(purpose, nameof(purpose))}";

    public static string For(string module, string purpose, Guid tenantId) => $"{For(module, purpose)}:{tenantId:N}";

    private static string Part(string value, string name)
        => value is not null && PartPattern().IsMatch(value)
            ? value
            : throw new ArgumentException($"A recurring job's {name} is lower-case letters, digits and hyphens (got '{value}').", name);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PartPattern();
}

public sealed class HangfireRecurringJobs(IRecurringJobManager manager) : IRecurringJobs
{
    public string AddOrUpdateForTenant<TJob>(string module, string purpose, Guid tenantId, string cron, string timeZoneId)
        where TJob : class, IRecurringJob
    {
        var id = RecurringJobIds.For(module, purpose, tenantId);
        var type = JobType<TJob>();
        var zone = TimeZone(timeZoneId);
        manager.AddOrUpdate<RecurringJobRunner>(id, r => r.RunForTenantAsync(id, type, new JobTenant(tenantId), timeZoneId, null, CancellationToken.None), cron, Options(zone));
        return id;
    }

    public string AddOrUpdateForEachTenant<TJob>(string module, string purpose, string cron, string timeZoneId)
        where TJob : class, IRecurringJob
    {
        var id = RecurringJobIds.For(module, purpose);
        var type = JobType<TJob>();
        var zone = TimeZone(timeZoneId);
        manager.AddOrUpdate<RecurringJobRunner>(id, r => r.RunForEachTenantAsync(id, type, timeZoneId, null, CancellationToken.None), cron, Options(zone));
        return id;
    }

    public string AddOrUpdateForHost<TJob>(string module, string purpose, string cron, string timeZoneId)
        where TJob : class, IRecurringJob
    {
        var id = RecurringJobIds.For(module, purpose);
        var type = JobType<TJob>();
        var zone = TimeZone(timeZoneId);
        manager.AddOrUpdate<RecurringJobRunner>(id, r => r.RunForHostAsync(id, type, timeZoneId, null, CancellationToken.None), cron, Options(zone));
        return id;
    }

    public void Remove(string recurringJobId) => manager.RemoveIfExists(recurringJobId);

    public string? TriggerNow(string recurringJobId)
        => manager is IRecurringJobManagerV2 v2 ? v2.TriggerJob(recurringJobId) : throw new NotSupportedException("Hangfire's recurring job manager cannot trigger a job and name it.");

    private static RecurringJobOptions Options(TimeZoneInfo zone) => new() { TimeZone = zone };

    private static string JobType<TJob>() => typeof(TJob).AssemblyQualifiedName!;

    private static TimeZoneInfo TimeZone(string timeZoneId)
        => TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) && zone.HasIanaId
            ? zone
            : throw new ArgumentException($"'{timeZoneId}' is not an IANA time zone id.", nameof(timeZoneId));
}

/// <summary>
/// A job argument naming the tenant the job belongs to. <see cref="TenantJobFilter"/> stores it as the job's tenant
/// when the job is created (a recurring job is created by the scheduler, where no tenant is current) and restores
/// it around the run.
/// </summary>
public sealed record JobTenant(Guid Id);

/// <summary>What Hangfire runs for every recurring job registered through <see cref="IRecurringJobs"/>.</summary>
public sealed class RecurringJobRunner(IServiceScopeFactory scopes, ICurrentTenant currentTenant, ILogger<RecurringJobRunner> logger)
{
    /// <summary>Runs inside <paramref name="tenant"/>, which the tenant job filter made current before this method.</summary>
    public async Task RunForTenantAsync(string recurringJobId, string jobType, JobTenant tenant, string timeZoneId, PerformContext? context, CancellationToken cancellationToken)
    {
        if (currentTenant.Id != tenant.Id)
        {
            throw new InvalidOperationException($"Recurring job {recurringJobId} is for tenant {tenant.Id} but runs in {currentTenant.Id?.ToString() ?? "the host"}.");
        }

        await RunInTenantAsync(new RecurringJobRun(recurringJobId, tenant.Id, ScheduledAt(context), timeZoneId), jobType, cancellationToken);
    }

    /// <summary>Runs the work once inside each active tenant; a tenant whose run fails is logged and the others go on.</summary>
    public async Task RunForEachTenantAsync(string recurringJobId, string jobType, string timeZoneId, PerformContext? context, CancellationToken cancellationToken)
    {
        var scheduledAt = ScheduledAt(context);
        IReadOnlyList<Guid> tenants;
        using (currentTenant.Change(null))
        using (var scope = scopes.CreateScope())
        {
            tenants = await scope.ServiceProvider.GetRequiredService<IActiveTenants>().IdsAsync(cancellationToken);
        }

        var failed = 0;
        foreach (var tenantId in tenants)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (currentTenant.Change(tenantId))
            {
                try
                {
                    await RunInTenantAsync(new RecurringJobRun(recurringJobId, tenantId, scheduledAt, timeZoneId), jobType, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failed++;
                    logger.LogError(exception, "Recurring job {RecurringJobId} failed for tenant {TenantId}; the other tenants go on", recurringJobId, tenantId);
                }
            }
        }

        logger.LogInformation("Recurring job {RecurringJobId} ran for {Count} tenant(s), {Failed} failed", recurringJobId, tenants.Count, failed);
    }

    public async Task RunForHostAsync(string recurringJobId, string jobType, string timeZoneId, PerformContext? context, CancellationToken cancellationToken)
    {
        using (currentTenant.Change(null))
        using (var scope = scopes.CreateScope())
        {
            await Resolve(scope.ServiceProvider, jobType).RunAsync(new RecurringJobRun(recurringJobId, null, ScheduledAt(context), timeZoneId), cancellationToken);
        }
    }

    private async Task RunInTenantAsync(RecurringJobRun run, string jobType, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork.IUnitOfWork>();
        await using var work = await unitOfWork.BeginAsync(cancellationToken);
        await Resolve(scope.ServiceProvider, jobType).RunAsync(run, cancellationToken);
        await work.CompleteAsync(cancellationToken);
    }

    private static IRecurringJob Resolve(IServiceProvider services, string jobType)
    {
        var type = Type.GetType(jobType, throwOnError: true)!;
        return (IRecurringJob)ActivatorUtilities.GetServiceOrCreateInstance(services, type);
    }

    /// <summary>The occurrence's due time: the "Time" parameter Hangfire gives a triggered recurring job.</summary>
    private static DateTimeOffset ScheduledAt(PerformContext? context)
    {
        var time = context?.GetJobParameter<long?>("Time");
        return time is { } seconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : new DateTimeOffset(context?.BackgroundJob.CreatedAt ?? DateTime.UtcNow, TimeSpan.Zero);
    }
}
