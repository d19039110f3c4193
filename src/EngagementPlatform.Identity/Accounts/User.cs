using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.MultiTenancy;
using Microsoft.AspNetCore.Identity;

namespace EngagementPlatform.Identity.Accounts;

// Accounts, roles and grants are ASP.NET Core Identity's entities (they derive from its types), so they live here and
// not under Domain/, which stays free of ASP.NET Core. The project imports this namespace for every file.

/// <summary>A person who signs in to one tenant (or, with no tenant, to the host).</summary>
[Audited]
public sealed class User : IdentityUser<Guid>, IMultiTenant, IHasCreationAudit, IHasModificationAudit, ISoftDelete
{
    public Guid? TenantId { get; set; }

    /// <summary>The person's name as they want it shown.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><c>en</c> or <c>es</c>: picks the language of the UI and of emails.</summary>
    public string PreferredLanguage { get; set; } = "en";

    public bool IsActive { get; set; } = true;

    /// <summary>
    /// The password was set by someone else (seeding, an admin creating the user or resetting the password): the
    /// person must choose their own before they get a token.
    /// </summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletionTime { get; set; }

    public Guid? DeleterId { get; set; }
}

public sealed class Role : IdentityRole<Guid>, IMultiTenant
{
    public Guid? TenantId { get; set; }

    /// <summary>Seeded roles (admin, staff, finance, member) cannot be deleted or renamed.</summary>
    public bool IsStatic { get; set; }
}

/// <summary>A permission granted to a role inside one tenant.</summary>
[Audited]
public sealed class PermissionGrant : IMultiTenant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? TenantId { get; set; }

    public Guid RoleId { get; set; }

    public string Name { get; set; } = string.Empty;
}
