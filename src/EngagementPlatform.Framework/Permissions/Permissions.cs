namespace EngagementPlatform.Framework.Permissions;

[Flags]
public enum MultiTenancySides
{
    Host = 1,
    Tenant = 2,
    Both = Host | Tenant,
}

/// <summary>A permission a role can be granted. <see cref="DefaultRoles"/> receive it when a tenant (or the host) is seeded.</summary>
public sealed record PermissionDefinition(
    string Name,
    string DisplayName,
    string DisplayNameEs,
    MultiTenancySides Side,
    IReadOnlyList<string> DefaultRoles);

/// <summary>Each module declares its permissions in one provider.</summary>
public interface IPermissionDefinitionProvider
{
    void Define(PermissionDefinitionContext context);
}

public sealed class PermissionDefinitionContext
{
    internal List<PermissionDefinition> Definitions { get; } = [];

    public void Add(string name, string displayName, string displayNameEs, MultiTenancySides side, params string[] defaultRoles)
        => Definitions.Add(new PermissionDefinition(name, displayName, displayNameEs, side, defaultRoles));
}

public sealed class PermissionDefinitionManager
{
    private readonly Dictionary<string, PermissionDefinition> _definitions;

    public PermissionDefinitionManager(IEnumerable<IPermissionDefinitionProvider> providers)
    {
        var context = new PermissionDefinitionContext();
        foreach (var provider in providers)
        {
            provider.Define(context);
        }

        _definitions = context.Definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        All = context.Definitions;
    }

    public IReadOnlyList<PermissionDefinition> All { get; }

    public PermissionDefinition? Find(string name) => _definitions.GetValueOrDefault(name);

    /// <summary>The permissions' display names as texts of the one localization path: <c>Permission:Name</c>.</summary>
    public Localization.LocalizationResource Texts()
    {
        var texts = new Localization.LocalizationResource();
        foreach (var definition in All)
        {
            texts.Add(DisplayNameKey(definition.Name), (definition.DisplayName, definition.DisplayNameEs));
        }

        return texts;
    }

    public static string DisplayNameKey(string permission) => $"Permission:{permission}";

    public IEnumerable<PermissionDefinition> ForSide(Guid? tenantId)
        => All.Where(d => d.Side.HasFlag(tenantId is null ? MultiTenancySides.Host : MultiTenancySides.Tenant));
}

/// <summary>Answers whether the current user holds a permission in the current tenant. Implemented by Identity.</summary>
public interface IPermissionChecker
{
    Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default);
}
