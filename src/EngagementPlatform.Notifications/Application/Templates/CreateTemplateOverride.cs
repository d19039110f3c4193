using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Notifications.Domain;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Templates;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Templates;

public sealed record CreateTemplateOverrideCommand(string Name, string Culture, string Subject, string Text, string Html) : ICommand<CreatedId>;

public sealed class CreateTemplateOverrideValidator : AbstractValidator<CreateTemplateOverrideCommand>
{
    public CreateTemplateOverrideValidator(EmailTemplateStore store)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(EmailTemplateDefinition.MaxNameLength).OneOf(store.Names);
        RuleFor(c => c.Culture).Must(c => EmailTemplateStore.Cultures.Contains(c)).WithMessage(FrameworkTexts.Language);
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(1000);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(50_000);
        RuleFor(c => c.Html).NotEmpty().MaximumLength(100_000);
    }
}

/// <summary>The partnership's own wording of a registered template in one language (one per template and language).</summary>
public sealed class CreateTemplateOverrideHandler(INotificationsDbContext db, TemplateChecks checks) : ICommandHandler<CreateTemplateOverrideCommand, CreatedId>
{
    public async ValueTask<CreatedId> Handle(CreateTemplateOverrideCommand command, CancellationToken cancellationToken)
    {
        TemplateChecks.Parse(command.Subject, command.Text, command.Html);
        if (await db.EmailTemplateOverrides.AnyAsync(t => t.Name == command.Name && t.Culture == command.Culture, cancellationToken))
        {
            throw new StateConflictException(NotificationsErrorCodes.DuplicateOverride);
        }

        await checks.RenderSampleAsync(command.Name, command.Culture, new TemplateText(command.Subject, command.Text, command.Html), cancellationToken);
        var custom = new EmailTemplateOverride(Guid.CreateVersion7(), command.Name, command.Culture)
        {
            Subject = command.Subject,
            Text = command.Text,
            Html = command.Html,
        };
        db.EmailTemplateOverrides.Add(custom);
        return new CreatedId(custom.Id);
    }
}
