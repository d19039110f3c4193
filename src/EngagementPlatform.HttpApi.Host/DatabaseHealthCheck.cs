using EngagementPlatform.EntityFrameworkCore;
using EngagementPlatform.Framework.Timing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EngagementPlatform.HttpApi.Host;

/// <summary>
/// Ready means the database answers and every migration in this build has been applied. The check itself (a
/// connection, the migrations history: a few statements) runs at most once per <c>Health:ReadyCacheSeconds</c>
/// (default 2; 0 checks on every call), whoever asks: callers in between get the last answer, callers while a check
/// runs wait for that one check. The first answer is always a real check, so a host is never ready before its
/// database is; a database that goes away turns the answer to 503 within the interval. A singleton: a cached answer
/// costs no scope, no DbContext and no statement.
/// </summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, IClock clock, IConfiguration configuration) : IHealthCheck
{
    /// <summary>How long one check may take before the database counts as unreachable.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Health:ReadyCacheSeconds", 2.0)));
    private readonly Lock _lock = new();
    private Answer? _last;
    private Task<HealthCheckResult>? _running;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => CurrentAsync(cancellationToken);

    /// <summary>The last answer while it is fresh, otherwise the one check in flight (started if none is).</summary>
    public Task<HealthCheckResult> CurrentAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_last is { } last)
            {
                var age = clock.Now - last.At;
                if (age >= TimeSpan.Zero && age < _maxAge)
                {
                    return Task.FromResult(last.Result);
                }
            }

            _running ??= RefreshAsync();
            return _running.WaitAsync(cancellationToken);
        }
    }

    private async Task<HealthCheckResult> RefreshAsync()
    {
        await Task.Yield(); // out of the caller's lock before any work
        HealthCheckResult result;
        try
        {
            using var timeout = new CancellationTokenSource(CheckTimeout);
            result = await CheckDatabaseAsync(timeout.Token);
        }
        catch (Exception exception)
        {
            result = HealthCheckResult.Unhealthy("The database cannot be reached.", exception);
        }

        lock (_lock)
        {
            _last = new Answer(result, clock.Now);
            _running = null;
        }

        return result;
    }

    private async Task<HealthCheckResult> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementPlatformDbContext>();
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }

        // Reads the migrations history: a real round trip, not merely a pooled connection handed out.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied; run the DbMigrator.");
    }

    private sealed record Answer(HealthCheckResult Result, DateTimeOffset At);
}
