using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.Identity.Tests;

/// <summary>The read-side query other modules use: the active users of the current tenant with a role.</summary>
public sealed class UserDirectoryTests(TwoTenantFixture app) : IClassFixture<TwoTenantFixture>
{
    [Fact]
    public async Task Lists_only_active_users_of_the_current_tenant_with_the_role()
    {
        using var alphaAdmin = await app.ClientAsync("alpha", "admin");
        var inactive = await (await alphaAdmin.PostAsJsonAsync("/api/identity/users", new
        {
            userName = "alpha-staff-gone", email = "gone@alpha.test", password = ApiFixture.Password, roleNames = new[] { "staff" },
        })).ReadJsonAsync();
        var inactiveId = inactive.GetProperty("id").GetGuid();
        await (await alphaAdmin.PutAsJsonAsync($"/api/identity/users/{inactiveId}", new
        {
            email = "gone@alpha.test", roleNames = new[] { "staff" }, isActive = false,
        })).ShouldBeSuccessAsync();

        var staff = await InRoleAsync(app.AlphaId, "staff");
        staff.Items.Select(u => u.UserName).ShouldBe(["alpha-staff"]);
        staff.TotalCount.ShouldBe(1);
        staff.Items.Single().Roles.ShouldContain("staff");

        (await InRoleAsync(app.BetaId, "staff")).Items.Select(u => u.UserName).ShouldBe(["beta-staff"]);
        (await InRoleAsync(app.AlphaId, "finance")).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Pages_by_user_name()
    {
        var first = await InRoleAsync(app.AlphaId, "member", skip: 0, take: 1);
        var all = await InRoleAsync(app.AlphaId, "member", skip: 0, take: 1000);
        first.Items.Count.ShouldBe(1);
        first.TotalCount.ShouldBe(all.TotalCount);
        first.Items[0].Id.ShouldBe(all.Items[0].Id);
        all.Items.Select(u => u.UserName).ShouldBe(all.Items.Select(u => u.UserName).Order(StringComparer.Ordinal));
    }

    private async Task<UserInfoPage> InRoleAsync(Guid tenantId, string role, int skip = 0, int take = 100)
    {
        using var scope = app.Factory.Services.CreateScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId))
        {
            return await scope.ServiceProvider.GetRequiredService<IUserDirectory>().FindActiveInRoleAsync(role, skip, take);
        }
    }
}
