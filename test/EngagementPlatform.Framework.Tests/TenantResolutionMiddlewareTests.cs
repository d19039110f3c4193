using System.Security.Claims;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace EngagementPlatform.Framework.Tests;

public sealed class TenantResolutionMiddlewareTests
{
    private static readonly TenantInfo Alpha = new(Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001"), "alpha", IsActive: true);
    private static readonly TenantInfo Beta = new(Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002"), "beta", IsActive: true);
    private static readonly TenantInfo Suspended = new(Guid.Parse("cccccccc-0000-0000-0000-000000000003"), "suspended", IsActive: false);

    private readonly CurrentTenant _currentTenant = new();
    private readonly InMemoryTenantStore _store = new(Alpha, Beta, Suspended);

    /// <summary>What <c>next</c> saw, or null when it never ran.</summary>
    private (Guid? Id, string? Name)? _seenByNext;

    [Theory]
    [InlineData(MultiTenancyConstants.TenantHeader, "alpha")]
    [InlineData(MultiTenancyConstants.AlternativeTenantHeader, "alpha")]
    [InlineData(MultiTenancyConstants.TenantHeader, "  ALPHA ")]
    [InlineData(MultiTenancyConstants.AlternativeTenantHeader, "aaaaaaaa-0000-0000-0000-000000000001")]
    public async Task A_tenant_header_makes_that_tenant_current_for_the_request(string header, string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;

        await Invoke(context);

        _seenByNext.ShouldBe((Alpha.Id, "alpha"));
    }

    [Fact]
    public async Task The_underscore_header_wins_over_the_alternative_header()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[MultiTenancyConstants.TenantHeader] = "beta";
        context.Request.Headers[MultiTenancyConstants.AlternativeTenantHeader] = "alpha";

        await Invoke(context);

        _seenByNext.ShouldBe((Beta.Id, "beta"));
    }

    [Fact]
    public async Task The_query_string_names_the_tenant_when_no_header_does()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?__tenant=beta");

        await Invoke(context);

        _seenByNext.ShouldBe((Beta.Id, "beta"));
    }

    [Fact]
    public async Task The_subdomain_names_the_tenant_when_a_domain_format_is_configured()
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("beta.example.org");

        await Invoke(context, domainFormat: "{0}.example.org");

        _seenByNext.ShouldBe((Beta.Id, "beta"));
    }

    [Fact]
    public async Task An_anonymous_request_without_a_tenant_runs_on_the_host()
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("example.org");

        await Invoke(context, domainFormat: "{0}.example.org");

        _seenByNext.ShouldBe((null, null));
    }

    [Fact]
    public async Task An_unknown_tenant_is_a_404_naming_the_tenant()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[MultiTenancyConstants.TenantHeader] = "nowhere";

        var error = await Should.ThrowAsync<BusinessException>(() => Invoke(context));

        error.Code.ShouldBe("Saas:TenantNotFound");
        ProblemDetailsExceptionHandler.StatusOf(error.Kind).ShouldBe(404);
        error.Values["tenant"].ShouldBe("nowhere");
        _seenByNext.ShouldBeNull();
    }

    [Fact]
    public async Task A_token_of_one_tenant_with_another_tenant_in_the_header_is_refused()
    {
        var context = new DefaultHttpContext { User = SignedIn(Alpha.Id) };
        context.Request.Headers[MultiTenancyConstants.TenantHeader] = "beta";

        var error = await Should.ThrowAsync<BusinessException>(() => Invoke(context));

        error.Code.ShouldBe("Saas:TenantMismatch");
        ProblemDetailsExceptionHandler.StatusOf(error.Kind).ShouldBe(403);
        _seenByNext.ShouldBeNull();
    }

    [Fact]
    public async Task A_token_of_one_tenant_with_another_tenant_in_the_subdomain_is_refused()
    {
        var context = new DefaultHttpContext { User = SignedIn(Alpha.Id) };
        context.Request.Host = new HostString("beta.example.org");

        var error = await Should.ThrowAsync<BusinessException>(() => Invoke(context, domainFormat: "{0}.example.org"));

        error.Code.ShouldBe("Saas:TenantMismatch");
        ProblemDetailsExceptionHandler.StatusOf(error.Kind).ShouldBe(403);
    }

    [Fact]
    public async Task A_host_token_with_a_tenant_header_is_refused()
    {
        var context = new DefaultHttpContext { User = SignedIn(tenantId: null) };
        context.Request.Headers[MultiTenancyConstants.AlternativeTenantHeader] = "alpha";

        var error = await Should.ThrowAsync<BusinessException>(() => Invoke(context));

        error.Code.ShouldBe("Saas:TenantMismatch");
        ProblemDetailsExceptionHandler.StatusOf(error.Kind).ShouldBe(403);
        _seenByNext.ShouldBeNull();
    }

    [Fact]
    public async Task A_token_tenant_without_a_header_becomes_current()
    {
        var context = new DefaultHttpContext { User = SignedIn(Alpha.Id) };

        await Invoke(context);

        _seenByNext.ShouldBe((Alpha.Id, "alpha"));
    }

    [Fact]
    public async Task A_token_tenant_with_its_own_name_in_the_header_is_accepted()
    {
        var context = new DefaultHttpContext { User = SignedIn(Alpha.Id) };
        context.Request.Headers[MultiTenancyConstants.TenantHeader] = "alpha";

        await Invoke(context);

        _seenByNext.ShouldBe((Alpha.Id, "alpha"));
    }

    [Fact]
    public async Task A_host_token_without_a_tenant_runs_on_the_host()
    {
        var context = new DefaultHttpContext { User = SignedIn(tenantId: null) };

        await Invoke(context);

        _seenByNext.ShouldBe((null, null));
    }

    [Fact]
    public async Task A_token_whose_tenant_no_longer_exists_is_a_401()
    {
        var context = new DefaultHttpContext { User = SignedIn(Guid.Parse("dddddddd-0000-0000-0000-000000000004")) };

        var error = await Should.ThrowAsync<BusinessException>(() => Invoke(context));

        error.Code.ShouldBe("Saas:TenantNotFound");
        ProblemDetailsExceptionHandler.StatusOf(error.Kind).ShouldBe(401);
        _seenByNext.ShouldBeNull();
    }

    [Fact]
    public async Task A_claim_on_an_unauthenticated_principal_is_ignored()
    {
        var identity = new ClaimsIdentity([new Claim(MultiTenancyConstants.TenantIdClaim, Alpha.Id.ToString())]);
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };

        await Invoke(context);

        _seenByNext.ShouldBe((null, null));
    }

    [Fact]
    public async Task An_inactive_tenant_named_in_the_header_is_a_403()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[MultiTenancyConstants.TenantHeader] = "suspended";

        var error = await Should.ThrowAsync<BusinessException>(() => Invoke(context));

        error.Code.ShouldBe("Saas:TenantInactive");
        ProblemDetailsExceptionHandler.StatusOf(error.Kind).ShouldBe(403);
        _seenByNext.ShouldBeNull();
    }

    [Fact]
    public async Task An_inactive_tenant_in_the_token_is_a_403()
    {
        var context = new DefaultHttpContext { User = SignedIn(Suspended.Id) };

        var error = await Should.ThrowAsync<BusinessException>(() => Invoke(context));

        error.Code.ShouldBe("Saas:TenantInactive");
        ProblemDetailsExceptionHandler.StatusOf(error.Kind).ShouldBe(403);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("semi;colon")]
    [InlineData("dot.name")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_tenant_name_of_the_wrong_shape_is_a_404_without_a_lookup(string name)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[MultiTenancyConstants.TenantHeader] = name;
        var store = new CountingTenantStore(_store);

        var middleware = new TenantResolutionMiddleware(_ => Task.CompletedTask, Options.Create(new TenantResolutionOptions()));
        var error = await Should.ThrowAsync<BusinessException>(() => middleware.InvokeAsync(context, _currentTenant, store));

        error.Code.ShouldBe("Saas:TenantNotFound");
        ProblemDetailsExceptionHandler.StatusOf(error.Kind).ShouldBe(404);
        store.Lookups.ShouldBe(0);
    }

    [Fact]
    public async Task After_the_request_the_previous_tenant_is_current_again()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[MultiTenancyConstants.TenantHeader] = "alpha";

        await Invoke(context);

        _seenByNext.ShouldBe((Alpha.Id, "alpha"));
        _currentTenant.Id.ShouldBeNull();
        _currentTenant.Name.ShouldBeNull();
    }

    [Fact]
    public async Task When_the_endpoint_throws_the_previous_tenant_is_current_again()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[MultiTenancyConstants.TenantHeader] = "alpha";
        var middleware = new TenantResolutionMiddleware(
            _ => throw new InvalidOperationException("endpoint failed"),
            Options.Create(new TenantResolutionOptions()));

        await Should.ThrowAsync<InvalidOperationException>(() => middleware.InvokeAsync(context, _currentTenant, _store));

        _currentTenant.Id.ShouldBeNull();
    }

    private Task Invoke(HttpContext context, string? domainFormat = null)
    {
        var middleware = new TenantResolutionMiddleware(
            _ =>
            {
                _seenByNext = (_currentTenant.Id, _currentTenant.Name);
                return Task.CompletedTask;
            },
            Options.Create(new TenantResolutionOptions { DomainFormat = domainFormat }));
        return middleware.InvokeAsync(context, _currentTenant, _store);
    }

    private static ClaimsPrincipal SignedIn(Guid? tenantId)
    {
        var claims = new List<Claim> { new("sub", Guid.NewGuid().ToString()) };
        if (tenantId is { } id)
        {
            claims.Add(new Claim(MultiTenancyConstants.TenantIdClaim, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Bearer"));
    }

    private sealed class InMemoryTenantStore(params TenantInfo[] tenants) : ITenantStore
    {
        public Task<TenantInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken = default)
            => Task.FromResult(Guid.TryParse(nameOrId, out var id)
                ? tenants.SingleOrDefault(t => t.Id == id)
                : tenants.SingleOrDefault(t => string.Equals(t.Name, nameOrId, StringComparison.OrdinalIgnoreCase)));

        public Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default)
            => Task.FromResult(tenants.SingleOrDefault(t => t.Id == id));
    }

    private sealed class CountingTenantStore(ITenantStore inner) : ITenantStore
    {
        public int Lookups { get; private set; }

        public Task<TenantInfo?> FindAsync(string nameOrId, CancellationToken cancellationToken = default)
        {
            Lookups++;
            return inner.FindAsync(nameOrId, cancellationToken);
        }

        public Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default)
        {
            Lookups++;
            return inner.FindAsync(id, cancellationToken);
        }
    }
}
