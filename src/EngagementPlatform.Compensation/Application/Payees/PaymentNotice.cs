using System.Globalization;
using EngagementPlatform.Framework.Localization;

namespace EngagementPlatform.Compensation.Application.Payees;

/// <summary>The plain-language notice a member reads before choosing to accept or decline payment, in their language.</summary>
public sealed record PaymentNoticeDto(string Version, string Language, string Title, IReadOnlyList<string> Paragraphs);

/// <summary>
/// The payment notice, versioned: a member's choice records the version they read, and a choice naming another
/// version is refused (<c>Compensation:NoticeNotAcknowledged</c>). Change the text, change <see cref="CurrentVersion"/>.
/// Written for a 6th–8th grade reading level: short sentences, everyday words, one idea per paragraph.
/// </summary>
public static class PaymentNotice
{
    public const string CurrentVersion = "2026-11-29";

    private static readonly (string En, string Es) Title = ("Before you choose: being paid for your time", "Antes de elegir: recibir pago por su tiempo");

    private static readonly (string En, string Es)[] Paragraphs =
    [
        ("We want to thank you for your time and ideas. We can pay you a stipend. A stipend is money we give you for taking part, like coming to a council meeting.",
            "Queremos agradecerle su tiempo y sus ideas. Podemos pagarle un estipendio. Un estipendio es dinero que le damos por participar, por ejemplo por venir a una reunión del consejo."),
        ("A stipend may count as income. Some benefits look at your income. These include Medicaid, SNAP (food benefits) and SSI. Extra income could change what you get from them.",
            "Un estipendio puede contar como ingreso. Algunos beneficios toman en cuenta sus ingresos. Entre ellos están Medicaid, SNAP (ayuda para comida) y SSI. Un ingreso extra podría cambiar lo que recibe de ellos."),
        ("You can say no to the payment. You can still take part in everything. Your attendance is still recorded.",
            "Puede decir que no al pago. Puede seguir participando en todo. Su asistencia se sigue registrando."),
        ("You can also choose how you are paid. For example, some people choose a gift card instead of a check or a bank transfer. Ask how your benefits treat each kind of payment.",
            "También puede elegir cómo se le paga. Por ejemplo, algunas personas eligen una tarjeta de regalo en lugar de un cheque o una transferencia bancaria. Pregunte cómo cuentan sus beneficios cada tipo de pago."),
        ("You can change your mind at any time. Your new choice counts for payments that have not been made yet. It does not change payments you already got.",
            "Puede cambiar de opinión en cualquier momento. Su nueva decisión cuenta para los pagos que todavía no se han hecho. No cambia los pagos que ya recibió."),
        ("Not sure what to do? Ask the staff member who works with your council. You can also ask your benefits caseworker, or a legal aid office near you. They can tell you how a stipend affects your benefits.",
            "¿No está seguro de qué hacer? Pregunte a la persona del personal que trabaja con su consejo. También puede preguntar a quien lleva su caso de beneficios o a una oficina de ayuda legal cerca de usted. Ellos pueden decirle cómo afecta un estipendio a sus beneficios."),
    ];

    public static PaymentNoticeDto For(CultureInfo? culture = null)
    {
        var language = TextLocalizer.LanguageOf(culture ?? CultureInfo.CurrentUICulture);
        string Pick((string En, string Es) text) => language == "es" ? text.Es : text.En;
        return new PaymentNoticeDto(CurrentVersion, language == "es" ? "es" : "en", Pick(Title), Paragraphs.Select(Pick).ToList());
    }
}
