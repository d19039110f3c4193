using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Features;
using EngagementPlatform.Framework.Modularity;
using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.SaaS.Tests;

/// <summary>
/// The host with one extra endpoint that requires <see cref="SaasFeatures.Compensation"/>, mapped on the host's own
/// endpoints after the modules' so it runs through the real pipeline (authentication, tenant resolution, authorization, plan check).
/// </summary>
public sealed class FeatureEndpointFixture : ApiFixture
{
    public const string Route = "/api/test/compensation-only";

    protected override void ConfigureServices(IServiceCollection services)
        => services.AddSingleton<IEndpointContributor, MapFeatureEndpoint>();

    private sealed class MapFeatureEndpoint : IEndpointContributor
    {
        public void MapEndpoints(IEndpointRouteBuilder endpoints)
            => endpoints.MapGet(Route, () => TypedResults.Ok(new { served = true })).RequireAuthorization().RequireFeature(SaasFeatures.Compensation)
                // A test-only endpoint: not an operation of the OpenAPI document, so the status check skips it.
                .ExcludeFromDescription();
    }
}

public sealed class PlanFeatureTests(FeatureEndpointFixture app) : IClassFixture<FeatureEndpointFixture>
{
    private async Task<Guid> EditionAsync(HttpClient host, string name, bool compensation, int? activeMembers = null)
    {
        var created = await host.PostAsJsonAsync("/api/saas/editions", new
        {
            name,
            features = new { compensation, dataSharing = false, assessments = false, stripePayouts = false },
            limits = new { councils = 2, activeMembers, assessmentSchedules = (int?)null },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> TenantOnAsync(HttpClient host, string name, Guid? editionId)
    {
        var tenantId = await app.CreateTenantAsync(name);
        if (editionId is not null)
        {
            await (await host.PutAsJsonAsync($"/api/saas/tenants/{tenantId}", new { name, editionId })).ShouldBeSuccessAsync();
        }

        return tenantId;
    }

    [Fact]
    public async Task An_endpoint_that_requires_a_feature_is_refused_without_it_and_served_with_it()
    {
        using var host = await app.HostAdminAsync();
        var basic = await EditionAsync(host, "Basic feature test", compensation: false);
        var full = await EditionAsync(host, "Full feature test", compensation: true);
        await TenantOnAsync(host, "withoutpay", basic);
        await TenantOnAsync(host, "withpay", full);
        await TenantOnAsync(host, "noplan", null);

        using (var without = await app.ClientAsync("withoutpay", "admin"))
        {
            await (await without.GetAsync(FeatureEndpointFixture.Route)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, FeatureErrorCodes.FeatureNotEnabled);
        }

        using (var none = await app.ClientAsync("noplan", "admin"))
        {
            await (await none.GetAsync(FeatureEndpointFixture.Route)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, FeatureErrorCodes.FeatureNotEnabled);
        }

        using (var with = await app.ClientAsync("withpay", "admin"))
        {
            var served = await with.GetAsync(FeatureEndpointFixture.Route);
            served.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await served.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("served").GetBoolean().ShouldBeTrue();
        }

        // The host (no tenant) has every feature; an anonymous caller is stopped by authorization first.
        (await host.GetAsync(FeatureEndpointFixture.Route)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var anonymous = app.Anonymous("withoutpay");
        (await anonymous.GetAsync(FeatureEndpointFixture.Route)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_refusal_is_in_the_callers_language()
    {
        using var host = await app.HostAdminAsync();
        var basic = await EditionAsync(host, "Basic language test", compensation: false);
        await TenantOnAsync(host, "sinpago", basic);
        using var client = await app.ClientAsync("sinpago", "admin");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var problem = await (await client.GetAsync(FeatureEndpointFixture.Route)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, FeatureErrorCodes.FeatureNotEnabled);

        problem.GetProperty("title").GetString()!.ShouldStartWith("El plan de su alianza no incluye esto");
    }

    [Fact]
    public async Task The_edition_checker_answers_from_the_tenants_edition_and_the_host_has_everything()
    {
        using var host = await app.HostAdminAsync();
        var limited = await EditionAsync(host, "Limited checker test", compensation: true, activeMembers: 5);
        var withPlan = await TenantOnAsync(host, "checked", limited);
        var withoutPlan = await TenantOnAsync(host, "unchecked", null);

        async Task<(bool Compensation, bool Assessments, int? Members, int? Councils)> AskAsync(Guid? tenantId)
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(tenantId);
            var checker = scope.ServiceProvider.GetRequiredService<IFeatureChecker>();
            return (await checker.IsEnabledAsync(SaasFeatures.Compensation), await checker.IsEnabledAsync(SaasFeatures.Assessments),
                await checker.GetLimitAsync(SaasLimits.ActiveMembers), await checker.GetLimitAsync(SaasLimits.Councils));
        }

        (await AskAsync(withPlan)).ShouldBe((true, false, 5, 2));
        (await AskAsync(withoutPlan)).ShouldBe((false, false, null, null));
        (await AskAsync(null)).ShouldBe((true, true, null, null));

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(withPlan);
            var checker = scope.ServiceProvider.GetRequiredService<IFeatureChecker>();
            await checker.CheckLimitAsync(SaasLimits.ActiveMembers, 4);
            var refusal = await Should.ThrowAsync<RuleBrokenException>(() => checker.CheckLimitAsync(SaasLimits.ActiveMembers, 5));
            refusal.Code.ShouldBe(FeatureErrorCodes.LimitReached);
            refusal.Values["limit"].ShouldBe(5);
            await Should.ThrowAsync<ArgumentOutOfRangeException>(() => checker.IsEnabledAsync("NoSuchFeature"));
        }
    }
}
