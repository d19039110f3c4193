using EngagementPlatform.Framework.Configuration;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.SaaS;

/// <summary>The partnership (name, language, time zone) and the features of its plan for the web app.</summary>
internal sealed class SaasConfigurationContributor(ICurrentTenant currentTenant, ICurrentUser currentUser, ISaasDbContext db) : IApplicationConfigurationContributor
{
    public async Task ContributeAsync(ApplicationConfigurationDto configuration, CancellationToken cancellationToken)
    {
        if (currentTenant.Id is not { } tenantId)
        {
            // The host runs the platform: every feature is there.
            SetFeatures(configuration, new EditionFeatures { Compensation = true, DataSharing = true, Assessments = true, StripePayouts = true });
            return;
        }

        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            return;
        }

        configuration.CurrentTenant = new CurrentTenantDto
        {
            Id = tenant.Id,
            Name = tenant.Name,
            DisplayName = tenant.DisplayName,
            DefaultLanguage = tenant.DefaultLanguage,
            TimeZone = tenant.TimeZone,
        };
        if (!currentUser.IsAuthenticated)
        {
            configuration.CurrentUser.Language = tenant.DefaultLanguage;
        }

        // A partnership without a plan gets none of the paid features.
        var features = tenant.EditionId is { } editionId
            ? await db.Editions.AsNoTracking().Where(e => e.Id == editionId).Select(e => e.Features).FirstOrDefaultAsync(cancellationToken)
            : null;
        SetFeatures(configuration, features ?? new EditionFeatures());
    }

    private static void SetFeatures(ApplicationConfigurationDto configuration, EditionFeatures features)
    {
        configuration.Features[nameof(EditionFeatures.Compensation)] = features.Compensation;
        configuration.Features[nameof(EditionFeatures.DataSharing)] = features.DataSharing;
        configuration.Features[nameof(EditionFeatures.Assessments)] = features.Assessments;
        configuration.Features[nameof(EditionFeatures.StripePayouts)] = features.StripePayouts;
    }
}
