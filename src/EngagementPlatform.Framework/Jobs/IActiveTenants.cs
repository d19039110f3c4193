namespace EngagementPlatform.Framework.Jobs;

/// <summary>
/// The tenants a job "for each tenant" runs for: the active ones (a suspended partnership gets no runs). The SaaS
/// module owns tenants and implements this; the framework only asks.
/// </summary>
public interface IActiveTenants
{
    Task<IReadOnlyList<Guid>> IdsAsync(CancellationToken cancellationToken = default);
}
