using System.Data.Common;
using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EngagementPlatform.SaaS.Tests;

/// <summary>A host whose next read of <c>saas.tenants</c> runs an action between reading the row and returning it.</summary>
public sealed class TenantReadHookFixture : ApiFixture
{
    public TenantReadHook Hook { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(Hook);
}

public sealed class TenantReadHook : DbCommandInterceptor
{
    private Func<Task>? _next;

    public void OnNextTenantRead(Func<Task> action) => Volatile.Write(ref _next, action);

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("saas.tenants", StringComparison.Ordinal) && Interlocked.Exchange(ref _next, null) is { } action)
        {
            await action();
        }

        return result;
    }
}

/// <summary>
/// The per-node tenant cache: a suspension, rename or deletion applies on this node from the very next request,
/// even to a token and a tenant the cache already holds (docs/security.md "Access tokens and caches").
/// </summary>
public sealed class TenantCacheChangeTests(TenantReadHookFixture app) : IClassFixture<TenantReadHookFixture>
{
    [Fact]
    public async Task A_lookup_that_overlapped_a_suspension_is_not_kept_in_the_cache()
    {
        var id = await app.CreateTenantAsync("racy");
        var cache = app.Factory.Services.GetRequiredService<TenantCache>();
        cache.Evict(id, "racy");
        // Another request suspends the partnership and evicts it after this lookup read the row, before it caches it.
        app.Hook.OnNextTenantRead(async () =>
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE saas.tenants SET is_active = false WHERE id = @id", connection);
            update.Parameters.AddWithValue("id", id);
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
            cache.Evict(id, "racy");
        });

        using var scope = app.Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ITenantStore>();
        (await store.FindAsync(id)).ShouldNotBeNull().IsActive.ShouldBeTrue(); // read before the change
        (await store.FindAsync(id)).ShouldNotBeNull().IsActive.ShouldBeFalse(); // not the stale copy
        (await store.FindAsync(id)).ShouldNotBeNull().IsActive.ShouldBeFalse(); // and this one is cached
    }

    [Fact]
    public async Task Deleting_a_partnership_refuses_a_token_and_a_name_the_cache_held_at_once()
    {
        var id = await app.CreateTenantAsync("gone");
        using var admin = app.Anonymous(); // the token alone names the partnership (by id)
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("gone", "admin"));
        using var named = app.Anonymous("gone");
        (await admin.GetAsync("/api/identity/my-profile")).StatusCode.ShouldBe(HttpStatusCode.OK); // cached by id
        (await named.GetAsync("/api/app/configuration")).StatusCode.ShouldBe(HttpStatusCode.OK); // cached by name

        using var host = await app.HostAdminAsync();
        (await host.DeleteAsync($"/api/saas/tenants/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await admin.GetAsync("/api/identity/my-profile")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Saas:TenantNotFound");
        await (await named.GetAsync("/api/app/configuration")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Saas:TenantNotFound");
    }

    [Fact]
    public async Task Renaming_a_partnership_frees_the_old_name_and_answers_to_the_new_one_at_once()
    {
        var id = await app.CreateTenantAsync("before");
        using (var old = app.Anonymous("before"))
        {
            (await old.GetAsync("/api/app/configuration")).StatusCode.ShouldBe(HttpStatusCode.OK); // cached by name
        }

        using (var early = app.Anonymous("after"))
        {
            await (await early.GetAsync("/api/app/configuration")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Saas:TenantNotFound"); // "no such tenant" cached
        }

        using var host = await app.HostAdminAsync();
        await (await host.PutAsJsonAsync($"/api/saas/tenants/{id}", new { name = "after" })).ShouldBeSuccessAsync();

        using var renamed = app.Anonymous("after");
        (await renamed.GetAsync("/api/app/configuration")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stale = app.Anonymous("before");
        await (await stale.GetAsync("/api/app/configuration")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "Saas:TenantNotFound");
    }
}
