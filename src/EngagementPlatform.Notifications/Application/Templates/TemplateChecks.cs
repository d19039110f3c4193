using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.MultiTenancy;
using EngagementPlatform.Notifications.Templates;

namespace EngagementPlatform.Notifications.Application.Templates;

/// <summary>What every edit and preview of a template goes through: it parses, and it renders within the limits.</summary>
public sealed class TemplateChecks(EmailTemplateStore store, TemplateRenderer renderer, ICurrentTenant currentTenant, ITextLocalizer texts)
{
    /// <summary>Refuses a template whose subject, text or HTML does not parse, with the error of each part.</summary>
    public static void Parse(string subject, string text, string html)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, source) in new[] { ("subject", subject), ("text", text), ("html", html) })
        {
            if (TemplateRenderer.Check(source) is { } error)
            {
                errors[field] = [error];
            }
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(NotificationsErrorCodes.InvalidTemplate, errors);
        }
    }

    /// <summary>Renders with the module's sample; a template past the render limits is refused before it is saved or shown.</summary>
    public async Task<RenderedEmail> RenderSampleAsync(string name, string culture, TemplateText template, CancellationToken cancellationToken)
    {
        var definition = store.Find(name) ?? throw new NotFoundException(NotificationsErrorCodes.UnknownTemplate);
        try
        {
            return await renderer.RenderAsync(template, EmailTemplateStore.Sample(definition, culture, texts), currentTenant.Id, cancellationToken);
        }
        catch (TemplateLimitException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new RuleBrokenException(NotificationsErrorCodes.TemplateTooCostly).WithData("limit", exception.Message);
        }
    }
}
