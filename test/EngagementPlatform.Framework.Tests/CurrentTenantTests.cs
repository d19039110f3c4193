using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Framework.Tests;

public sealed class CurrentTenantTests
{
    private static readonly Guid Alpha = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid Beta = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");

    private readonly CurrentTenant _tenant = new();

    [Fact]
    public void Host_side_when_nothing_was_changed()
    {
        _tenant.Id.ShouldBeNull();
        _tenant.Name.ShouldBeNull();
        _tenant.IsAvailable.ShouldBeFalse();
    }

    [Fact]
    public void Change_sets_id_and_name_until_disposed()
    {
        using (_tenant.Change(Alpha, "alpha"))
        {
            _tenant.Id.ShouldBe(Alpha);
            _tenant.Name.ShouldBe("alpha");
            _tenant.IsAvailable.ShouldBeTrue();
        }

        _tenant.Id.ShouldBeNull();
        _tenant.Name.ShouldBeNull();
        _tenant.IsAvailable.ShouldBeFalse();
    }

    [Fact]
    public void Nested_changes_restore_the_enclosing_tenant_including_the_host()
    {
        using (_tenant.Change(Alpha, "alpha"))
        {
            using (_tenant.Change(Beta, "beta"))
            {
                _tenant.Id.ShouldBe(Beta);
                _tenant.Name.ShouldBe("beta");

                using (_tenant.Change(null))
                {
                    _tenant.Id.ShouldBeNull();
                    _tenant.Name.ShouldBeNull();
                    _tenant.IsAvailable.ShouldBeFalse();
                }

                _tenant.Id.ShouldBe(Beta);
            }

            _tenant.Id.ShouldBe(Alpha);
            _tenant.Name.ShouldBe("alpha");
        }

        _tenant.Id.ShouldBeNull();
    }

    [Fact]
    public void Disposing_twice_does_not_undo_a_later_change()
    {
        using var outer = _tenant.Change(Alpha, "alpha");
        var inner = _tenant.Change(Beta, "beta");
        inner.Dispose();
        _tenant.Id.ShouldBe(Alpha);

        using var later = _tenant.Change(Beta, "beta-again");
        inner.Dispose();

        _tenant.Id.ShouldBe(Beta);
        _tenant.Name.ShouldBe("beta-again");
    }

    [Fact]
    public void Every_instance_sees_the_same_ambient_tenant()
    {
        var other = new CurrentTenant();
        using (_tenant.Change(Alpha, "alpha"))
        {
            other.Id.ShouldBe(Alpha);
        }

        other.Id.ShouldBeNull();
    }

    [Fact]
    public async Task Parallel_async_flows_each_see_only_their_own_tenant()
    {
        using var bothChanged = new Barrier(2);

        async Task<(Guid? Before, Guid? After, string? Name)> Flow(Guid id, string name)
        {
            await Task.Yield();
            using (_tenant.Change(id, name))
            {
                var before = _tenant.Id;
                // Both flows hold their change at the same time before reading again.
                bothChanged.SignalAndWait(TimeSpan.FromSeconds(10)).ShouldBeTrue();
                await Task.Delay(10);
                return (before, _tenant.Id, _tenant.Name);
            }
        }

        var alpha = Task.Run(() => Flow(Alpha, "alpha"));
        var beta = Task.Run(() => Flow(Beta, "beta"));
        var results = await Task.WhenAll(alpha, beta);

        results[0].ShouldBe((Alpha, Alpha, "alpha"));
        results[1].ShouldBe((Beta, Beta, "beta"));
        _tenant.Id.ShouldBeNull();
    }

    [Fact]
    public async Task A_change_inside_an_awaited_call_does_not_leak_to_the_caller()
    {
        async Task ChangeWithoutDisposing()
        {
            await Task.Yield();
            _tenant.Change(Alpha, "alpha");
            _tenant.Id.ShouldBe(Alpha);
        }

        await ChangeWithoutDisposing();

        _tenant.Id.ShouldBeNull();
    }
}
