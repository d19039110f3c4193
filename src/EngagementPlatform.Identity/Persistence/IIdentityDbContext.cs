using EngagementPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity.Persistence;

/// <summary>The Identity module's tables, implemented by the one application DbContext.</summary>
public interface IIdentityDbContext
{
    DbSet<User> Users { get; }

    DbSet<Role> Roles { get; }

    DbSet<IdentityUserRole<Guid>> UserRoles { get; }

    DbSet<PermissionGrant> PermissionGrants { get; }

    /// <summary>For the row lock that serializes counting against a plan limit (see ActiveMemberLimit).</summary>
    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }
}
