using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.Notifications;

public static class NotificationsErrorCodes
{
    public const string InvalidTemplate = "Notifications:InvalidTemplate";
    public const string UnknownTemplate = "Notifications:UnknownTemplate";
    public const string DuplicateOverride = "Notifications:DuplicateOverride";
    public const string NotFailed = "Notifications:NotFailed";
    public const string InvalidUnsubscribeLink = "Notifications:InvalidUnsubscribeLink";
    public const string EssentialMail = "Notifications:EssentialMail";
    public const string TemplateTooCostly = "Notifications:TemplateTooCostly";

    internal static ErrorMessageResource Messages() => new()
    {
        [InvalidTemplate] = ("The template has a syntax error. See the errors for each part.", "La plantilla tiene un error de sintaxis. Vea los errores de cada parte."),
        [UnknownTemplate] = ("There is no email template with that name and language.", "No existe una plantilla de correo con ese nombre e idioma."),
        [DuplicateOverride] = ("This partnership already has its own version of that template in that language; edit it instead.", "Esta alianza ya tiene su propia versión de esa plantilla en ese idioma; edítela."),
        [NotFailed] = ("Only messages that failed can be queued again.", "Solo se pueden volver a poner en cola los mensajes que fallaron."),
        [InvalidUnsubscribeLink] = ("This unsubscribe link is not valid.", "Este enlace para darse de baja no es válido."),
        [TemplateTooCostly] = ("The template loops too often, runs too long or writes too much to be sent. Simplify it.", "La plantilla repite demasiadas veces, tarda demasiado o produce demasiado texto para enviarse. Simplifíquela."),
        [EssentialMail] = ("Essential mail (your votes, your payments) cannot be turned off.", "El correo esencial (sus votaciones, sus pagos) no se puede desactivar."),
    };
}
