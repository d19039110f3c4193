namespace EngagementPlatform.HttpApi.Host.Tests.Sweeps;

/// <summary>
/// A module's contribution to the sweeps: real entities in tenant <c>alpha</c> (or on the host), registered under
/// the path they are addressed by. Every module with ids in its paths adds one class implementing this interface
/// in this folder; the sweeps find it by themselves and fail, naming the path, if an id is missing.
/// </summary>
public interface ISweepSeeder
{
    Task SeedAsync(SweepContext context);
}

public sealed class SweepContext(SweepFixture app)
{
    public SweepFixture App { get; } = app;

    /// <summary>Keyed by the path before the parameter, with earlier parameters written <c>{}</c>.</summary>
    internal Dictionary<string, SeededId> Ids { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Valid bodies for operations whose generated body would not pass validation ("PUT /api/x/{id}").</summary>
    internal Dictionary<string, object> Bodies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers an entity of tenant alpha, e.g. <c>AddTenantId("/api/governance/councils/{}/seats", seatId)</c>.</summary>
    public void AddTenantId(string pathPrefix, object id) => Ids[pathPrefix] = new SeededId(id.ToString()!, IsHostOwned: false);

    /// <summary>Registers a host entity (tenants, editions): tenants may not even see that it exists.</summary>
    public void AddHostId(string pathPrefix, object id) => Ids[pathPrefix] = new SeededId(id.ToString()!, IsHostOwned: true);

    public void AddBody(string method, string pathTemplate, object body) => Bodies[$"{method.ToUpperInvariant()} {pathTemplate}"] = body;
}

internal sealed record SeededId(string Value, bool IsHostOwned);

/// <summary>Two tenants plus every module's sweep seed data in <c>alpha</c>.</summary>
public sealed class SweepFixture : EngagementPlatform.TestBase.TwoTenantFixture
{
    public SweepContext Context { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Context = new SweepContext(this);
        var seeders = typeof(ISweepSeeder).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISweepSeeder).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ISweepSeeder)Activator.CreateInstance(t)!);
        foreach (var seeder in seeders)
        {
            await seeder.SeedAsync(Context);
        }
    }
}
