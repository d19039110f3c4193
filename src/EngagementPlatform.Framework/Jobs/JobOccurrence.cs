namespace EngagementPlatform.Framework.Jobs;

/// <summary>
/// One occurrence of a job's effect that has happened (<c>platform.job_occurrences</c>): its key is unique, so a
/// second run of the same occurrence (Hangfire runs a job at least once) finds it taken and does nothing.
/// </summary>
public sealed class JobOccurrence
{
    public JobOccurrence(string key, Guid? tenantId, DateTimeOffset createdAt)
    {
        Key = key;
        TenantId = tenantId;
        CreatedAt = createdAt;
    }

    public const int MaxKeyLength = 256;

    public string Key { get; private set; }

    public Guid? TenantId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// "One effect per occurrence" for jobs that may run twice. Claim the occurrence inside the unit of work that makes
/// the effect: the claim commits with the effect, or rolls back with it so a retry can claim it again.
/// </summary>
public interface IJobOccurrences
{
    /// <summary>
    /// Records <paramref name="key"/> (with the current tenant) in the current unit of work. True when this run is
    /// the first to claim it; false when the key was already claimed, and the caller must then do nothing.
    /// </summary>
    Task<bool> TryClaimOccurrenceAsync(string key, CancellationToken cancellationToken = default);
}
