using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Templates;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Templates;

public sealed record GetTemplateOverrideQuery(Guid Id) : IQuery<TemplateDto>;

public sealed class GetTemplateOverrideHandler(INotificationsDbContext db, EmailTemplateStore store) : IQueryHandler<GetTemplateOverrideQuery, TemplateDto>
{
    public async ValueTask<TemplateDto> Handle(GetTemplateOverrideQuery query, CancellationToken cancellationToken)
    {
        var custom = await db.EmailTemplateOverrides.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
                     ?? throw new EntityNotFoundException(nameof(EmailTemplateOverride), query.Id);
        return TemplateDtos.From(custom, store.Find(custom.Name) is { } definition ? EmailTemplateStore.Fields(definition) : EmailModelFields.Common);
    }
}
