using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.UnitOfWork;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore.Storage;

namespace EngagementPlatform.EntityFrameworkCore;

internal sealed class EfUnitOfWork(EngagementPlatformDbContext db, IPublisher publisher, ILogger<EfUnitOfWork> logger) : IUnitOfWork
{
    private const int MaxEventRounds = 16;
    private readonly List<Func<Task>> _onCommitted = [];
    private IDbContextTransaction? _transaction;

    public bool IsActive => _transaction is not null;

    private EngagementPlatformDbContext Db => db;

    public async Task<IUnitOfWorkScope> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A unit of work is already active in this scope.");
        }

        _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new Scope(this);
    }

    public Task OnCommittedAsync(Func<Task> action)
    {
        if (_transaction is null)
        {
            return action();
        }

        _onCommitted.Add(action);
        return Task.CompletedTask;
    }

    private async Task RunCommittedActionsAsync()
    {
        var actions = _onCommitted.ToList();
        _onCommitted.Clear();
        foreach (var action in actions)
        {
            try
            {
                await action();
            }
            catch (Exception exception)
            {
                // The change is committed; a failed follow-up (waking a job) must not turn it into an error.
                logger.LogWarning(exception, "An action after commit failed");
            }
        }
    }

    public async Task SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        // Handlers of an event may raise more events; keep going until nothing is left, within reason.
        for (var round = 0; round < MaxEventRounds; round++)
        {
            var aggregates = db.ChangeTracker.Entries<IHasDomainEvents>()
                .Select(e => e.Entity)
                .Where(e => e.DomainEvents.Count > 0)
                .ToList();
            var events = aggregates.SelectMany(a => a.DomainEvents).ToList();
            aggregates.ForEach(a => a.ClearDomainEvents());

            await db.SaveChangesAsync(cancellationToken);
            if (events.Count == 0)
            {
                return;
            }

            foreach (var domainEvent in events)
            {
                await publisher.Publish((object)domainEvent, cancellationToken);
            }
        }

        throw new InvalidOperationException($"Domain events kept raising events after {MaxEventRounds} rounds.");
    }

    private sealed class Scope(EfUnitOfWork owner) : IUnitOfWorkScope
    {
        private bool _completed;

        public async Task CompleteAsync(CancellationToken cancellationToken = default)
        {
            await owner.SaveChangesAsync(cancellationToken);
            await owner._transaction!.CommitAsync(cancellationToken);
            _completed = true;
            await owner._transaction.DisposeAsync();
            owner._transaction = null;
            await owner.RunCommittedActionsAsync();
        }

        public async ValueTask DisposeAsync()
        {
            var transaction = owner._transaction;
            owner._transaction = null;
            if (transaction is null)
            {
                return;
            }

            if (!_completed)
            {
                owner._onCommitted.Clear();
                await transaction.RollbackAsync();
                // Nothing tracked may leak into a later save of the same scope after a rollback.
                owner.Db.ChangeTracker.Clear();
            }

            await transaction.DisposeAsync();
        }
    }
}
