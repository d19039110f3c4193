using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EngagementPlatform.EntityFrameworkCore;

/// <summary>Used by <c>dotnet ef migrations add</c> only.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EngagementPlatformDbContext>
{
    public EngagementPlatformDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EngagementPlatformDbContext>();
        PersistenceServiceCollectionExtensions.Configure(
            builder,
            Environment.GetEnvironmentVariable("ConnectionStrings__Default") ?? "Host=127.0.0.1;Port=5433;Database=engagementplatform;Username=postgres");
        var context = new EngagementPlatformDbContext(builder.Options);
        context.Bind(new CurrentTenant(), new NoUser(), new SystemClock(TimeProvider.System));
        return context;
    }

    private sealed class NoUser : ICurrentUser
    {
        public bool IsAuthenticated => false;

        public Guid? Id => null;

        public string? UserName => null;

        public Guid? TenantId => null;

        public IReadOnlyList<string> Roles => [];

        public bool IsInRole(string role) => false;
    }
}
