namespace EngagementPlatform.Identity.Tests;

/// <summary>
/// The Identity lists follow the list pattern (docs/adding-a-module.md, "Lists"): whatever the page size and however
/// many users or roles there are, each handler sends a fixed number of statements (the count and the page, role and
/// permission names folded into the page as subqueries), and the users list reads no password hash, stamp or token.
/// </summary>
public sealed class IdentityListQueryCountTests(QueryCountFixture app) : IClassFixture<QueryCountFixture>
{
    private static readonly string[] UserSecretColumns = ["password_hash", "security_stamp", "user_tokens"];

    [Fact]
    public async Task The_users_list_sends_two_statements_for_any_page_size_and_any_number_of_users()
    {
        var id = await app.CreateUserAsync("alpha", "qc-00", "member", "staff");
        using var admin = await app.ClientAsync("alpha", "admin");
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, "/api/identity/users", "GetUsersQuery", expected: 2,
            fewRows: 1,
            grow: async () =>
            {
                await TestRows.CopyAsync(app.ConnectionString, "identity.users", $"id = '{id}'", 29,
                    "id = md5('qc-user-' || copy_n)::uuid, user_name = 'qc-' || lpad(copy_n::text, 2, '0'), normalized_user_name = 'QC-' || lpad(copy_n::text, 2, '0'), "
                    + "email = 'qc-' || copy_n || '@alpha.test', normalized_email = 'QC-' || copy_n || '@ALPHA.TEST'");
                await TestRows.CopyAsync(app.ConnectionString, "identity.user_roles", $"user_id = '{id}'", 29, "user_id = md5('qc-user-' || copy_n)::uuid");
            },
            manyRows: 30,
            query: "filter=qc-",
            secretColumns: UserSecretColumns,
            secretValues: () => TestRows.ReadAsync(app.ConnectionString, $"SELECT password_hash FROM identity.users WHERE id = '{id}'").GetAwaiter().GetResult());
        foreach (var item in JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items").EnumerateArray())
        {
            item.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["member", "staff"]);
        }

        foreach (var query in new[] { "sorting=email%20desc", "filter=qc-&sorting=creationTime" })
        {
            (await app.Sql.MeasureAsync(admin, "/api/identity/users", "GetUsersQuery", 25, query)).Handler.Count.ShouldBe(2, query);
        }
    }

    [Fact]
    public async Task The_roles_list_sends_two_statements_for_any_page_size_and_any_number_of_roles()
    {
        using var admin = await app.ClientAsync("beta", "admin");
        var seeded = (await (await admin.GetAsync("/api/identity/roles?maxResultCount=1000")).ReadJsonAsync()).GetProperty("totalCount").GetInt64();
        var member = (await TestRows.ReadAsync(app.ConnectionString, $"SELECT id FROM identity.roles WHERE tenant_id = '{app.BetaId}' AND normalized_name = 'MEMBER'")).Single();
        var grants = await TestRows.ReadAsync(app.ConnectionString, $"SELECT name FROM identity.permission_grants WHERE role_id = '{member}' ORDER BY name");
        grants.ShouldNotBeEmpty();
        var copies = 30 - (int)seeded;
        var costs = await app.Sql.ShouldCostFixedAsync(
            admin, "/api/identity/roles", "GetRolesQuery", expected: 2,
            fewRows: seeded,
            grow: async () =>
            {
                await TestRows.CopyAsync(app.ConnectionString, "identity.roles", $"id = '{member}'", copies,
                    "id = md5('qc-role-' || copy_n)::uuid, name = 'qc-' || lpad(copy_n::text, 2, '0'), normalized_name = 'QC-' || lpad(copy_n::text, 2, '0'), is_static = false");
                await TestRows.CopyAsync(app.ConnectionString, "identity.permission_grants", $"role_id = '{member}'", copies, "id = gen_random_uuid(), role_id = md5('qc-role-' || copy_n)::uuid");
            },
            manyRows: 30);
        var items = JsonDocument.Parse(costs[^1].Body).RootElement.GetProperty("items").EnumerateArray().ToList();
        items.Where(r => r.GetProperty("name").GetString()!.StartsWith("qc-", StringComparison.Ordinal)).ShouldNotBeEmpty();
        items.Where(r => r.GetProperty("name").GetString()!.StartsWith("qc-", StringComparison.Ordinal))
            .ShouldAllBe(r => r.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).SequenceEqual(grants));
    }

    [Fact]
    public async Task The_permissions_list_sends_no_statement()
    {
        using var admin = await app.ClientAsync("alpha", "admin");
        var total = (await (await admin.GetAsync("/api/identity/permissions")).ReadJsonAsync()).GetProperty("totalCount").GetInt64();
        total.ShouldBeGreaterThan(5);
        await app.Sql.ShouldCostFixedAsync(admin, "/api/identity/permissions", "GetPermissionDefinitionsQuery", expected: 0, fewRows: total, grow: () => Task.CompletedTask, manyRows: total);
    }
}
