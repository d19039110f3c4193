using System.Security.Claims;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EngagementPlatform.DbMigrator.Demo;

/// <summary>One module's share of the demo partnership. Must be safe to run again: it looks before it adds.</summary>
internal interface IDemoDataContributor
{
    string Name { get; }

    Task SeedAsync(DemoContext demo, CancellationToken cancellationToken);
}

internal sealed record DemoUser(string UserName, string Name, string Role, string Language);

internal sealed record DemoPerson(Guid Id, string UserName, string Name, IReadOnlyList<string> Roles);

/// <summary>
/// What a contributor works with: the tenant's scope (the current tenant is already the demo), its people, the clock,
/// and <see cref="ActAs"/> to send a command as one of them, so handlers that read the current user (input, votes,
/// access supports) record the right author.
/// </summary>
internal sealed class DemoContext(IServiceProvider services, TenantInfo tenant, IReadOnlyDictionary<string, DemoPerson> people, ILogger logger)
{
    public IServiceProvider Services { get; } = services;

    public TenantInfo Tenant { get; } = tenant;

    public IReadOnlyDictionary<string, DemoPerson> People { get; } = people;

    public ILogger Logger { get; } = logger;

    public IMediator Mediator => Services.GetRequiredService<IMediator>();

    public DateTimeOffset Now => Services.GetRequiredService<IClock>().Now;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public Guid Id(string userName) => People.TryGetValue(userName, out var person)
        ? person.Id
        : throw new InvalidOperationException($"The demo has no user {userName}.");

    /// <summary>Today in the partnership's time zone.</summary>
    public DateOnly Today => TenantCalendar.Today(Now, Tenant.TimeZone);

    /// <summary>The instant of a local wall-clock time in the partnership's time zone (UTC when it is unknown).</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(Tenant.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Sends the commands in the scope as <paramref name="userName"/> until disposed.</summary>
    public IDisposable ActAs(string userName)
    {
        var person = People.TryGetValue(userName, out var p) ? p : throw new InvalidOperationException($"The demo has no user {userName}.");
        var accessor = Services.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        var claims = new List<Claim>
        {
            new(HttpContextCurrentUser.SubjectClaim, person.Id.ToString()),
            new(HttpContextCurrentUser.NameClaim, person.UserName),
            new(MultiTenancyConstants.TenantIdClaim, Tenant.Id.ToString()),
        };
        claims.AddRange(person.Roles.Select(r => new Claim(HttpContextCurrentUser.RoleClaim, r)));
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(claims, "demo", HttpContextCurrentUser.NameClaim, HttpContextCurrentUser.RoleClaim)),
            RequestServices = Services,
        };
        return new Restore(() => accessor.HttpContext = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
