namespace EngagementPlatform.Framework.UnitOfWork;

/// <summary>
/// One database transaction for one command. Saving publishes the domain events raised on aggregates inside the
/// same transaction (handlers may change more data; those changes are saved too), so a change and everything it
/// causes (an outbox row, seeded roles) commit or roll back together.
/// </summary>
public interface IUnitOfWork
{
    bool IsActive { get; }

    Task<IUnitOfWorkScope> BeginAsync(CancellationToken cancellationToken = default);

    Task SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="action"/> once the current transaction has committed (never if it rolls back), e.g. to
    /// wake a job that reads what was just written. Without an active unit of work it runs at once.
    /// </summary>
    Task OnCommittedAsync(Func<Task> action);
}

public interface IUnitOfWorkScope : IAsyncDisposable
{
    /// <summary>Saves, publishes pending domain events and commits. Disposing without completing rolls back.</summary>
    Task CompleteAsync(CancellationToken cancellationToken = default);
}
