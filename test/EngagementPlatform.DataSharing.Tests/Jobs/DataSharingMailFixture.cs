using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Jobs;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.UnitOfWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.DataSharing.Tests.Jobs;

/// <summary>
/// Alpha (English) and beta (Spanish by default) on a plan with data sharing, whose mail goes to the real SMTP sink through the host's own job server.
/// Agreements are made through the domain and saved in a unit of work, as a command would (their events, such as the
/// requests to sign, are handled in the same transaction).
/// </summary>
public sealed class DataSharingMailFixture : MailFixture
{
    public const string DailyJobId = "data-sharing:daily";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var edition = await CreateEditionAsync("Partnership with data sharing (jobs)", "dataSharing");
        await AssignEditionAsync("alpha", edition);
        // Beta speaks Spanish by default: its outside contacts are written to in Spanish.
        await AssignEditionAsync("beta", edition, defaultLanguage: "es");
    }

    /// <summary>The partnership's date now (both partnerships keep the default zone, UTC).</summary>
    public DateOnly Today => TenantCalendar.Today(Clock.Now, "UTC");

    /// <summary>Moves the application's clock to noon (UTC) of <paramref name="date"/>: far from midnight, so the day holds while a step runs.</summary>
    public void MoveClockTo(DateOnly date)
    {
        var noon = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        Clock.Advance(noon - Clock.Now);
    }

    /// <summary>Runs <paramref name="work"/> inside <paramref name="tenantId"/> and a unit of work that commits at the end.</summary>
    public async Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Factory.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
        await using var unitOfWork = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync();
        var result = await work(scope.ServiceProvider);
        await unitOfWork.CompleteAsync();
        return result;
    }

    /// <summary>An agreement submitted and signed by every party through the domain; Active when its effective date has come.</summary>
    public Task<Guid> CreateSignedAgreementAsync(Guid tenantId, AgreementContent content)
        => InTenantAsync(tenantId, async services =>
        {
            var now = Clock.Now;
            var agreement = new Agreement(Guid.CreateVersion7(), content, now);
            agreement.Submit(communityOwnerRequired: false, null, now);
            var version = agreement.Latest;
            foreach (var party in version.Parties.Where(p => p.SignatureRequired))
            {
                agreement.Sign(version.Number, version.ContentHash!, party.Id, party.SignatoryUserId!.Value, party.Name + " signer", "203.0.113.7", now, Today);
            }

            services.GetRequiredService<IDataSharingDbContext>().Agreements.Add(agreement);
            return agreement.Id;
        });

    public Task<Agreement> AgreementAsync(Guid tenantId, Guid id)
        => InTenantAsync(tenantId, services => services.GetRequiredService<IDataSharingDbContext>().Agreements.AsNoTracking()
            .Include(a => a.Versions).Include(a => a.DestructionAttestations).AsSplitQuery().SingleAsync(a => a.Id == id));

    /// <summary>The daily job as the scheduler fires it: an occurrence through the host's job server, every partnership in turn.</summary>
    public async Task TriggerDailyJobAsync()
    {
        var jobs = Factory.Services.GetRequiredService<IRecurringJobs>();
        await WaitForJobAsync(jobs.TriggerNow(DailyJobId).ShouldNotBeNull());
    }

    /// <summary>
    /// Another occurrence of the daily job in one partnership only (a manual run, or a second scheduler racing the first):
    /// a different occurrence time, so the occurrence claim lets it through and only the outbox's keys stop duplicates.
    /// </summary>
    public Task RunDailyJobInAsync(Guid tenantId, TimeSpan? later = null)
        => InTenantAsync(tenantId, async services =>
        {
            var run = new RecurringJobRun(DailyJobId, tenantId, Clock.Now + (later ?? TimeSpan.FromMinutes(3)), AgreementDailyJob.TimeZone);
            await ActivatorUtilities.GetServiceOrCreateInstance<AgreementDailyJob>(services).RunAsync(run, CancellationToken.None);
            return true;
        });
}
