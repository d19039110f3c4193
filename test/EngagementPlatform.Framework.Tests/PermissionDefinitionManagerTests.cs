using EngagementPlatform.Framework.Permissions;

namespace EngagementPlatform.Framework.Tests;

public sealed class PermissionDefinitionManagerTests
{
    private sealed class SaasPermissions : IPermissionDefinitionProvider
    {
        public void Define(PermissionDefinitionContext context)
        {
            context.Add("Saas.Tenants", "Manage partnerships", "Administrar alianzas", MultiTenancySides.Host, "admin");
            context.Add("Identity.Users", "Manage users", "Administrar usuarios", MultiTenancySides.Both, "admin");
        }
    }

    private sealed class GovernancePermissions : IPermissionDefinitionProvider
    {
        public void Define(PermissionDefinitionContext context)
        {
            context.Add("Governance.Councils", "Manage councils", "Administrar consejos", MultiTenancySides.Tenant, "admin", "coordinator");
            context.Add("Governance.Vote", "Vote", "Votar", MultiTenancySides.Tenant);
        }
    }

    private readonly PermissionDefinitionManager _manager = new([new SaasPermissions(), new GovernancePermissions()]);

    [Fact]
    public void The_host_sees_host_only_and_shared_permissions()
        => _manager.ForSide(tenantId: null).Select(p => p.Name).ShouldBe(["Saas.Tenants", "Identity.Users"]);

    [Fact]
    public void A_tenant_sees_tenant_only_and_shared_permissions()
        => _manager.ForSide(Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001")).Select(p => p.Name)
            .ShouldBe(["Identity.Users", "Governance.Councils", "Governance.Vote"]);

    [Fact]
    public void All_lists_every_provider_in_order()
        => _manager.All.Select(p => p.Name).ShouldBe(["Saas.Tenants", "Identity.Users", "Governance.Councils", "Governance.Vote"]);

    [Fact]
    public void Find_returns_the_definition_with_its_side_and_default_roles()
    {
        var definition = _manager.Find("Governance.Councils").ShouldNotBeNull();

        definition.DisplayName.ShouldBe("Manage councils");
        definition.DisplayNameEs.ShouldBe("Administrar consejos");
        definition.Side.ShouldBe(MultiTenancySides.Tenant);
        definition.DefaultRoles.ShouldBe(["admin", "coordinator"]);
        _manager.Find("Governance.Vote").ShouldNotBeNull().DefaultRoles.ShouldBeEmpty();
    }

    [Fact]
    public void Find_is_exact_about_names()
    {
        _manager.Find("governance.councils").ShouldBeNull();
        _manager.Find("Governance.Unknown").ShouldBeNull();
    }

    [Fact]
    public void Two_providers_defining_the_same_name_fail_at_start_up()
        => Should.Throw<ArgumentException>(() => new PermissionDefinitionManager([new SaasPermissions(), new SaasPermissions()]));
}
