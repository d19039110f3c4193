using EngagementPlatform.AuditLogging.Domain;
using EngagementPlatform.AuditLogging.Persistence;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.Framework.Users;

namespace EngagementPlatform.AuditLogging;

internal sealed class AuditLog(IAuditLoggingDbContext db, IUnitOfWork unitOfWork, ICurrentTenant currentTenant, ICurrentUser currentUser, IClock clock) : IAuditLog
{
    public async Task RecordReadAsync(string entityType, string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        db.AuditLogEntries.Add(new AuditLogEntry(
            currentTenant.Id, currentUser.Id, currentUser.UserName, clock.Now, entityType, entityId, AuditAction.Read, [], null));

        // A query runs outside any unit of work (UnitOfWorkBehavior wraps commands only), so nothing else would save the
        // entry; inside a command the unit of work saves it with the command's changes.
        if (!unitOfWork.IsActive)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
