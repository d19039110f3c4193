using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Features;
using EngagementPlatform.Framework.Payments;

namespace EngagementPlatform.Framework.Localization;

internal static class FrameworkErrorMessages
{
    public static ErrorMessageResource Create() => new()
    {
        [FrameworkErrorCodes.Validation] = ("Some fields are not valid. See the errors for each field.", "Algunos campos no son válidos. Vea los errores de cada campo."),
        [FrameworkErrorCodes.BadRequest] = ("The request could not be read. Check that the body is valid JSON with the expected fields and types.", "No se pudo leer la solicitud. Compruebe que el cuerpo sea JSON válido con los campos y tipos esperados."),
        [FrameworkErrorCodes.PayloadTooLarge] = ("The request body is too large.", "El cuerpo de la solicitud es demasiado grande."),
        [FrameworkErrorCodes.UnknownSortField] = ("This list cannot be sorted by '{sorting}'. Sort by one of {allowed}, optionally followed by asc or desc.", "Esta lista no se puede ordenar por '{sorting}'. Ordene por uno de {allowed}, seguido opcionalmente de asc o desc."),
        [FrameworkErrorCodes.EntityNotFound] = ("What you asked for does not exist or is not visible to you.", "Lo que pidió no existe o no está visible para usted."),
        [FrameworkErrorCodes.Unauthorized] = ("Sign in to continue: this request needs a valid access token.", "Inicie sesión para continuar: esta solicitud necesita un token de acceso válido."),
        [FrameworkErrorCodes.Forbidden] = ("You do not have permission to do this. Ask an administrator of your partnership.", "No tiene permiso para hacer esto. Consulte a un administrador de su alianza."),
        [FrameworkErrorCodes.Conflict] = ("Someone else changed this at the same time. Reload and try again.", "Otra persona cambió esto al mismo tiempo. Vuelva a cargar e inténtelo de nuevo."),
        [FrameworkErrorCodes.Internal] = ("Something went wrong on our side. Nothing was changed; please try again.", "Algo salió mal de nuestro lado. No se cambió nada; inténtelo de nuevo."),
        [FrameworkErrorCodes.RouteNotFound] = ("There is no such address.", "Esa dirección no existe."),
        [FrameworkErrorCodes.TenantNotFound] = ("There is no partnership named '{tenant}'.", "No existe una alianza llamada '{tenant}'."),
        [FrameworkErrorCodes.TenantMismatch] = ("Your sign-in belongs to a different partnership than the one this request names.", "Su sesión pertenece a una alianza distinta de la que indica esta solicitud."),
        [FrameworkErrorCodes.TenantInactive] = ("This partnership is suspended. Contact the platform operator.", "Esta alianza está suspendida. Contacte al operador de la plataforma."),
        [StripeErrorCodes.NotConfigured] = ("Online payments through Stripe are not set up on this platform. Ask the platform operator.", "Los pagos en línea con Stripe no están configurados en esta plataforma. Consulte al operador de la plataforma."),
        [StripeErrorCodes.WebhookNotConfigured] = ("Stripe webhooks are not set up on this platform (no signing secret).", "Los webhooks de Stripe no están configurados en esta plataforma (no hay secreto de firma)."),
        [StripeErrorCodes.WebhookBadSignature] = ("The Stripe signature of this delivery is missing or does not match.", "La firma de Stripe de este envío falta o no coincide."),
        [StripeErrorCodes.WebhookTooOld] = ("This Stripe delivery was signed too long ago to be accepted.", "Este envío de Stripe se firmó hace demasiado tiempo para aceptarlo."),
        [StripeErrorCodes.WebhookUnreadable] = ("This Stripe delivery is not an event that can be read.", "Este envío de Stripe no es un evento que se pueda leer."),
        [StripeErrorCodes.WebhookApiVersionMismatch] = ("This Stripe event is in API version {apiVersion}; the platform reads {expected}.", "Este evento de Stripe está en la versión de API {apiVersion}; la plataforma lee {expected}."),
        [FeatureErrorCodes.FeatureNotEnabled] = ("Your partnership's plan does not include this. Ask the platform operator about a plan that does.", "El plan de su alianza no incluye esto. Consulte al operador de la plataforma por un plan que lo incluya."),
        [FeatureErrorCodes.LimitReached] = ("Your partnership's plan allows at most {limit} of {name}, and there are {count} already. Ask the platform operator about a larger plan.", "El plan de su alianza permite como máximo {limit} de {name} y ya hay {count}. Consulte al operador de la plataforma por un plan mayor."),
    };
}
