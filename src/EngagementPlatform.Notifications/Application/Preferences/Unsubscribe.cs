using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Framework.Timing;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Preferences;

/// <summary>
/// One-click unsubscribe. The link carries its partnership and the request names none, so the caller sends this
/// inside the link's partnership (<see cref="ICurrentTenant.Change"/> around <c>Send</c>): the unit of work then opens,
/// saves and commits in that partnership.
/// </summary>
public sealed record UnsubscribeCommand(string Token) : ICommand<UnsubscribeRequest>;

public sealed class UnsubscribeHandler(INotificationsDbContext db, UnsubscribeTokens tokens, ICurrentTenant currentTenant, IClock clock)
    : ICommandHandler<UnsubscribeCommand, UnsubscribeRequest>
{
    public async ValueTask<UnsubscribeRequest> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        var request = tokens.Read(command.Token);
        if (request is null || request.TenantId != currentTenant.Id)
        {
            throw new NotFoundException(NotificationsErrorCodes.InvalidUnsubscribeLink);
        }

        var email = EmailSuppression.Normalize(request.Email);
        if (!await db.EmailSuppressions.AnyAsync(s => s.Email == email && s.Category == request.Category, cancellationToken))
        {
            db.EmailSuppressions.Add(new EmailSuppression(email, request.Category, clock.Now));
        }

        return request;
    }
}
