using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;

namespace EngagementPlatform.Framework.Tests;

public sealed class TenantCalendarTests
{
    // 03:30 UTC on 1 March is still 28 February in Chicago (UTC-6) and already 1 March in Madrid.
    private static readonly DateTimeOffset Instant = new(2027, 3, 1, 3, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("America/Chicago", 2027, 2, 28)]
    [InlineData("Europe/Madrid", 2027, 3, 1)]
    [InlineData("UTC", 2027, 3, 1)]
    [InlineData("Not/AZone", 2027, 3, 1)]
    [InlineData(null, 2027, 3, 1)]
    public void Today_is_the_date_in_the_partnership_time_zone(string? zone, int year, int month, int day)
        => TenantCalendar.Today(Instant, zone).ShouldBe(new DateOnly(year, month, day));

    [Fact]
    public async Task The_current_tenant_zone_comes_from_the_tenant_store_and_the_host_uses_UTC()
    {
        var tenantId = Guid.NewGuid();
        var currentTenant = new CurrentTenant();
        var calendar = new TenantCalendar(new FixedClock(Instant), currentTenant, new Store(new TenantInfo(tenantId, "chicago", true, "en", "America/Chicago")));

        (await calendar.TodayAsync()).ShouldBe(new DateOnly(2027, 3, 1));
        using (currentTenant.Change(tenantId))
        {
            (await calendar.TodayAsync()).ShouldBe(new DateOnly(2027, 2, 28));
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset Now => now;
    }

    private sealed class Store(TenantInfo tenant) : ITenantStore
    {
        public Task<TenantInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken = default) => Task.FromResult<TenantInfo?>(tenant);

        public Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default) => Task.FromResult(id == tenant.Id ? tenant : null);
    }
}
