using EngagementPlatform.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EngagementPlatform.TestBase;

/// <summary>
/// Databases on the one PostgreSQL cluster the test script starts (<c>EP_TEST_PG</c>). The first use in a test
/// process migrates and seeds a template database; every test class then gets its own copy
/// (<c>CREATE DATABASE … TEMPLATE</c>, a file copy that takes milliseconds), so classes run in parallel and
/// never see each other's rows.
/// </summary>
public static class TestDatabase
{
    public const string ServerVariable = "EP_TEST_PG";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable)
        ?? throw new InvalidOperationException(
            $"{ServerVariable} is not set. Run the tests with etc/scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");

    public static string ConnectionString(string database)
        => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true, MaxPoolSize = 30 }.ConnectionString;

    public static async Task<string> CreateAsync()
    {
        var template = await EnsureTemplateAsync();
        var name = "ep_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionString(name);
    }

    /// <summary>A database with nothing in it (no migrations), e.g. to see the host report itself not ready.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = "ep_empty_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        if (_template is not null)
        {
            return _template;
        }

        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var name = "ep_template_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
            var connectionString = ConnectionString(name);
            await using (var factory = new ApiFactory(connectionString))
            {
                _ = factory.Server; // builds the host, which also creates Hangfire's schema
                var configuration = (IConfiguration)factory.Services.GetService(typeof(IConfiguration))!;
                await DatabaseInitializer.MigrateAsync(factory.Services, NullLogger.Instance);
                await DatabaseInitializer.SeedHostAsync(factory.Services, configuration, NullLogger.Instance);
            }

            // A template must have no open sessions when it is copied.
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
            _template = name;
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
