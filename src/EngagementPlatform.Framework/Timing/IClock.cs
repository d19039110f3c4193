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
