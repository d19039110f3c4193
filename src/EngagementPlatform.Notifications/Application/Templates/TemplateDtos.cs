using EngagementPlatform.Notifications.Domain;

namespace EngagementPlatform.Notifications.Application.Templates;

/// <summary>
/// A template in one language as the partnership sends it: its own override, else the wording the module registered.
/// <see cref="Fields"/> are the values the template may print.
/// </summary>
public sealed record TemplateDto(Guid? OverrideId, string Name, string Culture, bool IsOverride, string Subject, string Text, string Html, IReadOnlyList<string> Fields);

public sealed record TemplateOverrideRequest(string Name, string Culture, string Subject, string Text, string Html);

public sealed record UpdateOverrideRequest(string Subject, string Text, string Html);

public sealed record PreviewRequest(string Name, string Culture, string? Subject, string? Text, string? Html);

internal static class TemplateDtos
{
    public static TemplateDto From(EmailTemplateOverride t, IReadOnlyList<string> fields)
        => new(t.Id, t.Name, t.Culture, true, t.Subject, t.Text, t.Html, fields);
}
