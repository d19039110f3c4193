using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Framework.Tests;

public sealed class TenantFromHostTests
{
    [Theory]
    [InlineData("alpha.example.org", "{0}.example.org", "alpha")]
    [InlineData("ALPHA.Example.ORG", "{0}.example.org", "ALPHA")]
    [InlineData("alpha.EXAMPLE.org", "{0}.Example.Org", "alpha")]
    [InlineData("app-alpha.example.org", "app-{0}.example.org", "alpha")]
    [InlineData("x.example.org", "{0}.example.org", "x")]
    public void Names_the_tenant_in_place_of_the_placeholder(string host, string format, string expected)
        => TenantResolutionMiddleware.TenantFromHost(host, format).ShouldBe(expected);

    [Theory]
    [InlineData("example.org", "{0}.example.org")]
    [InlineData(".example.org", "{0}.example.org")]
    [InlineData("a.b.example.org", "{0}.example.org")]
    [InlineData("alpha.example.com", "{0}.example.org")]
    [InlineData("alpha.notexample.org", "{0}.example.org")]
    [InlineData("alpha.example.org.evil.com", "{0}.example.org")]
    [InlineData("localhost", "{0}.example.org")]
    [InlineData("alpha.example.org", "")]
    [InlineData("alpha.example.org", "   ")]
    [InlineData("alpha.example.org", null)]
    [InlineData("alpha.example.org", "example.org")]
    public void Returns_null_when_the_host_does_not_name_a_tenant(string host, string? format)
        => TenantResolutionMiddleware.TenantFromHost(host, format).ShouldBeNull();
}
