using System.Collections.Concurrent;
using System.Data.Common;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EngagementPlatform.TestBase;

/// <summary>
/// Counts the SQL commands EF Core sends to the database while the host answers HTTP requests, for the query-count
/// test every list endpoint has (docs/adding-a-module.md, "Lists"). Each command is one round trip (a batched save
/// counts once). Commands sent outside a request (background services, seeding) are not recorded. Register it with
/// <see cref="SqlStatementCounterServices.AddSqlStatementCounter"/> in a fixture's <c>ConfigureServices</c>, or
/// use <see cref="QueryCountFixture"/>.
/// </summary>
public sealed class SqlStatementCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    private Recording? _recording;

    /// <summary>Starts recording; every command sent while answering a request goes to the returned recording until it is disposed.</summary>
    public Recording Record()
    {
        var recording = new Recording(this);
        Volatile.Write(ref _recording, recording);
        return recording;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    private void Add(DbCommand command)
    {
        if (Volatile.Read(ref _recording) is { } recording && http.HttpContext is { } context)
        {
            recording.Add(new SqlStatement(context.Request.Method, context.Request.Path.Value ?? string.Empty, command.CommandText, HandlerTracking.Current));
        }
    }

    private void Stop(Recording recording) => Interlocked.CompareExchange(ref _recording, null, recording);

    /// <summary>The commands sent while answering requests, in the order they were sent.</summary>
    public sealed class Recording(SqlStatementCounter counter) : IDisposable
    {
        private readonly ConcurrentQueue<SqlStatement> _statements = new();

        public IReadOnlyList<SqlStatement> Statements => [.. _statements];

        /// <summary>The commands sent for requests to <paramref name="path"/> (the path without its query string).</summary>
        public IReadOnlyList<SqlStatement> For(string path) => [.. _statements.Where(s => string.Equals(s.Path, path, StringComparison.Ordinal))];

        public void Clear() => _statements.Clear();

        public void Dispose() => counter.Stop(this);

        internal void Add(SqlStatement statement) => _statements.Enqueue(statement);
    }
}

/// <summary>
/// One command the host sent while answering <see cref="Method"/> <see cref="Path"/>; <see cref="Message"/> names the
/// Mediator message (e.g. <c>GetRolesQuery</c>) whose handler sent it, or is null for what the request costs around
/// the handler (authentication, permission and tenant lookups).
/// </summary>
public sealed record SqlStatement(string Method, string Path, string Sql, string? Message = null)
{
    /// <summary>Whether the command reads or writes a table of <paramref name="schema"/> (e.g. <c>governance</c>).</summary>
    public bool Touches(string schema) => Sql.Contains($"{schema}.", StringComparison.Ordinal) || Sql.Contains($"\"{schema}\".", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path}: {Sql}";
}

public static class SqlStatementCounterServices
{
    /// <summary>Adds <see cref="SqlStatementCounter"/> to the host's EF Core interceptors (the persistence layer adds every registered <see cref="IInterceptor"/>).</summary>
    public static IServiceCollection AddSqlStatementCounter(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(HandlerTracking.Behavior<,>));
        services.AddSingleton<SqlStatementCounter>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqlStatementCounter>());
        return services;
    }
}

/// <summary>Two partnerships (<see cref="TwoTenantFixture"/>) whose host counts its SQL commands (<see cref="Sql"/>).</summary>
public class QueryCountFixture : TwoTenantFixture
{
    public SqlStatementCounter Sql => Factory.Services.GetRequiredService<SqlStatementCounter>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSqlStatementCounter();
}

/// <summary>Which Mediator message's handler is running on this flow, so a statement can be put down to the handler that sent it.</summary>
public static class HandlerTracking
{
    private static readonly AsyncLocal<string?> Running = new();

    /// <summary>The outermost message being handled on this flow, or null outside any handler.</summary>
    public static string? Current => Running.Value;

    /// <summary>Marks the flow with the message's type name while its handler (and what it sends) runs.</summary>
    public sealed class Behavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
        where TMessage : notnull, IMessage
    {
        public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        {
            if (Running.Value is not null)
            {
                return await next(message, cancellationToken);
            }

            Running.Value = typeof(TMessage).Name;
            try
            {
                return await next(message, cancellationToken);
            }
            finally
            {
                Running.Value = null;
            }
        }
    }
}
