using System.Linq.Expressions;
using EngagementPlatform.AuditLogging.Domain;
using EngagementPlatform.AuditLogging.Persistence;
using EngagementPlatform.Compensation.Domain;
using EngagementPlatform.Compensation.Persistence;
using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Governance.Domain;
using EngagementPlatform.Governance.Domain.Councils;
using EngagementPlatform.Governance.Domain.Decisions;
using EngagementPlatform.Governance.Domain.Diversity;
using EngagementPlatform.Governance.Domain.Meetings;
using EngagementPlatform.Governance.Persistence;
using EngagementPlatform.Identity.Accounts;
using EngagementPlatform.Identity.Domain;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Identity.Persistence;
using EngagementPlatform.SaaS.Domain;
using EngagementPlatform.SaaS.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EngagementPlatform.EntityFrameworkCore;

/// <summary>
/// The one DbContext of the application (ABP's ReplaceDbContext): it implements every module's DbContext
/// interface, so one request is one transaction across modules. Each module keeps its own schema.
/// <para>
/// Instances are pooled (<see cref="PersistenceServiceCollectionExtensions"/>): the constructor takes only the
/// options, and whom a lease works for (the tenant the filters read, the user and clock the saves stamp) is
/// bound when a scope leases the context (<see cref="ScopedContextLease"/>) and cleared when it goes back to the
/// pool. A context used without being bound refuses to query or save rather than guess a tenant.
/// </para>
/// </summary>
public sealed class EngagementPlatformDbContext(DbContextOptions<EngagementPlatformDbContext> options)
    : DbContext(options), IIdentityDbContext, ISaasDbContext, IGovernanceDbContext, INotificationsDbContext, IAuditLoggingDbContext, ICompensationDbContext, IDataProtectionKeyContext,
      ICompensationStripeDbContext, EngagementPlatform.SaaS.Webhooks.IStripeWebhookEventsDbContext,
      IDataSharingDbContext
{
    private ICurrentTenant? _currentTenant;
    private ICurrentUser? _currentUser;
    private IClock? _clock;

    /// <summary>The scope lease that owns this instance now; while it is set, only the lease returns it to the pool.</summary>
    private ScopedContextLease? _owner;

    /// <summary>Who the context's work is done for, as its scope sees it (the auditing interceptor reads it here).</summary>
    internal ICurrentUser CurrentUser => _currentUser ?? throw NotBound();

    /// <summary>The clock the context stamps changes with.</summary>
    internal IClock Clock => _clock ?? throw NotBound();

    private ICurrentTenant CurrentTenant => _currentTenant ?? throw NotBound();

    /// <summary>Whether a lease's tenant, user and clock are bound now (false in the pool).</summary>
    internal bool IsBound => _currentTenant is not null;

    /// <summary>Binds the tenant, user and clock of the scope (or tool) that uses this instance.</summary>
    internal void Bind(ICurrentTenant currentTenant, ICurrentUser currentUser, IClock clock, ScopedContextLease? owner = null)
    {
        if (IsBound)
        {
            throw new InvalidOperationException("This context is already bound to a scope; a pooled context serves one scope at a time.");
        }

        _currentTenant = currentTenant;
        _currentUser = currentUser;
        _clock = clock;
        _owner = owner;
    }

    private void Unbind()
    {
        _currentTenant = null;
        _currentUser = null;
        _clock = null;
        _owner = null;
    }

    private static InvalidOperationException NotBound()
        => new("This EngagementPlatformDbContext is not bound to a scope's tenant, user and clock: resolve it from a scope (not from IDbContextFactory).");

    /// <summary>
    /// While a scope's lease owns the context, disposing it is a no-op: the container disposes it once per
    /// registration that resolved it (the module interfaces, <see cref="DbContext"/>), and only the lease,
    /// disposed after them, may give it back to the pool (a late second dispose could otherwise return an
    /// instance another request has leased meanwhile).
    /// </summary>
    public override void Dispose()
    {
        if (_owner is null)
        {
            Unbind();
            base.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        if (_owner is not null)
        {
            return ValueTask.CompletedTask;
        }

        Unbind();
        return base.DisposeAsync();
    }

    /// <summary>Clears the lease's state and returns the instance to the pool (EF resets its own state there).</summary>
    internal ValueTask ReturnAsync(ScopedContextLease owner)
    {
        if (!ReferenceEquals(_owner, owner))
        {
            throw new InvalidOperationException("Only the lease that owns a pooled context may return it.");
        }

        Unbind();
        return base.DisposeAsync();
    }

    /// <inheritdoc cref="ReturnAsync"/>
    internal void Return(ScopedContextLease owner)
    {
        if (!ReferenceEquals(_owner, owner))
        {
            throw new InvalidOperationException("Only the lease that owns a pooled context may return it.");
        }

        Unbind();
        base.Dispose();
    }

    public DbSet<User> Users => Set<User>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<IdentityUserRole<Guid>> UserRoles => Set<IdentityUserRole<Guid>>();

    public DbSet<PermissionGrant> PermissionGrants => Set<PermissionGrant>();

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Edition> Editions => Set<Edition>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Council> Councils => Set<Council>();

    public DbSet<Seat> Seats => Set<Seat>();

    public DbSet<SeatAssignment> SeatAssignments => Set<SeatAssignment>();

    public DbSet<CompositionRule> CompositionRules => Set<CompositionRule>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<DecisionInput> DecisionInputs => Set<DecisionInput>();

    public DbSet<EligibleVoter> EligibleVoters => Set<EligibleVoter>();

    public DbSet<Ballot> Ballots => Set<Ballot>();

    public DbSet<BallotParticipation> BallotParticipations => Set<BallotParticipation>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AttendanceRecord> AttendanceRecords => Set<AttendanceRecord>();

    public DbSet<MemberDemographics> MemberDemographics => Set<MemberDemographics>();

    public DbSet<GovernanceSettings> GovernanceSettings => Set<GovernanceSettings>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<EmailTemplateOverride> EmailTemplateOverrides => Set<EmailTemplateOverride>();

    public DbSet<EmailSuppression> EmailSuppressions => Set<EmailSuppression>();

    public DbSet<AuditLogEntry> AuditLogEntries => Set<AuditLogEntry>();

    public DbSet<Rate> Rates => Set<Rate>();

    public DbSet<Payee> Payees => Set<Payee>();

    public DbSet<PayableItem> PayableItems => Set<PayableItem>();

    public DbSet<CompensationProgram> CompensationPrograms => Set<CompensationProgram>();

    public DbSet<ProgramBudget> ProgramBudgets => Set<ProgramBudget>();

    public DbSet<ReportingThreshold> ReportingThresholds => Set<ReportingThreshold>();

    public DbSet<PayeeStripeAccount> PayeeStripeAccounts => Set<PayeeStripeAccount>();

    public DbSet<StripePayout> StripePayouts => Set<StripePayout>();

    public DbSet<EngagementPlatform.SaaS.Webhooks.StripeWebhookEvent> StripeWebhookEvents => Set<EngagementPlatform.SaaS.Webhooks.StripeWebhookEvent>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();

    public DbSet<AgreementSignature> AgreementSignatures => Set<AgreementSignature>();

    public DbSet<DestructionAttestation> DestructionAttestations => Set<DestructionAttestation>();

    public DbSet<DataSharingSettings> DataSharingSettings => Set<DataSharingSettings>();

    /// <summary>Read by the query filters on every query (EF parameterizes members of the context).</summary>
    public Guid? CurrentTenantId => CurrentTenant.Id;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureIdentity();
        modelBuilder.ConfigureSaas();
        modelBuilder.ConfigureGovernance();
        modelBuilder.ConfigureNotifications();
        modelBuilder.ConfigureAuditLogging();
        modelBuilder.ConfigureCompensation();
        modelBuilder.ConfigureCompensationStripe();
        modelBuilder.ConfigureDataSharing();
        EngagementPlatform.SaaS.Webhooks.StripeWebhookEventsModelBuilderExtensions.ConfigureStripeWebhookEvents(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys", "platform");
        modelBuilder.Entity<Framework.Jobs.JobOccurrence>(b =>
        {
            b.ToTable("job_occurrences", "platform");
            b.HasKey(o => o.Key); // the unique index that makes a second claim of an occurrence a no-op
            b.Property(o => o.Key).HasMaxLength(Framework.Jobs.JobOccurrence.MaxKeyLength);
            b.HasIndex(o => o.CreatedAt); // for pruning old occurrences
        });

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.BaseType is null).ToList())
        {
            ConfigureFilters(modelBuilder, entityType.ClrType);

            // Our entities create their ids (Guid v7) in code. Keys EF thinks it generates make a new child added
            // through a navigation look like an existing row, so they are marked as never generated.
            if (entityType.ClrType.Namespace?.StartsWith("EngagementPlatform.", StringComparison.Ordinal) == true)
            {
                foreach (var key in entityType.FindPrimaryKey()?.Properties.Where(p => p.ClrType == typeof(Guid)) ?? [])
                {
                    key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
                }
            }
        }
    }

    /// <summary>Tenant isolation and soft delete as named global filters, so each can be reasoned about alone.</summary>
    private void ConfigureFilters(ModelBuilder modelBuilder, Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        if (typeof(IMultiTenant).IsAssignableFrom(clrType))
        {
            var tenantId = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(Guid?)], entity, Expression.Constant(nameof(IMultiTenant.TenantId)));
            var current = Expression.Property(Expression.Constant(this), nameof(CurrentTenantId));
            modelBuilder.Entity(clrType).HasQueryFilter(Framework.Data.DataFilters.Tenant, Expression.Lambda(Expression.Equal(tenantId, current), entity));
            modelBuilder.Entity(clrType).HasIndex(nameof(IMultiTenant.TenantId));
        }

        if (typeof(ISoftDelete).IsAssignableFrom(clrType))
        {
            var isDeleted = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(bool)], entity, Expression.Constant(nameof(ISoftDelete.IsDeleted)));
            modelBuilder.Entity(clrType).HasQueryFilter(Framework.Data.DataFilters.SoftDelete, Expression.Lambda(Expression.Not(isDeleted), entity));
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ApplyConventions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ApplyConventions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Stamps the tenant, fills audit properties and turns deletes into soft deletes.</summary>
    private void ApplyConventions()
    {
        var now = Clock.Now;
        var userId = CurrentUser.Id;
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    StampTenant(entry);
                    if (entry.Entity is IHasCreationAudit created)
                    {
                        created.CreationTime = created.CreationTime == default ? now : created.CreationTime;
                        created.CreatorId ??= userId;
                    }

                    break;
                case EntityState.Modified:
                    GuardTenant(entry);
                    if (entry.Entity is IHasModificationAudit modified)
                    {
                        modified.LastModificationTime = now;
                        modified.LastModifierId = userId;
                    }

                    break;
                case EntityState.Deleted when entry.Entity is ISoftDelete deleted:
                    GuardTenant(entry);
                    entry.State = EntityState.Modified;
                    deleted.IsDeleted = true;
                    deleted.DeletionTime = now;
                    deleted.DeleterId = userId;
                    foreach (var owned in entry.References.Where(r => r.TargetEntry is { State: EntityState.Deleted }))
                    {
                        owned.TargetEntry!.State = EntityState.Unchanged;
                    }

                    break;
                case EntityState.Deleted:
                    GuardTenant(entry);
                    break;
            }
        }
    }

    private void StampTenant(EntityEntry entry)
    {
        if (entry.Entity is not IMultiTenant multiTenant)
        {
            return;
        }

        if (multiTenant.TenantId is null && CurrentTenant.Id is not null)
        {
            entry.Property(nameof(IMultiTenant.TenantId)).CurrentValue = CurrentTenant.Id;
        }

        GuardTenant(entry);
    }

    /// <summary>Nothing is ever written into another tenant than the current one, whatever a handler did.</summary>
    private void GuardTenant(EntityEntry entry)
    {
        if (entry.Entity is IMultiTenant multiTenant && multiTenant.TenantId != CurrentTenant.Id)
        {
            throw new InvalidOperationException(
                $"Refused to write {entry.Metadata.ClrType.Name} of tenant {multiTenant.TenantId} while the current tenant is {CurrentTenant.Id?.ToString() ?? "the host"}.");
        }
    }
}

