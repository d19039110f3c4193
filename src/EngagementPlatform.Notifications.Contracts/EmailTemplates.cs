using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using EngagementPlatform.Framework.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngagementPlatform.Notifications;

/// <summary>One language of an email template: Liquid text for the subject, the plain-text body and the HTML body.</summary>
public sealed record EmailTemplateText(string Subject, string Text, string Html);

/// <summary>
/// An email a module sends, in every language the product speaks. The module registers it at start-up through an
/// <see cref="IEmailTemplateProvider"/>; the Notifications module lists it to administrators (who may override its
/// wording per language), renders it and sends it through <see cref="IEmailOutbox"/>.
/// <para>
/// The model given to <see cref="IEmailOutbox.EnqueueAsync"/> is serialized with camelCase names; enums become their
/// names (<c>"Adopted"</c>, never <c>1</c>), so a template compares them as words. The outbox adds
/// <see cref="EmailModelFields.Common"/> to every model.
/// </para>
/// </summary>
public sealed class EmailTemplateDefinition
{
    /// <summary>The languages every template has (English is the fallback).</summary>
    public static readonly IReadOnlyList<string> Cultures = ["en", "es"];

    public const int MaxNameLength = 100;

    public EmailTemplateDefinition(string name, EmailTemplateText english, EmailTemplateText spanish, IEnumerable<string> modelFields, Func<string, ITextLocalizer, object>? sample = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')))
        {
            throw new ArgumentException($"'{name}' is not a template name: use 1 to {MaxNameLength} letters, digits, '-', '.' or '_'.", nameof(name));
        }

        foreach (var (culture, text) in new[] { ("en", english), ("es", spanish) })
        {
            if (string.IsNullOrWhiteSpace(text.Subject) || string.IsNullOrWhiteSpace(text.Text) || string.IsNullOrWhiteSpace(text.Html))
            {
                throw new ArgumentException($"The '{name}' template needs a subject, a text and an HTML body in '{culture}'.", culture == "en" ? nameof(english) : nameof(spanish));
            }
        }

        Name = name;
        Texts = new Dictionary<string, EmailTemplateText> { ["en"] = english, ["es"] = spanish };
        ModelFields = modelFields.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Sample = sample;
    }

    /// <summary>The template's key, e.g. <c>decision-decided</c>: what a module passes to the outbox.</summary>
    public string Name { get; }

    /// <summary>The wording per language (<see cref="Cultures"/>).</summary>
    public IReadOnlyDictionary<string, EmailTemplateText> Texts { get; }

    /// <summary>The model's fields as a template names them (<c>decision.title</c>, <c>inputs[].use</c>), shown to people who edit it.</summary>
    public IReadOnlyList<string> ModelFields { get; }

    /// <summary>A plausible model for previews in a language; without one, previews show each field's name.</summary>
    public Func<string, ITextLocalizer, object>? Sample { get; }

    /// <summary>A template whose model is <typeparamref name="TModel"/>: its fields are read from the type.</summary>
    public static EmailTemplateDefinition For<TModel>(string name, EmailTemplateText english, EmailTemplateText spanish, Func<string, ITextLocalizer, TModel>? sample = null)
        where TModel : EmailModel
        => new(name, english, spanish, EmailModelFields.Of(typeof(TModel)), sample is null ? null : (culture, texts) => sample(culture, texts));
}

/// <summary>
/// The base of a typed email model (a record with the fields its template prints). Serialized with camelCase names and
/// enums as their names. <see cref="Reason"/> and <see cref="UnsubscribeUrl"/> are the outbox's to fill when it sends;
/// a template's preview sample sets them to show the footer as the reader will see it.
/// </summary>
public abstract record EmailModel
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UnsubscribeUrl { get; init; }
}

/// <summary>
/// A module's emails. Register it with <see cref="EmailTemplateServiceCollectionExtensions.AddEmailTemplates{TProvider}"/>
/// in the module's <c>ConfigureServices</c>; Notifications reads every provider once, at start-up.
/// </summary>
public interface IEmailTemplateProvider
{
    IEnumerable<EmailTemplateDefinition> Templates();
}

public static class EmailTemplateServiceCollectionExtensions
{
    /// <summary>Makes the module's templates known to Notifications (listed, overridable, sendable).</summary>
    public static IServiceCollection AddEmailTemplates<TProvider>(this IServiceCollection services)
        where TProvider : class, IEmailTemplateProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEmailTemplateProvider, TProvider>());
        return services;
    }
}

/// <summary>The names a template may use: the outbox's own and those of a model type.</summary>
public static class EmailModelFields
{
    /// <summary>What the outbox adds to every model: the reader's name, the links it manages and, for essential mail, why it was sent.</summary>
    public static readonly IReadOnlyList<string> Common = ["recipientName", "reason", "unsubscribeUrl", "preferencesUrl", "appUrl"];

    /// <summary>The camelCase paths of a model type's public properties; a list's items are <c>name[].field</c>.</summary>
    public static IReadOnlyList<string> Of(Type model) => Walk(model, string.Empty, 0).ToList();

    private static IEnumerable<string> Walk(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.DeclaringType != typeof(EmailModel) && p.Name != "EqualityContract"))
        {
            var path = prefix + char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType) || depth >= 3)
            {
                yield return path;
            }
            else if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                var item = propertyType.IsArray
                    ? propertyType.GetElementType()!
                    : propertyType.GetInterfaces().Append(propertyType)
                        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] ?? typeof(object);
                yield return path;
                if (!IsScalar(item) && item != typeof(object))
                {
                    foreach (var field in Walk(item, path + "[].", depth + 1))
                    {
                        yield return field;
                    }
                }
            }
            else
            {
                foreach (var field in Walk(propertyType, path + ".", depth + 1))
                {
                    yield return field;
                }
            }
        }
    }

    private static bool IsScalar(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
           || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan)
           || type == typeof(Uri);
}

/// <summary>
/// The footer every email ends with: why an essential email was sent, the preferences link, the one-click unsubscribe.
/// Each line is printed only when the outbox gave its value. Append it to a module's text and HTML bodies.
/// </summary>
public static class EmailFooters
{
    public const string HtmlEn = """
        {% if reason %}<p style="color:#555;font-size:13px">Why you got this email: {{ reason }}</p>{% endif %}
        {% if preferencesUrl %}<p style="color:#555;font-size:13px"><a href="{{ preferencesUrl }}">Choose which emails you get</a></p>{% endif %}
        {% if unsubscribeUrl %}<p style="color:#555;font-size:13px"><a href="{{ unsubscribeUrl }}">Stop emails like this</a></p>{% endif %}
        """;

    public const string HtmlEs = """
        {% if reason %}<p style="color:#555;font-size:13px">Por qué recibe este correo: {{ reason }}</p>{% endif %}
        {% if preferencesUrl %}<p style="color:#555;font-size:13px"><a href="{{ preferencesUrl }}">Elegir qué correos recibo</a></p>{% endif %}
        {% if unsubscribeUrl %}<p style="color:#555;font-size:13px"><a href="{{ unsubscribeUrl }}">No recibir más correos como este</a></p>{% endif %}
        """;

    public const string TextEn = """

        {% if reason %}Why you got this email: {{ reason }}
        {% endif %}{% if preferencesUrl %}Choose which emails you get: {{ preferencesUrl }}
        {% endif %}{% if unsubscribeUrl %}Stop emails like this: {{ unsubscribeUrl }}
        {% endif %}
        """;

    public const string TextEs = """

        {% if reason %}Por qué recibe este correo: {{ reason }}
        {% endif %}{% if preferencesUrl %}Elegir qué correos recibo: {{ preferencesUrl }}
        {% endif %}{% if unsubscribeUrl %}No recibir más correos como este: {{ unsubscribeUrl }}
        {% endif %}
        """;
}
