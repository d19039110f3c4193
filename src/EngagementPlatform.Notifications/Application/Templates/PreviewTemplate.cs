using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Notifications.Persistence;
using EngagementPlatform.Notifications.Templates;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EngagementPlatform.Notifications.Application.Templates;

public sealed record PreviewTemplateCommand(string Name, string Culture, string? Subject, string? Text, string? Html) : ICommand<RenderedEmail>;

public sealed class PreviewTemplateValidator : AbstractValidator<PreviewTemplateCommand>
{
    public PreviewTemplateValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(EmailTemplateDefinition.MaxNameLength);
        RuleFor(c => c.Culture).Must(c => EmailTemplateStore.Cultures.Contains(c)).WithMessage(FrameworkTexts.Language);
        RuleFor(c => c.Subject).MaximumLength(1000);
        RuleFor(c => c.Text).MaximumLength(50_000);
        RuleFor(c => c.Html).MaximumLength(100_000);
    }
}

/// <summary>
/// Renders a template with its module's sample content: a draft's parts where given, else the partnership's
/// override, else the registered wording. Nothing is saved.
/// </summary>
public sealed class PreviewTemplateHandler(INotificationsDbContext db, EmailTemplateStore store, TemplateChecks checks)
    : ICommandHandler<PreviewTemplateCommand, RenderedEmail>
{
    public async ValueTask<RenderedEmail> Handle(PreviewTemplateCommand command, CancellationToken cancellationToken)
    {
        var stored = store.Find(command.Name)?.Texts.GetValueOrDefault(command.Culture)
                     ?? throw new NotFoundException(NotificationsErrorCodes.UnknownTemplate);
        var custom = await db.EmailTemplateOverrides.AsNoTracking().FirstOrDefaultAsync(t => t.Name == command.Name && t.Culture == command.Culture, cancellationToken);
        var template = new TemplateText(
            command.Subject ?? custom?.Subject ?? stored.Subject,
            command.Text ?? custom?.Text ?? stored.Text,
            command.Html ?? custom?.Html ?? stored.Html);
        TemplateChecks.Parse(template.Subject, template.Text, template.Html);
        return await checks.RenderSampleAsync(command.Name, command.Culture, template, cancellationToken);
    }
}
