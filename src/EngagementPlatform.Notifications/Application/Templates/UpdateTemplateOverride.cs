using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Templates;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Templates;

public sealed record UpdateTemplateOverrideCommand(Guid Id, string Subject, string Text, string Html) : ICommand<TemplateDto>;

public sealed class UpdateTemplateOverrideValidator : AbstractValidator<UpdateTemplateOverrideCommand>
{
    public UpdateTemplateOverrideValidator()
    {
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(1000);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(50_000);
        RuleFor(c => c.Html).NotEmpty().MaximumLength(100_000);
    }
}

public sealed class UpdateTemplateOverrideHandler(INotificationsDbContext db, EmailTemplateStore store, TemplateChecks checks)
    : ICommandHandler<UpdateTemplateOverrideCommand, TemplateDto>
{
    public async ValueTask<TemplateDto> Handle(UpdateTemplateOverrideCommand command, CancellationToken cancellationToken)
    {
        TemplateChecks.Parse(command.Subject, command.Text, command.Html);
        var custom = await db.EmailTemplateOverrides.FirstOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
                     ?? throw new EntityNotFoundException(nameof(EmailTemplateOverride), command.Id);
        await checks.RenderSampleAsync(custom.Name, custom.Culture, new TemplateText(command.Subject, command.Text, command.Html), cancellationToken);
        custom.Subject = command.Subject;
        custom.Text = command.Text;
        custom.Html = command.Html;
        return TemplateDtos.From(custom, EmailTemplateStore.Fields(store.Find(custom.Name)!));
    }
}
