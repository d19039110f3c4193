using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Notifications;

namespace EngagementPlatform.Compensation.Emails;

/// <summary>
/// Compensation's emails, registered with Notifications at start-up. The payment notice links a person to their
/// statement for the year of the payment (a partner organization has no account, so its notice has no link).
/// </summary>
public sealed class CompensationEmailTemplates : IEmailTemplateProvider
{
    /// <summary>Tells a payee an item was paid: how much, for what, how and when.</summary>
    public const string ItemPaid = "compensation-item-paid";

    public IEnumerable<EmailTemplateDefinition> Templates() =>
    [
        EmailTemplateDefinition.For(
            ItemPaid,
            new EmailTemplateText(
                "Payment sent: {{ payment.amount }} for {{ payment.for }}",
                """
                Hello{% if recipientName %} {{ recipientName }}{% endif %},

                We have paid you {{ payment.amount }} for {{ payment.for }}.

                What it was for: {{ payment.description }}
                Paid on: {{ payment.paidOn }}
                How: {{ payment.method }}{% if payment.reference %} (reference {{ payment.reference }}){% endif %}
                {% if payment.statementUrl %}
                All your payments this year: {{ payment.statementUrl }}
                {% endif %}
                Thank you for your time and expertise. If anything here looks wrong, reply to the program staff who work with you.
                """ + EmailFooters.TextEn,
                """
                <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
                <p>We have paid you <strong>{{ payment.amount }}</strong> for {{ payment.for }}.</p>
                <ul>
                <li>What it was for: {{ payment.description }}</li>
                <li>Paid on: {{ payment.paidOn }}</li>
                <li>How: {{ payment.method }}{% if payment.reference %} (reference {{ payment.reference }}){% endif %}</li>
                </ul>
                {% if payment.statementUrl %}<p><a href="{{ payment.statementUrl }}">See all your payments this year</a></p>{% endif %}
                <p>Thank you for your time and expertise. If anything here looks wrong, reply to the program staff who work with you.</p>
                """ + EmailFooters.HtmlEn),
            new EmailTemplateText(
                "Pago enviado: {{ payment.amount }} por {{ payment.for }}",
                """
                Hola{% if recipientName %} {{ recipientName }}{% endif %}:

                Le hemos pagado {{ payment.amount }} por {{ payment.for }}.

                Concepto: {{ payment.description }}
                Fecha de pago: {{ payment.paidOn }}
                Forma de pago: {{ payment.method }}{% if payment.reference %} (referencia {{ payment.reference }}){% endif %}
                {% if payment.statementUrl %}
                Todos sus pagos de este año: {{ payment.statementUrl }}
                {% endif %}
                Gracias por su tiempo y su experiencia. Si algo no parece correcto, escriba al personal del programa con quien trabaja.
                """ + EmailFooters.TextEs,
                """
                <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
                <p>Le hemos pagado <strong>{{ payment.amount }}</strong> por {{ payment.for }}.</p>
                <ul>
                <li>Concepto: {{ payment.description }}</li>
                <li>Fecha de pago: {{ payment.paidOn }}</li>
                <li>Forma de pago: {{ payment.method }}{% if payment.reference %} (referencia {{ payment.reference }}){% endif %}</li>
                </ul>
                {% if payment.statementUrl %}<p><a href="{{ payment.statementUrl }}">Ver todos sus pagos de este año</a></p>{% endif %}
                <p>Gracias por su tiempo y su experiencia. Si algo no parece correcto, escriba al personal del programa con quien trabaja.</p>
                """ + EmailFooters.HtmlEs),
            (culture, texts) => new ItemPaidEmail(new PaidItem(
                culture == "es" ? "37,50 USD" : "37.50 USD",
                culture == "es" ? "Consejo Asesor de Salud Comunitaria, 2027-03-12" : "Community Health Advisory Council, 2027-03-12",
                culture == "es" ? "Asistencia a la reunión (1.5 h)" : "Meeting attendance (1.5 h)",
                "2027-03-20",
                texts.Word(Domain.PaymentMethod.GiftCard, TextLocalizer.CultureOf(culture)),
                "GC-10442",
                "https://example.org/compensation/my-payments?year=2027"))
            {
                Reason = texts.Get(CompensationTexts.PaidEmailReason, TextLocalizer.CultureOf(culture)),
            }),
    ];
}

/// <summary>The model of <see cref="CompensationEmailTemplates.ItemPaid"/>.</summary>
public sealed record ItemPaidEmail(PaidItem Payment) : EmailModel;

/// <summary>
/// One payment as the payee reads it: <see cref="Amount"/> formatted in their language with the currency's decimals
/// and code, <see cref="For"/> the source (a meeting and its date), the method in their language,
/// <see cref="StatementUrl"/> the person's statement for the payment's year (none for an organization).
/// </summary>
public sealed record PaidItem(string Amount, string For, string Description, string PaidOn, string Method, string? Reference, string? StatementUrl = null);
