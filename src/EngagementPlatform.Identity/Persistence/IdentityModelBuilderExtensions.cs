using EngagementPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Identity.Persistence;

public static class IdentityModelBuilderExtensions
{
    public const string Schema = "identity";

    /// <summary>ASP.NET Core Identity's tables, made per tenant, plus permission grants and OpenIddict's tables.</summary>
    public static void ConfigureIdentity(this ModelBuilder builder)
    {
        builder.Entity<User>(b =>
        {
            b.ToTable("users", Schema);
            b.HasKey(u => u.Id);
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.Property(u => u.Name).HasMaxLength(128);
            b.Property(u => u.PreferredLanguage).HasMaxLength(8);
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique().AreNullsDistinct(false).HasFilter("NOT is_deleted");
            b.HasIndex(u => new { u.TenantId, u.NormalizedEmail });
            // The users list's default order (user name, then id) within a partnership: the page is read off the index.
            b.HasIndex(u => new { u.TenantId, u.UserName, u.Id });
            b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(ur => ur.UserId).IsRequired();
            b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(uc => uc.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(ul => ul.UserId).IsRequired();
            b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(ut => ut.UserId).IsRequired();
        });

        builder.Entity<Role>(b =>
        {
            b.ToTable("roles", Schema);
            b.HasKey(r => r.Id);
            b.Property(r => r.Name).HasMaxLength(64);
            b.Property(r => r.NormalizedName).HasMaxLength(64);
            b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            b.HasIndex(r => new { r.TenantId, r.NormalizedName }).IsUnique().AreNullsDistinct(false);
            b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(ur => ur.RoleId).IsRequired();
            b.HasMany<IdentityRoleClaim<Guid>>().WithOne().HasForeignKey(rc => rc.RoleId).IsRequired();
        });

        builder.Entity<IdentityUserRole<Guid>>(b =>
        {
            b.ToTable("user_roles", Schema);
            b.HasKey(ur => new { ur.UserId, ur.RoleId });
        });
        builder.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("user_claims", Schema);
            b.HasKey(uc => uc.Id);
        });
        builder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("user_logins", Schema);
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        });
        builder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("user_tokens", Schema);
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        });
        builder.Entity<IdentityRoleClaim<Guid>>(b =>
        {
            b.ToTable("role_claims", Schema);
            b.HasKey(rc => rc.Id);
        });

        builder.Entity<PermissionGrant>(b =>
        {
            b.ToTable("permission_grants", Schema);
            b.HasKey(g => g.Id);
            b.Property(g => g.Name).HasMaxLength(128);
            b.HasIndex(g => new { g.TenantId, g.RoleId, g.Name }).IsUnique().AreNullsDistinct(false);
            b.HasOne<Role>().WithMany().HasForeignKey(g => g.RoleId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.UseOpenIddict<Guid>();
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) == true))
        {
            entity.SetSchema(Schema);
        }
    }
}
