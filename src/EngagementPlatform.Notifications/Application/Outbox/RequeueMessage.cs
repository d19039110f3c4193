using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Jobs;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Framework.UnitOfWork;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Sending;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Outbox;

public sealed record RequeueMessageCommand(Guid Id) : ICommand<OutboxMessageDto>;

/// <summary>A failed email is tried again from its first attempt; the sender wakes once the change commits.</summary>
public sealed class RequeueMessageHandler(INotificationsDbContext db, IUnitOfWork unitOfWork, IJobScheduler jobs, IClock clock)
    : ICommandHandler<RequeueMessageCommand, OutboxMessageDto>
{
    public async ValueTask<OutboxMessageDto> Handle(RequeueMessageCommand command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
                      ?? throw new EntityNotFoundException(nameof(OutboxMessage), command.Id);
        if (message.Status != OutboxStatus.Failed)
        {
            throw new StateConflictException(NotificationsErrorCodes.NotFailed);
        }

        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.Now;
        message.LockedUntil = null;
        await unitOfWork.OnCommittedAsync(() =>
        {
            jobs.Enqueue<OutboxDispatchJob>(job => job.RunAsync());
            return Task.CompletedTask;
        });
        return OutboxMessageDto.From(message);
    }
}
