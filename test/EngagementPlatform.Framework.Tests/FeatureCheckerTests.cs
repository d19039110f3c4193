using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Features;

namespace EngagementPlatform.Framework.Tests;

/// <summary>The refusals every module raises through <see cref="FeatureCheckerExtensions"/>.</summary>
public sealed class FeatureCheckerTests
{
    private sealed class Plan(Dictionary<string, bool> features, Dictionary<string, int?> limits) : IFeatureChecker
    {
        public Task<bool> IsEnabledAsync(string feature, CancellationToken cancellationToken = default) => Task.FromResult(features[feature]);

        public Task<int?> GetLimitAsync(string limit, CancellationToken cancellationToken = default) => Task.FromResult(limits[limit]);
    }

    private static readonly Plan Standard = new(
        new() { ["Compensation"] = true, ["Assessments"] = false },
        new() { ["Councils"] = 3, ["ActiveMembers"] = null });

    [Fact]
    public async Task An_enabled_feature_passes()
        => await Standard.CheckEnabledAsync("Compensation");

    [Fact]
    public async Task A_missing_feature_is_refused_as_not_permitted_with_its_code_and_name()
    {
        var refusal = await Should.ThrowAsync<NotPermittedException>(() => Standard.CheckEnabledAsync("Assessments"));

        refusal.Code.ShouldBe(FeatureErrorCodes.FeatureNotEnabled);
        refusal.Kind.ShouldBe(RefusalKind.NotPermitted);
        refusal.Values["feature"].ShouldBe("Assessments");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Under_the_limit_passes(long count)
        => await Standard.CheckLimitAsync("Councils", count);

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public async Task At_or_over_the_limit_is_a_broken_rule_with_the_limit_the_count_and_the_name(long count)
    {
        var refusal = await Should.ThrowAsync<RuleBrokenException>(() => Standard.CheckLimitAsync("Councils", count));

        refusal.Code.ShouldBe(FeatureErrorCodes.LimitReached);
        refusal.Values["limit"].ShouldBe(3);
        refusal.Values["count"].ShouldBe(count);
        refusal.Values["name"].ShouldBe("Councils");
    }

    [Fact]
    public async Task No_limit_means_any_count_passes()
        => await Standard.CheckLimitAsync("ActiveMembers", long.MaxValue);
}
