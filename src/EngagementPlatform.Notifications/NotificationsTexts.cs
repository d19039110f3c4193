using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.Notifications;

/// <summary>
/// Notifications' texts other than error messages: the unsubscribe page, why essential mail is sent, the email
/// categories as words, and the sample content of template previews.
/// </summary>
internal static class NotificationsTexts
{
    public const string UnsubscribeConfirm = "Notifications:Unsubscribe.Confirm";
    public const string UnsubscribeButton = "Notifications:Unsubscribe.Button";
    public const string UnsubscribeDone = "Notifications:Unsubscribe.Done";
    public const string UnsubscribeInvalid = "Notifications:Unsubscribe.Invalid";
    public const string UnsubscribePreferences = "Notifications:Unsubscribe.Preferences";

    /// <summary>Sample content for template previews: <c>Notifications:Sample.Title</c>.</summary>
    public static string Sample(string name) => $"Notifications:Sample.{name}";

    public static LocalizationResource Create() => new LocalizationResource
        {
            [UnsubscribeConfirm] = ("Stop sending '{category}' emails to {email}?", "¿Dejar de enviar los correos de '{category}' a {email}?"),
            [UnsubscribeButton] = ("Unsubscribe", "Darme de baja"),
            [UnsubscribeInvalid] = ("This unsubscribe link is not valid. Copy the whole link from the email, or sign in and choose which emails you get in your profile.", "Este enlace para darse de baja no es válido. Copie el enlace completo del correo, o inicie sesión y elija qué correos recibe en su perfil."),
            [UnsubscribePreferences] = ("Choose which emails you get", "Elegir qué correos recibo"),
            [UnsubscribeDone] = ("Done: we will send no more '{category}' emails to {email}.", "Listo: no enviaremos más correos de '{category}' a {email}."),
            [Sample("Title")] = ("Open the clinic on Saturdays", "Abrir la clínica los sábados"),
            [Sample("Outcome")] = ("The clinic opens Saturday mornings from March.", "La clínica abrirá los sábados por la mañana desde marzo."),
            [Sample("Rationale")] = ("Many members work on weekdays.", "Muchos miembros trabajan entre semana."),
            [Sample("Input")] = ("Open on Saturdays too.", "Abrir también los sábados."),
            [Sample("Explanation")] = ("Mornings only, for now.", "Por ahora, solo por la mañana."),
            [Sample("RecipientName")] = ("Maria", "María"),
        }
        .AddEnum(new Dictionary<EmailCategory, (string, string)>
        {
            [EmailCategory.Essential] = ("Essential messages", "Mensajes esenciales"),
            [EmailCategory.FeedbackLoop] = ("What happened with decisions and your input", "Qué pasó con las decisiones y sus aportes"),
            [EmailCategory.Reminders] = ("Reminders", "Recordatorios"),
            [EmailCategory.Announcements] = ("Announcements", "Anuncios"),
        });
}
