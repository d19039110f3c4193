using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Templates;

public sealed record DeleteTemplateOverrideCommand(Guid Id) : ICommand;

/// <summary>Back to the module's wording for that template and language.</summary>
public sealed class DeleteTemplateOverrideHandler(INotificationsDbContext db) : ICommandHandler<DeleteTemplateOverrideCommand>
{
    public async ValueTask<Unit> Handle(DeleteTemplateOverrideCommand command, CancellationToken cancellationToken)
    {
        var custom = await db.EmailTemplateOverrides.FirstOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
                     ?? throw new EntityNotFoundException(nameof(EmailTemplateOverride), command.Id);
        db.EmailTemplateOverrides.Remove(custom);
        return Unit.Value;
    }
}
