using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.DataSharing.Tests.Api;

/// <summary>
/// Agreements for the register and diff tests, made through the domain and saved through the application's DbContext
/// in the tenant's scope (the create/sign endpoints belong to another part of the module): each agreement goes through
/// the real lifecycle methods, so its summary columns are the ones the domain keeps.
/// </summary>
internal sealed class RegisterSeed(DataSharingFixture app)
{
    /// <summary>Today in the partnership's time zone, as the register computes it.</summary>
    public async Task<DateOnly> TodayAsync(Guid tenantId)
    {
        using var scope = app.Factory.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        return await scope.ServiceProvider.GetRequiredService<ITenantCalendar>().TodayAsync();
    }

    public static AgreementParty Party(string name, PartyRole role, Guid signatory, PartyKind kind = PartyKind.CommunityOrganization)
        => new(Guid.NewGuid(), name, kind, role, signatory, null);

    public static AgreementContent Content(
        string title, IReadOnlyList<AgreementParty> parties, DateOnly from, DateOnly? to,
        DataSensitivity sensitivity = DataSensitivity.Deidentified, IReadOnlyList<DataElement>? elements = null, IReadOnlyList<string>? uses = null)
        => new(
            title,
            "Share the data the council needs to see what changed.",
            sensitivity,
            parties,
            elements ?? [new DataElement("Survey answers", "Answers, no names", DataSensitivity.Deidentified)],
            new GovernanceTerms("Eastside Neighbors Association", "The university, after review", true, "A community meeting"),
            uses ?? ["Program evaluation", "Peer-reviewed publication after community review"],
            "Until six months after the end date",
            to?.AddMonths(6) ?? from.AddYears(3),
            "Secure deletion",
            30,
            from,
            to);

    /// <summary>Saves a new agreement in <paramref name="tenantId"/> after <paramref name="lifecycle"/> ran on it (none: a draft).</summary>
    public async Task<Guid> SaveAsync(Guid tenantId, AgreementContent content, Action<Agreement, DateTimeOffset, DateOnly>? lifecycle = null)
    {
        using var scope = app.Factory.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var today = await scope.ServiceProvider.GetRequiredService<ITenantCalendar>().TodayAsync();
        var now = app.Clock.Now;
        var agreement = new Agreement(Guid.CreateVersion7(), content, now) { TenantId = tenantId };
        lifecycle?.Invoke(agreement, now, today);
        var db = scope.ServiceProvider.GetRequiredService<IDataSharingDbContext>();
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return agreement.Id;
    }

    /// <summary>Changes a saved agreement (e.g. amends it) in its tenant's scope.</summary>
    public async Task UpdateAsync(Guid tenantId, Guid id, Action<Agreement, DateTimeOffset, DateOnly> change)
    {
        using var scope = app.Factory.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        var today = await scope.ServiceProvider.GetRequiredService<ITenantCalendar>().TodayAsync();
        var db = scope.ServiceProvider.GetRequiredService<IDataSharingDbContext>();
        var agreement = await db.Agreements.Include(a => a.Versions).ThenInclude(v => v.Signatures).SingleAsync(a => a.Id == id);
        change(agreement, app.Clock.Now, today);
        await db.SaveChangesAsync();
    }

    /// <summary>Submits the open draft and has every party's signatory sign it: Signed, or Active once its effective date has come.</summary>
    public static void SignedByAll(Agreement agreement, DateTimeOffset now, DateOnly today)
    {
        agreement.Submit(communityOwnerRequired: false, userId: null, now);
        var version = agreement.Latest;
        foreach (var party in version.Parties.Where(p => p.SignatureRequired))
        {
            agreement.Sign(version.Number, version.ContentHash!, party.Id, party.SignatoryUserId!.Value, "Typed Name", "127.0.0.1", now, today);
        }
    }

    public static void Submitted(Agreement agreement, DateTimeOffset now, DateOnly today) => agreement.Submit(false, null, now);
}
