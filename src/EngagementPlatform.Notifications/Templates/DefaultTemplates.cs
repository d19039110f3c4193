namespace EngagementPlatform.Notifications.Templates;

public sealed record TemplateText(string Subject, string Text, string Html);

/// <summary>The product's own emails, in English and Spanish. Tenants can override any of them per language.</summary>
public static class DefaultTemplates
{
    public const string DecisionDecided = "decision-decided";
    public const string VotingOpened = "voting-opened";
    public const string VotingClosingSoon = "voting-closing-soon";

    /// <summary>Asks someone who left input through a public link to confirm their address before any other mail.</summary>
    public const string PublicInputConfirmEmail = "public-input-confirm-email";

    public static readonly string[] Cultures = ["en", "es"];

    /// <summary>Phrases the code puts into a model (not template text); a tenant cannot override these.</summary>
    public const string VoterReason = "reason.voter";

    private static readonly Dictionary<(string Key, string Culture), string> Phrases = new()
    {
        [(VoterReason, "en")] = "you hold a voting seat on this council, so this vote is yours to cast.",
        [(VoterReason, "es")] = "usted ocupa un puesto con voto en este consejo y esta votación es suya.",
    };

    /// <summary>A phrase in the reader's language (English when the language has none).</summary>
    public static string Phrase(string key, string culture)
        => Phrases.GetValueOrDefault((key, culture)) ?? Phrases[(key, "en")];

    // Every optional value sits inside its own {% if %}, so a missing one drops its sentence instead of leaving a
    // hole. The renderer treats an empty or blank value as missing. TemplateHoleTests renders every template with
    // each optional value missing.
    private const string HtmlFooterEn = """
        {% if reason %}<p style="color:#555;font-size:13px">Why you got this email: {{ reason }}</p>{% endif %}
        {% if preferencesUrl %}<p style="color:#555;font-size:13px"><a href="{{ preferencesUrl }}">Choose which emails you get</a></p>{% endif %}
        {% if unsubscribeUrl %}<p style="color:#555;font-size:13px"><a href="{{ unsubscribeUrl }}">Stop emails like this</a></p>{% endif %}
        """;

    private const string HtmlFooterEs = """
        {% if reason %}<p style="color:#555;font-size:13px">Por qué recibe este correo: {{ reason }}</p>{% endif %}
        {% if preferencesUrl %}<p style="color:#555;font-size:13px"><a href="{{ preferencesUrl }}">Elegir qué correos recibo</a></p>{% endif %}
        {% if unsubscribeUrl %}<p style="color:#555;font-size:13px"><a href="{{ unsubscribeUrl }}">No recibir más correos como este</a></p>{% endif %}
        """;

    private const string TextFooterEn = """

        {% if reason %}Why you got this email: {{ reason }}
        {% endif %}{% if preferencesUrl %}Choose which emails you get: {{ preferencesUrl }}
        {% endif %}{% if unsubscribeUrl %}Stop emails like this: {{ unsubscribeUrl }}
        {% endif %}
        """;

    private const string TextFooterEs = """

        {% if reason %}Por qué recibe este correo: {{ reason }}
        {% endif %}{% if preferencesUrl %}Elegir qué correos recibo: {{ preferencesUrl }}
        {% endif %}{% if unsubscribeUrl %}No recibir más correos como este: {{ unsubscribeUrl }}
        {% endif %}
        """;

    public static readonly IReadOnlyDictionary<(string Name, string Culture), TemplateText> All = new Dictionary<(string, string), TemplateText>
    {
        [(DecisionDecided, "en")] = new(
            "What came of your input: {{ decision.title }}",
            """
            Hello{% if recipientName %} {{ recipientName }}{% endif %},

            The council has decided on "{{ decision.title }}".
            {% if decision.outcome %}
            What was decided: {{ decision.outcome }}{% endif %}{% if decision.rationale %}
            Why: {{ decision.rationale }}{% endif %}
            {% if inputs.size > 0 %}
            You shared {{ inputs.size }} {% if inputs.size == 1 %}idea{% else %}ideas{% endif %}. Here is what happened to each:
            {% for input in inputs %}
            - {% if input.text %}"{{ input.text }}"{% else %}Your idea{% endif %}
              {% case input.use %}{% when "Adopted" %}Adopted as you suggested.{% when "Adapted" %}Adopted with changes.{% else %}Not adopted this time.{% endcase %}{% if input.explanation %} {{ input.explanation }}{% endif %}
            {% endfor %}{% endif %}{% if voted %}
            Thank you for voting.{% endif %}{% if decision.url %}

            See the decision and everyone's input: {{ decision.url }}{% endif %}
            """ + TextFooterEn,
            """
            <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
            <p>The council has decided on <strong>{{ decision.title }}</strong>.</p>
            {% if decision.outcome or decision.rationale %}<p>{% if decision.outcome %}<strong>What was decided:</strong> {{ decision.outcome }}{% endif %}{% if decision.outcome and decision.rationale %}<br>{% endif %}{% if decision.rationale %}<strong>Why:</strong> {{ decision.rationale }}{% endif %}</p>{% endif %}
            {% if inputs.size > 0 %}<p>You shared {{ inputs.size }} {% if inputs.size == 1 %}idea{% else %}ideas{% endif %}. Here is what happened to each:</p><ul>
            {% for input in inputs %}<li>{% if input.text %}“{{ input.text }}”{% else %}Your idea{% endif %} — <strong>{% case input.use %}{% when "Adopted" %}Adopted as you suggested.{% when "Adapted" %}Adopted with changes.{% else %}Not adopted this time.{% endcase %}</strong>{% if input.explanation %} {{ input.explanation }}{% endif %}</li>{% endfor %}
            </ul>{% endif %}{% if voted %}<p>Thank you for voting.</p>{% endif %}
            {% if decision.url %}<p><a href="{{ decision.url }}">See the decision and everyone's input</a></p>{% endif %}
            """ + HtmlFooterEn),
        [(DecisionDecided, "es")] = new(
            "Qué pasó con su aporte: {{ decision.title }}",
            """
            Hola{% if recipientName %} {{ recipientName }}{% endif %}:

            El consejo tomó una decisión sobre "{{ decision.title }}".
            {% if decision.outcome %}
            Lo que se decidió: {{ decision.outcome }}{% endif %}{% if decision.rationale %}
            Por qué: {{ decision.rationale }}{% endif %}
            {% if inputs.size > 0 %}
            Usted compartió {{ inputs.size }} {% if inputs.size == 1 %}idea{% else %}ideas{% endif %}. Esto es lo que pasó con cada una:
            {% for input in inputs %}
            - {% if input.text %}"{{ input.text }}"{% else %}Su idea{% endif %}
              {% case input.use %}{% when "Adopted" %}Se adoptó tal como la propuso.{% when "Adapted" %}Se adoptó con cambios.{% else %}Esta vez no se adoptó.{% endcase %}{% if input.explanation %} {{ input.explanation }}{% endif %}
            {% endfor %}{% endif %}{% if voted %}
            Gracias por votar.{% endif %}{% if decision.url %}

            Vea la decisión y todos los aportes: {{ decision.url }}{% endif %}
            """ + TextFooterEs,
            """
            <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
            <p>El consejo tomó una decisión sobre <strong>{{ decision.title }}</strong>.</p>
            {% if decision.outcome or decision.rationale %}<p>{% if decision.outcome %}<strong>Lo que se decidió:</strong> {{ decision.outcome }}{% endif %}{% if decision.outcome and decision.rationale %}<br>{% endif %}{% if decision.rationale %}<strong>Por qué:</strong> {{ decision.rationale }}{% endif %}</p>{% endif %}
            {% if inputs.size > 0 %}<p>Usted compartió {{ inputs.size }} {% if inputs.size == 1 %}idea{% else %}ideas{% endif %}. Esto es lo que pasó con cada una:</p><ul>
            {% for input in inputs %}<li>{% if input.text %}“{{ input.text }}”{% else %}Su idea{% endif %} — <strong>{% case input.use %}{% when "Adopted" %}Se adoptó tal como la propuso.{% when "Adapted" %}Se adoptó con cambios.{% else %}Esta vez no se adoptó.{% endcase %}</strong>{% if input.explanation %} {{ input.explanation }}{% endif %}</li>{% endfor %}
            </ul>{% endif %}{% if voted %}<p>Gracias por votar.</p>{% endif %}
            {% if decision.url %}<p><a href="{{ decision.url }}">Vea la decisión y todos los aportes</a></p>{% endif %}
            """ + HtmlFooterEs),
        [(VotingOpened, "en")] = new(
            "Your vote is open: {{ decision.title }}",
            """
            Hello{% if recipientName %} {{ recipientName }}{% endif %},

            Voting is open on "{{ decision.title }}" and you are one of the voters. {% if decision.closesAt %}Voting closes on {{ decision.closesAt }}.{% else %}No closing time is set yet.{% endif %}
            {% if decision.url %}
            Cast or change your vote: {{ decision.url }}{% endif %}
            """ + TextFooterEn,
            """
            <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
            <p>Voting is open on <strong>{{ decision.title }}</strong> and you are one of the voters. {% if decision.closesAt %}Voting closes on {{ decision.closesAt }}.{% else %}No closing time is set yet.{% endif %}</p>
            {% if decision.url %}<p><a href="{{ decision.url }}">Cast or change your vote</a></p>{% endif %}
            """ + HtmlFooterEn),
        [(VotingOpened, "es")] = new(
            "Su votación está abierta: {{ decision.title }}",
            """
            Hola{% if recipientName %} {{ recipientName }}{% endif %}:

            La votación sobre "{{ decision.title }}" está abierta y usted es uno de los votantes. {% if decision.closesAt %}La votación cierra el {{ decision.closesAt }}.{% else %}Aún no tiene hora de cierre.{% endif %}
            {% if decision.url %}
            Vote o cambie su voto: {{ decision.url }}{% endif %}
            """ + TextFooterEs,
            """
            <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
            <p>La votación sobre <strong>{{ decision.title }}</strong> está abierta y usted es uno de los votantes. {% if decision.closesAt %}La votación cierra el {{ decision.closesAt }}.{% else %}Aún no tiene hora de cierre.{% endif %}</p>
            {% if decision.url %}<p><a href="{{ decision.url }}">Vote o cambie su voto</a></p>{% endif %}
            """ + HtmlFooterEs),
        [(VotingClosingSoon, "en")] = new(
            "One day left to vote: {{ decision.title }}",
            """
            Hello{% if recipientName %} {{ recipientName }}{% endif %},

            Voting on "{{ decision.title }}" closes {% if decision.closesAt %}on {{ decision.closesAt }}{% else %}within a day{% endif %} and we have not received your vote yet.
            {% if decision.url %}
            Vote here: {{ decision.url }}{% endif %}
            """ + TextFooterEn,
            """
            <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
            <p>Voting on <strong>{{ decision.title }}</strong> closes {% if decision.closesAt %}on {{ decision.closesAt }}{% else %}within a day{% endif %} and we have not received your vote yet.</p>
            {% if decision.url %}<p><a href="{{ decision.url }}">Vote here</a></p>{% endif %}
            """ + HtmlFooterEn),
        [(VotingClosingSoon, "es")] = new(
            "Queda un día para votar: {{ decision.title }}",
            """
            Hola{% if recipientName %} {{ recipientName }}{% endif %}:

            La votación sobre "{{ decision.title }}" cierra {% if decision.closesAt %}el {{ decision.closesAt }}{% else %}en menos de un día{% endif %} y aún no hemos recibido su voto.
            {% if decision.url %}
            Vote aquí: {{ decision.url }}{% endif %}
            """ + TextFooterEs,
            """
            <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
            <p>La votación sobre <strong>{{ decision.title }}</strong> cierra {% if decision.closesAt %}el {{ decision.closesAt }}{% else %}en menos de un día{% endif %} y aún no hemos recibido su voto.</p>
            {% if decision.url %}<p><a href="{{ decision.url }}">Vote aquí</a></p>{% endif %}
            """ + HtmlFooterEs),
        [(PublicInputConfirmEmail, "en")] = new(
            "Confirm your email to hear back about: {{ decision.title }}",
            """
            Hello{% if recipientName %} {{ recipientName }}{% endif %},

            Thank you for your input on "{{ decision.title }}". To hear back when it is decided, confirm this address:

            {{ confirmUrl }}

            If you did not share input, ignore this email: without confirmation we will not write to you again.
            """ + TextFooterEn,
            """
            <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
            <p>Thank you for your input on <strong>{{ decision.title }}</strong>. To hear back when it is decided, confirm this address:</p>
            <p><a href="{{ confirmUrl }}">Confirm my email</a></p>
            <p>If you did not share input, ignore this email: without confirmation we will not write to you again.</p>
            """ + HtmlFooterEn),
        [(PublicInputConfirmEmail, "es")] = new(
            "Confirme su correo para recibir noticias sobre: {{ decision.title }}",
            """
            Hola{% if recipientName %} {{ recipientName }}{% endif %}:

            Gracias por su aporte sobre "{{ decision.title }}". Para recibir noticias cuando se decida, confirme este correo:

            {{ confirmUrl }}

            Si usted no envió ningún aporte, ignore este correo: sin confirmación no le volveremos a escribir.
            """ + TextFooterEs,
            """
            <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
            <p>Gracias por su aporte sobre <strong>{{ decision.title }}</strong>. Para recibir noticias cuando se decida, confirme este correo:</p>
            <p><a href="{{ confirmUrl }}">Confirmar mi correo</a></p>
            <p>Si usted no envió ningún aporte, ignore este correo: sin confirmación no le volveremos a escribir.</p>
            """ + HtmlFooterEs),
    };

    public static IEnumerable<string> Names => All.Keys.Select(k => k.Name).Distinct();
}
