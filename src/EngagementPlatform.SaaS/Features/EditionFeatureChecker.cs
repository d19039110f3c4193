using EngagementPlatform.Framework.Features;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS.Features;

/// <summary>
/// Answers the plan questions from the current tenant's edition, read once per request (scoped). A tenant with no
/// edition has none of the optional features and no limits; the host has everything.
/// </summary>
internal sealed class EditionFeatureChecker(ICurrentTenant currentTenant, ISaasDbContext db) : IFeatureChecker
{
    private (EditionFeatures Features, EditionLimits Limits)? _plan;

    public async Task<bool> IsEnabledAsync(string feature, CancellationToken cancellationToken = default)
    {
        if (currentTenant.Id is null)
        {
            return true;
        }

        var (features, _) = await PlanAsync(cancellationToken);
        return feature switch
        {
            SaasFeatures.Compensation => features.Compensation,
            SaasFeatures.DataSharing => features.DataSharing,
            SaasFeatures.Assessments => features.Assessments,
            SaasFeatures.StripePayouts => features.StripePayouts,
            _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "Not a feature of any plan."),
        };
    }

    public async Task<int?> GetLimitAsync(string limit, CancellationToken cancellationToken = default)
    {
        if (currentTenant.Id is null)
        {
            return null;
        }

        var (_, limits) = await PlanAsync(cancellationToken);
        return limit switch
        {
            SaasLimits.Councils => limits.Councils,
            SaasLimits.ActiveMembers => limits.ActiveMembers,
            SaasLimits.AssessmentSchedules => limits.AssessmentSchedules,
            _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "Not a limit of any plan."),
        };
    }

    private async Task<(EditionFeatures, EditionLimits)> PlanAsync(CancellationToken cancellationToken)
    {
        if (_plan is { } known)
        {
            return known;
        }

        var tenantId = currentTenant.Id;
        var edition = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Join(db.Editions.AsNoTracking(), t => t.EditionId, e => e.Id, (t, e) => new { e.Features, e.Limits })
            .FirstOrDefaultAsync(cancellationToken);
        _plan = edition is null ? (new EditionFeatures(), new EditionLimits()) : (edition.Features, edition.Limits);
        return _plan.Value;
    }
}
