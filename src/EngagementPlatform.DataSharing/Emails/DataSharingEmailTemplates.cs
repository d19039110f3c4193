using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Notifications;

namespace EngagementPlatform.DataSharing.Emails;

/// <summary>
/// Data sharing's emails, registered with Notifications at start-up: the request to sign a version in review, the
/// reminders before an agreement's end date and before its destruction date, and the notice that it expired. Every link
/// is absolute and names the partnership, so a signed-out reader signs in to the right one and lands on the page.
/// </summary>
public sealed class DataSharingEmailTemplates : IEmailTemplateProvider
{
    /// <summary>Asks a party's signatory to read the version in review and sign it (links to <see cref="DataSharingRoutes.Sign"/>).</summary>
    public const string SignRequest = "data-sharing-sign-request";

    /// <summary>Tells the parties' contacts that an active agreement ends in a number of days (links to <see cref="DataSharingRoutes.Agreement"/>).</summary>
    public const string ExpiryReminder = "data-sharing-expiry-reminder";

    /// <summary>Asks a recipient or steward party to destroy the data and attest it (links to <see cref="DataSharingRoutes.AttestDestruction"/>).</summary>
    public const string DestructionReminder = "data-sharing-destruction-reminder";

    /// <summary>Tells the parties' contacts that the agreement's end date passed and it is no longer in force.</summary>
    public const string Expired = "data-sharing-expired";

    public IEnumerable<EmailTemplateDefinition> Templates() =>
    [
        EmailTemplateDefinition.For(
            SignRequest,
            new EmailTemplateText(
                "Please sign: {{ agreement.title }} (version {{ versionNumber }})",
                """
                Hello{% if recipientName %} {{ recipientName }}{% endif %},

                Version {{ versionNumber }} of the data-sharing agreement "{{ agreement.title }}" is ready for signature. You are named as the person who signs for {{ partyName }}.

                Parties: {{ agreement.partyNames }}
                Sensitivity of the data: {{ agreement.sensitivity }}

                Read the terms and sign: {{ signUrl }}

                The agreement comes into force only when every party has signed.
                """ + EmailFooters.TextEn,
                """
                <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
                <p>Version {{ versionNumber }} of the data-sharing agreement <strong>{{ agreement.title }}</strong> is ready for signature. You are named as the person who signs for {{ partyName }}.</p>
                <ul>
                <li>Parties: {{ agreement.partyNames }}</li>
                <li>Sensitivity of the data: {{ agreement.sensitivity }}</li>
                </ul>
                <p><a href="{{ signUrl }}">Read the terms and sign</a></p>
                <p>The agreement comes into force only when every party has signed.</p>
                """ + EmailFooters.HtmlEn),
            new EmailTemplateText(
                "Firma pendiente: {{ agreement.title }} (versión {{ versionNumber }})",
                """
                Hola{% if recipientName %} {{ recipientName }}{% endif %}:

                La versión {{ versionNumber }} del acuerdo de intercambio de datos "{{ agreement.title }}" está lista para firmar. Usted figura como la persona que firma por {{ partyName }}.

                Partes: {{ agreement.partyNames }}
                Sensibilidad de los datos: {{ agreement.sensitivity }}

                Lea los términos y firme: {{ signUrl }}

                El acuerdo entra en vigor solo cuando todas las partes lo han firmado.
                """ + EmailFooters.TextEs,
                """
                <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
                <p>La versión {{ versionNumber }} del acuerdo de intercambio de datos <strong>{{ agreement.title }}</strong> está lista para firmar. Usted figura como la persona que firma por {{ partyName }}.</p>
                <ul>
                <li>Partes: {{ agreement.partyNames }}</li>
                <li>Sensibilidad de los datos: {{ agreement.sensitivity }}</li>
                </ul>
                <p><a href="{{ signUrl }}">Leer los términos y firmar</a></p>
                <p>El acuerdo entra en vigor solo cuando todas las partes lo han firmado.</p>
                """ + EmailFooters.HtmlEs),
            (culture, texts) => new SignRequestEmail(Sample(culture, texts), 1, culture == "es" ? "Asociación de Vecinos del Este" : "Eastside Neighbors Association",
                "https://example.org/data-sharing/agreements/0190f1a2-0000-7000-8000-000000000001/sign?__tenant=example")
            {
                Reason = texts.Get(DataSharingEmailTexts.SignatoryReason, TextLocalizer.CultureOf(culture)),
            }),
        EmailTemplateDefinition.For(
            ExpiryReminder,
            new EmailTemplateText(
                "{{ agreement.title }} ends in {{ daysLeft }} days ({{ endsOn }})",
                """
                Hello{% if recipientName %} {{ recipientName }}{% endif %},

                The data-sharing agreement "{{ agreement.title }}" ends on {{ endsOn }}, in {{ daysLeft }} days. After that date the data it covers may no longer be shared or used under it.

                Parties: {{ agreement.partyNames }}

                If the partnership wants to keep sharing, amend the agreement with a new end date and have every party sign it before then: {{ agreement.url }}
                """ + EmailFooters.TextEn,
                """
                <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
                <p>The data-sharing agreement <strong>{{ agreement.title }}</strong> ends on <strong>{{ endsOn }}</strong>, in {{ daysLeft }} days. After that date the data it covers may no longer be shared or used under it.</p>
                <p>Parties: {{ agreement.partyNames }}</p>
                <p>If the partnership wants to keep sharing, amend the agreement with a new end date and have every party sign it before then.</p>
                <p><a href="{{ agreement.url }}">Open the agreement</a></p>
                """ + EmailFooters.HtmlEn),
            new EmailTemplateText(
                "{{ agreement.title }} termina en {{ daysLeft }} días ({{ endsOn }})",
                """
                Hola{% if recipientName %} {{ recipientName }}{% endif %}:

                El acuerdo de intercambio de datos "{{ agreement.title }}" termina el {{ endsOn }}, dentro de {{ daysLeft }} días. Después de esa fecha los datos que cubre ya no se pueden compartir ni usar bajo este acuerdo.

                Partes: {{ agreement.partyNames }}

                Si la alianza quiere seguir compartiendo datos, enmiende el acuerdo con una nueva fecha de fin y consiga la firma de todas las partes antes de esa fecha: {{ agreement.url }}
                """ + EmailFooters.TextEs,
                """
                <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
                <p>El acuerdo de intercambio de datos <strong>{{ agreement.title }}</strong> termina el <strong>{{ endsOn }}</strong>, dentro de {{ daysLeft }} días. Después de esa fecha los datos que cubre ya no se pueden compartir ni usar bajo este acuerdo.</p>
                <p>Partes: {{ agreement.partyNames }}</p>
                <p>Si la alianza quiere seguir compartiendo datos, enmiende el acuerdo con una nueva fecha de fin y consiga la firma de todas las partes antes de esa fecha.</p>
                <p><a href="{{ agreement.url }}">Abrir el acuerdo</a></p>
                """ + EmailFooters.HtmlEs),
            (culture, texts) => new ExpiryReminderEmail(Sample(culture, texts), 30, "2027-12-31")
            {
                Reason = texts.Get(DataSharingEmailTexts.PartyContactReason, TextLocalizer.CultureOf(culture)),
            }),
        EmailTemplateDefinition.For(
            DestructionReminder,
            new EmailTemplateText(
                "Destroy the data of {{ agreement.title }} by {{ destroyBy }} and attest it",
                """
                Hello{% if recipientName %} {{ recipientName }}{% endif %},

                Under the data-sharing agreement "{{ agreement.title }}", {{ partyName }} must destroy the data it received by {{ destroyBy }} ({{ daysLeft }} days from today).
                {% if method %}
                Agreed method: {{ method }}
                {% endif %}
                When the data is destroyed, attest it (who, when and how) so the community that owns the data can see it was done: {{ attestUrl }}
                """ + EmailFooters.TextEn,
                """
                <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
                <p>Under the data-sharing agreement <strong>{{ agreement.title }}</strong>, {{ partyName }} must destroy the data it received by <strong>{{ destroyBy }}</strong> ({{ daysLeft }} days from today).</p>
                {% if method %}<p>Agreed method: {{ method }}</p>{% endif %}
                <p>When the data is destroyed, attest it (who, when and how) so the community that owns the data can see it was done.</p>
                <p><a href="{{ attestUrl }}">Attest that the data was destroyed</a></p>
                """ + EmailFooters.HtmlEn),
            new EmailTemplateText(
                "Destruya los datos de {{ agreement.title }} antes del {{ destroyBy }} y declárelo",
                """
                Hola{% if recipientName %} {{ recipientName }}{% endif %}:

                Según el acuerdo de intercambio de datos "{{ agreement.title }}", {{ partyName }} debe destruir los datos que recibió a más tardar el {{ destroyBy }} (dentro de {{ daysLeft }} días).
                {% if method %}
                Método acordado: {{ method }}
                {% endif %}
                Cuando los datos estén destruidos, declárelo (quién, cuándo y cómo) para que la comunidad dueña de los datos vea que se hizo: {{ attestUrl }}
                """ + EmailFooters.TextEs,
                """
                <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
                <p>Según el acuerdo de intercambio de datos <strong>{{ agreement.title }}</strong>, {{ partyName }} debe destruir los datos que recibió a más tardar el <strong>{{ destroyBy }}</strong> (dentro de {{ daysLeft }} días).</p>
                {% if method %}<p>Método acordado: {{ method }}</p>{% endif %}
                <p>Cuando los datos estén destruidos, declárelo (quién, cuándo y cómo) para que la comunidad dueña de los datos vea que se hizo.</p>
                <p><a href="{{ attestUrl }}">Declarar que los datos fueron destruidos</a></p>
                """ + EmailFooters.HtmlEs),
            (culture, texts) => new DestructionReminderEmail(Sample(culture, texts), culture == "es" ? "Universidad Estatal" : "State University", 30, "2028-06-30",
                culture == "es" ? "Borrado seguro con certificado" : "Secure deletion with a certificate",
                "https://example.org/data-sharing/agreements/0190f1a2-0000-7000-8000-000000000001/destruction?__tenant=example")
            {
                Reason = texts.Get(DataSharingEmailTexts.DestructionReason, TextLocalizer.CultureOf(culture)),
            }),
        EmailTemplateDefinition.For(
            Expired,
            new EmailTemplateText(
                "{{ agreement.title }} has expired",
                """
                Hello{% if recipientName %} {{ recipientName }}{% endif %},

                The data-sharing agreement "{{ agreement.title }}" ended on {{ endedOn }} and is no longer in force: the data it covers may no longer be shared or used under it.

                Parties: {{ agreement.partyNames }}
                {% if destructionDate %}
                The data must be destroyed by {{ destructionDate }}; recipients will be asked to attest it.
                {% endif %}
                The agreement and its signatures stay readable: {{ agreement.url }}
                """ + EmailFooters.TextEn,
                """
                <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
                <p>The data-sharing agreement <strong>{{ agreement.title }}</strong> ended on <strong>{{ endedOn }}</strong> and is no longer in force: the data it covers may no longer be shared or used under it.</p>
                <p>Parties: {{ agreement.partyNames }}</p>
                {% if destructionDate %}<p>The data must be destroyed by {{ destructionDate }}; recipients will be asked to attest it.</p>{% endif %}
                <p><a href="{{ agreement.url }}">Open the agreement</a></p>
                """ + EmailFooters.HtmlEn),
            new EmailTemplateText(
                "{{ agreement.title }} ha vencido",
                """
                Hola{% if recipientName %} {{ recipientName }}{% endif %}:

                El acuerdo de intercambio de datos "{{ agreement.title }}" terminó el {{ endedOn }} y ya no está vigente: los datos que cubre ya no se pueden compartir ni usar bajo este acuerdo.

                Partes: {{ agreement.partyNames }}
                {% if destructionDate %}
                Los datos deben destruirse a más tardar el {{ destructionDate }}; se pedirá a los receptores que lo declaren.
                {% endif %}
                El acuerdo y sus firmas siguen disponibles: {{ agreement.url }}
                """ + EmailFooters.TextEs,
                """
                <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
                <p>El acuerdo de intercambio de datos <strong>{{ agreement.title }}</strong> terminó el <strong>{{ endedOn }}</strong> y ya no está vigente: los datos que cubre ya no se pueden compartir ni usar bajo este acuerdo.</p>
                <p>Partes: {{ agreement.partyNames }}</p>
                {% if destructionDate %}<p>Los datos deben destruirse a más tardar el {{ destructionDate }}; se pedirá a los receptores que lo declaren.</p>{% endif %}
                <p><a href="{{ agreement.url }}">Abrir el acuerdo</a></p>
                """ + EmailFooters.HtmlEs),
            (culture, texts) => new AgreementExpiredEmail(Sample(culture, texts), "2027-12-31", "2028-06-30")
            {
                Reason = texts.Get(DataSharingEmailTexts.PartyContactReason, TextLocalizer.CultureOf(culture)),
            }),
    ];

    private static AgreementEmailInfo Sample(string culture, ITextLocalizer texts) => new(
        culture == "es" ? "Datos de la encuesta de salud comunitaria" : "Community health survey data",
        culture == "es"
            ? "Departamento de Salud del Condado; Asociación de Vecinos del Este; Universidad Estatal"
            : "County Health Department; Eastside Neighbors Association; State University",
        texts.Word(Domain.DataSensitivity.LimitedDataSet, TextLocalizer.CultureOf(culture)),
        "https://example.org/data-sharing/agreements/0190f1a2-0000-7000-8000-000000000001?__tenant=example");
}

/// <summary>An agreement as an email shows it: <see cref="Sensitivity"/> in the reader's language, <see cref="Url"/> its page.</summary>
public sealed record AgreementEmailInfo(string Title, string PartyNames, string Sensitivity, string Url);

/// <summary>The model of <see cref="DataSharingEmailTemplates.SignRequest"/>: <see cref="PartyName"/> is the party the reader signs for.</summary>
public sealed record SignRequestEmail(AgreementEmailInfo Agreement, int VersionNumber, string PartyName, string SignUrl) : EmailModel;

/// <summary>The model of <see cref="DataSharingEmailTemplates.ExpiryReminder"/>; <see cref="EndsOn"/> is yyyy-MM-dd.</summary>
public sealed record ExpiryReminderEmail(AgreementEmailInfo Agreement, int DaysLeft, string EndsOn) : EmailModel;

/// <summary>The model of <see cref="DataSharingEmailTemplates.DestructionReminder"/>: the party that must destroy the data, by when, how, where to attest.</summary>
public sealed record DestructionReminderEmail(AgreementEmailInfo Agreement, string PartyName, int DaysLeft, string DestroyBy, string? Method, string AttestUrl) : EmailModel;

/// <summary>The model of <see cref="DataSharingEmailTemplates.Expired"/>; dates are yyyy-MM-dd.</summary>
public sealed record AgreementExpiredEmail(AgreementEmailInfo Agreement, string EndedOn, string? DestructionDate) : EmailModel;
