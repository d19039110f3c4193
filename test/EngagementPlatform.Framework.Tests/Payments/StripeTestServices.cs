using EngagementPlatform.Framework.Payments;
using EngagementPlatform.Framework.Timing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Framework.Tests.Payments;

/// <summary>A clock that says what the test sets.</summary>
internal sealed class FixedClock(DateTimeOffset now) : IClock
{
    public DateTimeOffset Now { get; set; } = now;
}

internal static class StripeTestServices
{
    /// <summary>The Stripe services as the host registers them, from the given settings only.</summary>
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, IClock? clock = null, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? new FixedClock(DateTimeOffset.UtcNow));
        services.AddStripe(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
