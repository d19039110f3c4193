using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Framework.Data;

/// <summary>What a seeding run is for: the host (null tenant) or one tenant, with optional named properties.</summary>
public sealed class DataSeedContext(Guid? tenantId)
{
    public const string AdminEmail = "AdminEmail";
    public const string AdminPassword = "AdminPassword";

    public Guid? TenantId { get; } = tenantId;

    public Dictionary<string, string?> Properties { get; } = new(StringComparer.Ordinal);

    public DataSeedContext With(string name, string? value)
    {
        Properties[name] = value;
        return this;
    }
}

/// <summary>A module's part of seeding (roles, default instruments, templates...). Must be safe to run twice.</summary>
public interface IDataSeedContributor
{
    Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken);
}

public interface IDataSeeder
{
    Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken = default);
}

public sealed class DataSeeder(IEnumerable<IDataSeedContributor> contributors, ICurrentTenant currentTenant) : IDataSeeder
{
    public async Task SeedAsync(DataSeedContext context, CancellationToken cancellationToken = default)
    {
        using (currentTenant.Change(context.TenantId))
        {
            foreach (var contributor in contributors)
            {
                await contributor.SeedAsync(context, cancellationToken);
            }
        }
    }
}
