namespace EngagementPlatform.TestBase;

/// <summary>Two partnerships, <c>alpha</c> and <c>beta</c>, each with an admin, a staff member and a member.</summary>
public class TwoTenantFixture : ApiFixture
{
    public Guid AlphaId { get; private set; }

    public Guid BetaId { get; private set; }

    public Guid AlphaMemberId { get; private set; }

    public Guid BetaMemberId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        AlphaId = await CreateTenantAsync("alpha");
        BetaId = await CreateTenantAsync("beta");
        await CreateUserAsync("alpha", "alpha-staff", "staff");
        AlphaMemberId = await CreateUserAsync("alpha", "alpha-member", "member");
        await CreateUserAsync("beta", "beta-staff", "staff");
        BetaMemberId = await CreateUserAsync("beta", "beta-member", "member");
    }
}
