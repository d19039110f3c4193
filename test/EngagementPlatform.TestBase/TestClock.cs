using EngagementPlatform.Framework.Timing;

namespace EngagementPlatform.TestBase;

/// <summary>The application's clock in tests: real time plus an offset a test can move forward.</summary>
public sealed class TestClock : IClock
{
    private long _offsetTicks;

    public DateTimeOffset Now => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
