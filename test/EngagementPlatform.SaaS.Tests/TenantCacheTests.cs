using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.SaaS.Tests;

public sealed class TenantCacheTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Ten_thousand_made_up_tenant_names_do_not_grow_the_cache_past_its_bound()
    {
        await app.CreateTenantAsync("cached");
        var cache = app.Factory.Services.GetRequiredService<TenantCache>();
        using var scope = app.Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ITenantStore>();

        for (var i = 0; i < 10_000; i++)
        {
            (await store.FindAsync($"x{Guid.NewGuid():N}")).ShouldBeNull();
            cache.Count.ShouldBeLessThanOrEqualTo(TenantCache.SizeLimit);
        }

        (await store.FindAsync("cached")).ShouldNotBeNull().Name.ShouldBe("cached");
        cache.Count.ShouldBeLessThanOrEqualTo(TenantCache.SizeLimit);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("-leading-hyphen")]
    [InlineData("semi;colon")]
    [InlineData("ñandú")]
    public async Task A_tenant_name_of_the_wrong_shape_is_a_404_problem_and_is_not_cached(string name)
    {
        var cache = app.Factory.Services.GetRequiredService<TenantCache>();
        var before = cache.Count;
        using var client = app.Anonymous();
        using var response = await client.GetAsync($"/api/app/configuration?__tenant={Uri.EscapeDataString(name)}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "Saas:TenantNotFound");
        cache.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_name_longer_than_any_tenant_can_have_is_a_404_problem()
    {
        using var client = app.Anonymous(new string('a', 65));
        await (await client.GetAsync("/api/app/configuration")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Saas:TenantNotFound");
    }

    [Fact]
    public async Task A_partnership_looked_up_before_it_existed_answers_as_soon_as_it_is_created()
    {
        using (var early = app.Anonymous("latecomer"))
        {
            // "No such tenant" is now cached for this name.
            await (await early.GetAsync("/api/app/configuration")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Saas:TenantNotFound");
        }

        await app.CreateTenantAsync("latecomer");

        using var client = app.Anonymous("latecomer");
        using var response = await client.GetAsync("/api/app/configuration");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
