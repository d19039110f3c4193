using EngagementPlatform.Framework.Exceptions;

namespace EngagementPlatform.Framework.Features;

/// <summary>
/// The current tenant's plan, as any module may ask it: is a feature on, how much of a thing may it have. The
/// names are the owning module's (SaaS names the plan's features and limits in its contracts); the SaaS module
/// answers from the tenant's edition. The host (no tenant) has every feature and no limit.
/// </summary>
public interface IFeatureChecker
{
    Task<bool> IsEnabledAsync(string feature, CancellationToken cancellationToken = default);

    /// <summary>The plan's limit for <paramref name="limit"/>, or null when it has none.</summary>
    Task<int?> GetLimitAsync(string limit, CancellationToken cancellationToken = default);
}

public static class FeatureErrorCodes
{
    /// <summary>The tenant's plan does not include the feature (403).</summary>
    public const string FeatureNotEnabled = "Saas:FeatureNotEnabled";

    /// <summary>The tenant's plan allows no more of a thing (422, with <c>limit</c>, <c>count</c> and <c>name</c>).</summary>
    public const string LimitReached = "Saas:LimitReached";
}

public static class FeatureCheckerExtensions
{
    /// <summary>Refuses with <see cref="FeatureErrorCodes.FeatureNotEnabled"/> unless the plan has the feature.</summary>
    public static async Task CheckEnabledAsync(this IFeatureChecker checker, string feature, CancellationToken cancellationToken = default)
    {
        if (!await checker.IsEnabledAsync(feature, cancellationToken))
        {
            throw new NotPermittedException(FeatureErrorCodes.FeatureNotEnabled).WithData("feature", feature);
        }
    }

    /// <summary>
    /// Refuses with <see cref="FeatureErrorCodes.LimitReached"/> when the tenant already has
    /// <paramref name="currentCount"/> of the thing and the plan allows no more than that.
    /// </summary>
    public static async Task CheckLimitAsync(this IFeatureChecker checker, string limit, long currentCount, CancellationToken cancellationToken = default)
    {
        if (await checker.GetLimitAsync(limit, cancellationToken) is { } allowed && currentCount >= allowed)
        {
            throw new RuleBrokenException(FeatureErrorCodes.LimitReached)
                .WithData("name", limit)
                .WithData("limit", allowed)
                .WithData("count", currentCount);
        }
    }
}
