using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;

namespace EngagementPlatform.Compensation.Application.Reports;

/// <summary>
/// The calendar the reports count in: the partnership's time zone (UTC when it has none or an unknown one), so "today",
/// a year's first and last day and an item's creation date are the dates the partnership sees.
/// </summary>
public sealed class ReportCalendar(IClock clock, ICurrentTenant currentTenant, ITenantStore tenants)
{
    private TimeZoneInfo? _zone;

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken)
    {
        if (_zone is null)
        {
            var name = currentTenant.Id is { } id ? (await tenants.FindAsync(id, cancellationToken))?.TimeZone : null;
            _zone = name is not null && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc;
        }

        return _zone;
    }

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.Now, await ZoneAsync(cancellationToken)).DateTime);

    /// <summary>The instants the partnership's year starts and the next one starts, for filters on creation times.</summary>
    public async Task<(DateTimeOffset From, DateTimeOffset To)> YearBoundsAsync(int year, CancellationToken cancellationToken)
    {
        var zone = await ZoneAsync(cancellationToken);
        return (Start(new DateTime(year, 1, 1), zone), Start(new DateTime(year + 1, 1, 1), zone));
    }

    /// <summary>The date <paramref name="instant"/> falls on in the partnership's calendar.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static DateTimeOffset Start(DateTime local, TimeZoneInfo zone)
        => new(local, zone.GetUtcOffset(local));
}

/// <summary>The years a report may ask for.</summary>
public static class ReportYears
{
    public const int Min = 2000;
    public const int Max = 2100;

    public static bool IsValid(int year) => year is >= Min and <= Max;
}
