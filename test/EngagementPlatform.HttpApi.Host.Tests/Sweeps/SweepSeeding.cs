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

    /// <summary>
    /// Registers a value that is not an entity of alpha's, e.g. the year in <c>PUT /api/compensation/reporting-thresholds/{year}</c>:
    /// another tenant calling with it acts on its own data, so the isolation sweep only checks that it needs a token.
    /// </summary>
    public void AddValue(string pathPrefix, object value) => Ids[pathPrefix] = new SeededId(value.ToString()!, IsHostOwned: false, IsValue: true);

    /// <summary>
    /// A read that is itself recorded (e.g. full payment details: each read is an audit entry): the sweeps still call it,
    /// but leave it out of the before/after snapshot, where its own audit entries would read as a change.
    /// </summary>
    public void AddAuditedRead(string pathTemplate) => AuditedReads.Add(pathTemplate);

    internal HashSet<string> AuditedReads { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void AddBody(string method, string pathTemplate, object body) => Bodies[$"{method.ToUpperInvariant()} {pathTemplate}"] = body;
}

internal sealed record SeededId(string Value, bool IsHostOwned, bool IsValue = false);

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
