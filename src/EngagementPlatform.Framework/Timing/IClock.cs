namespace EngagementPlatform.Framework.Timing;

/// <summary>The one source of "now". Tests replace it to move time.</summary>
public interface IClock
{
    DateTimeOffset Now { get; }
}

public sealed class SystemClock(TimeProvider timeProvider) : IClock
{
    public DateTimeOffset Now => timeProvider.GetUtcNow();
}

/// <summary>Dates as the current partnership sees them: "today" is the date in the tenant's time zone (UTC on the host).</summary>
public interface ITenantCalendar
{
    Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default);
}

public sealed class TenantCalendar(IClock clock, MultiTenancy.ICurrentTenant currentTenant, MultiTenancy.ITenantStore? tenants = null) : ITenantCalendar
{
    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default)
    {
        var zone = currentTenant.Id is { } id && tenants is not null ? (await tenants.FindAsync(id, cancellationToken))?.TimeZone : null;
        return Today(clock.Now, zone);
    }

    /// <summary>The date at <paramref name="now"/> in the IANA zone <paramref name="timeZone"/>; an unknown zone counts as UTC.</summary>
    public static DateOnly Today(DateTimeOffset now, string? timeZone)
        => DateOnly.FromDateTime(timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? TimeZoneInfo.ConvertTime(now, zone).DateTime
            : now.UtcDateTime);
}
