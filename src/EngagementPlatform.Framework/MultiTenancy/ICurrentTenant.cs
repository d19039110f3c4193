namespace EngagementPlatform.Framework.MultiTenancy;

public interface ICurrentTenant
{
    /// <summary>The tenant's id, or null on the host side.</summary>
    Guid? Id { get; }

    string? Name { get; }

    bool IsAvailable { get; }

    /// <summary>Switches the ambient tenant until the returned handle is disposed (ABP's <c>Change</c>).</summary>
    IDisposable Change(Guid? id, string? name = null);
}

public sealed class CurrentTenant : ICurrentTenant
{
    private static readonly AsyncLocal<TenantScope?> Scope = new();

    public Guid? Id => Scope.Value?.Id;

    public string? Name => Scope.Value?.Name;

    public bool IsAvailable => Id.HasValue;

    public IDisposable Change(Guid? id, string? name = null)
    {
        var previous = Scope.Value;
        Scope.Value = new TenantScope(id, name);
        return new Restore(() => Scope.Value = previous);
    }

    private sealed record TenantScope(Guid? Id, string? Name);

    private sealed class Restore(Action restore) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                restore();
            }
        }
    }
}
