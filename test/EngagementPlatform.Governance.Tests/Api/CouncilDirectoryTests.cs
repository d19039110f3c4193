using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Governance.Tests.Api;

/// <summary>
/// The read-side query other modules use: the current tenant's councils, and who holds a voting seat of a council on
/// a date (a term counts from its first day up to, not including, its end; non-voting seats never count).
/// </summary>
public sealed class CouncilDirectoryTests(CouncilDirectoryTests.Fixture app) : IClassFixture<CouncilDirectoryTests.Fixture>
{
    private const string Councils = "/api/governance/councils";

    /// <summary>The first day of the seats' history, far enough back that the tenant's today falls after the changes.</summary>
    private static readonly DateOnly Start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-100);

    private static readonly DateOnly Handover = Start.AddDays(50);

    /// <summary>
    /// alpha: a council with a community voting seat held until the handover, an agency voting seat held from it, and a
    /// non-voting seat held throughout, plus a council without seats; beta: a council whose voting seat beta-member holds.
    /// </summary>
    public sealed class Fixture : TwoTenantFixture
    {
        public Guid AlphaCouncil { get; private set; }

        public Guid BetaCouncil { get; private set; }

        public Guid Early { get; private set; }

        public Guid EarlySeat { get; private set; }

        public Guid Late { get; private set; }

        public Guid LateSeat { get; private set; }

        public Guid Observer { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var alpha = await ClientAsync("alpha", "admin");
            AlphaCouncil = await CouncilAsync(alpha, "Directory council");
            Early = await CreateUserAsync("alpha", "dir-early");
            Late = await CreateUserAsync("alpha", "dir-late");
            Observer = await CreateUserAsync("alpha", "dir-observer");
            EarlySeat = await SeatAsync(alpha, AlphaCouncil, "Community seat", "CommunityMember", true, Early, Start, Handover);
            LateSeat = await SeatAsync(alpha, AlphaCouncil, "Agency seat", "AgencyStaff", true, Late, Handover, null);
            await SeatAsync(alpha, AlphaCouncil, "Observer seat", "CommunityOrganization", false, Observer, Start, null);
            await CouncilAsync(alpha, "Another council");

            using var beta = await ClientAsync("beta", "admin");
            BetaCouncil = await CouncilAsync(beta, "Beta council");
            await SeatAsync(beta, BetaCouncil, "Beta seat", "CommunityMember", true, BetaMemberId, Start, null);
        }
    }

    private static async Task<Guid> CouncilAsync(HttpClient admin, string name)
        => (await (await admin.PostAsJsonAsync(Councils, new { name })).ReadJsonAsync()).GetProperty("id").GetGuid();

    private static async Task<Guid> SeatAsync(HttpClient admin, Guid councilId, string title, string category, bool isVoting, Guid userId, DateOnly termStart, DateOnly? termEnd)
    {
        var seat = (await (await admin.PostAsJsonAsync($"{Councils}/{councilId}/seats", new { title, category, isVoting })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"{Councils}/{councilId}/seats/{seat}/assignments", new { userId, termStart, termEnd })).ShouldBeSuccessAsync();
        return seat;
    }

    private async Task<T> InTenantAsync<T>(Guid tenantId, Func<ICouncilDirectory, Task<T>> read)
    {
        using var scope = app.Factory.Services.CreateScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            return await read(scope.ServiceProvider.GetRequiredService<ICouncilDirectory>());
        }
    }

    [Fact]
    public async Task Lists_only_the_current_tenant_s_councils_by_name()
    {
        var setup = app;

        var alpha = await InTenantAsync(app.AlphaId, d => d.GetCouncilsAsync());
        alpha.Select(c => c.Name).ShouldBe(["Another council", "Directory council"]);
        alpha.Single(c => c.Name == "Directory council").Id.ShouldBe(setup.AlphaCouncil);

        var beta = await InTenantAsync(app.BetaId, d => d.GetCouncilsAsync());
        beta.ShouldBe([new CouncilInfo(setup.BetaCouncil, "Beta council")]);
    }

    [Fact]
    public async Task Another_tenant_s_council_and_an_unknown_one_have_no_members_but_null()
    {
        var setup = app;

        (await InTenantAsync(app.AlphaId, d => d.GetVotingMembersAsync(setup.BetaCouncil, Start.AddDays(1)))).ShouldBeNull();
        (await InTenantAsync(app.BetaId, d => d.GetVotingMembersAsync(setup.AlphaCouncil, Start.AddDays(1)))).ShouldBeNull();
        (await InTenantAsync(app.AlphaId, d => d.GetVotingMembersAsync(Guid.NewGuid()))).ShouldBeNull();

        var beta = await InTenantAsync(app.BetaId, d => d.GetVotingMembersAsync(setup.BetaCouncil, Start));
        beta.ShouldNotBeNull().Select(m => m.UserId).ShouldBe([app.BetaMemberId]);
    }

    [Fact]
    public async Task Voting_members_on_a_date_follow_the_term_boundaries_and_leave_out_non_voting_seats()
    {
        var s = app;

        async Task<IReadOnlyList<CouncilMemberInfo>> OnAsync(DateOnly? date)
            => (await InTenantAsync(app.AlphaId, d => d.GetVotingMembersAsync(s.AlphaCouncil, date))).ShouldNotBeNull();

        (await OnAsync(Start.AddDays(-1))).ShouldBeEmpty();
        (await OnAsync(Start)).ShouldBe([new CouncilMemberInfo(s.Early, s.EarlySeat, "Community seat", true)]);
        (await OnAsync(Handover.AddDays(-1))).Select(m => m.UserId).ShouldBe([s.Early]);
        (await OnAsync(Handover)).ShouldBe([new CouncilMemberInfo(s.Late, s.LateSeat, "Agency seat", false)]);

        // Left out, the date is the tenant's today (after the handover); the observer holds a seat but has no vote.
        var today = await OnAsync(null);
        today.Select(m => m.UserId).ShouldBe([s.Late]);
        today.ShouldNotContain(m => m.UserId == s.Observer);
    }
}
