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

    private const string HtmlFooterEn = """
        {% if reason %}<p style="color:#555;font-size:13px">Why you got this email: {{ reason }}</p>{% endif %}
        {% if unsubscribeUrl %}<p style="color:#555;font-size:13px"><a href="{{ unsubscribeUrl }}">Stop emails like this</a></p>{% endif %}
        """;

    private const string HtmlFooterEs = """
        {% if reason %}<p style="color:#555;font-size:13px">Por qué recibe este correo: {{ reason }}</p>{% endif %}
        {% if unsubscribeUrl %}<p style="color:#555;font-size:13px"><a href="{{ unsubscribeUrl }}">No recibir más correos como este</a></p>{% endif %}
        """;

    private const string TextFooterEn = """

        {% if reason %}Why you got this email: {{ reason }}
        {% endif %}{% if unsubscribeUrl %}Stop emails like this: {{ unsubscribeUrl }}
        {% endif %}
        """;

    private const string TextFooterEs = """

        {% if reason %}Por qué recibe este correo: {{ reason }}
        {% endif %}{% if unsubscribeUrl %}No recibir más correos como este: {{ unsubscribeUrl }}
        {% endif %}
        """;

    public static readonly IReadOnlyDictionary<(string Name, string Culture), TemplateText> All = new Dictionary<(string, string), TemplateText>
    {
        [(DecisionDecided, "en")] = new(
            "What came of your input: {{ decision.title }}",
            """
            Hello {{ recipientName }},

            The council has decided on "{{ decision.title }}".

            What was decided: {{ decision.outcome }}
            Why: {{ decision.rationale }}
            {% if inputs.size > 0 %}
            You shared {{ inputs.size }} {% if inputs.size == 1 %}idea{% else %}ideas{% endif %}. Here is what happened to each:
            {% for input in inputs %}
            - "{{ input.text }}"
              {% case input.use %}{% when "Adopted" %}Adopted as you suggested.{% when "Adapted" %}Adopted with changes.{% else %}Not adopted this time.{% endcase %} {{ input.explanation }}
            {% endfor %}{% endif %}{% if voted %}
            Thank you for voting.{% endif %}
            """ + TextFooterEn,
            """
            <p>Hello {{ recipientName }},</p>
            <p>The council has decided on <strong>{{ decision.title }}</strong>.</p>
            <p><strong>What was decided:</strong> {{ decision.outcome }}<br><strong>Why:</strong> {{ decision.rationale }}</p>
            {% if inputs.size > 0 %}<p>You shared {{ inputs.size }} {% if inputs.size == 1 %}idea{% else %}ideas{% endif %}. Here is what happened to each:</p><ul>
            {% for input in inputs %}<li>“{{ input.text }}” — <strong>{% case input.use %}{% when "Adopted" %}Adopted as you suggested.{% when "Adapted" %}Adopted with changes.{% else %}Not adopted this time.{% endcase %}</strong> {{ input.explanation }}</li>{% endfor %}
            </ul>{% endif %}{% if voted %}<p>Thank you for voting.</p>{% endif %}
            """ + HtmlFooterEn),
        [(DecisionDecided, "es")] = new(
            "Qué pasó con su aporte: {{ decision.title }}",
            """
            Hola {{ recipientName }}:

            El consejo tomó una decisión sobre "{{ decision.title }}".

            Lo que se decidió: {{ decision.outcome }}
            Por qué: {{ decision.rationale }}
            {% if inputs.size > 0 %}
            Usted compartió {{ inputs.size }} {% if inputs.size == 1 %}idea{% else %}ideas{% endif %}. Esto es lo que pasó con cada una:
            {% for input in inputs %}
            - "{{ input.text }}"
              {% case input.use %}{% when "Adopted" %}Se adoptó tal como la propuso.{% when "Adapted" %}Se adoptó con cambios.{% else %}Esta vez no se adoptó.{% endcase %} {{ input.explanation }}
            {% endfor %}{% endif %}{% if voted %}
            Gracias por votar.{% endif %}
            """ + TextFooterEs,
            """
            <p>Hola {{ recipientName }}:</p>
            <p>El consejo tomó una decisión sobre <strong>{{ decision.title }}</strong>.</p>
            <p><strong>Lo que se decidió:</strong> {{ decision.outcome }}<br><strong>Por qué:</strong> {{ decision.rationale }}</p>
            {% if inputs.size > 0 %}<p>Usted compartió {{ inputs.size }} {% if inputs.size == 1 %}idea{% else %}ideas{% endif %}. Esto es lo que pasó con cada una:</p><ul>
            {% for input in inputs %}<li>“{{ input.text }}” — <strong>{% case input.use %}{% when "Adopted" %}Se adoptó tal como la propuso.{% when "Adapted" %}Se adoptó con cambios.{% else %}Esta vez no se adoptó.{% endcase %}</strong> {{ input.explanation }}</li>{% endfor %}
            </ul>{% endif %}{% if voted %}<p>Gracias por votar.</p>{% endif %}
            """ + HtmlFooterEs),
        [(VotingOpened, "en")] = new(
            "Your vote is open: {{ decision.title }}",
            """
            Hello {{ recipientName }},

            Voting is open on "{{ decision.title }}" and you are one of the voters.{% if decision.closesAt %} Voting closes on {{ decision.closesAt }}.{% endif %}

            Cast or change your vote: {{ decision.url }}
            """ + TextFooterEn,
            """
            <p>Hello {{ recipientName }},</p>
            <p>Voting is open on <strong>{{ decision.title }}</strong> and you are one of the voters.{% if decision.closesAt %} Voting closes on {{ decision.closesAt }}.{% endif %}</p>
            <p><a href="{{ decision.url }}">Cast or change your vote</a></p>
            """ + HtmlFooterEn),
        [(VotingOpened, "es")] = new(
            "Su votación está abierta: {{ decision.title }}",
            """
            Hola {{ recipientName }}:

            La votación sobre "{{ decision.title }}" está abierta y usted es uno de los votantes.{% if decision.closesAt %} La votación cierra el {{ decision.closesAt }}.{% endif %}

            Vote o cambie su voto: {{ decision.url }}
            """ + TextFooterEs,
            """
            <p>Hola {{ recipientName }}:</p>
            <p>La votación sobre <strong>{{ decision.title }}</strong> está abierta y usted es uno de los votantes.{% if decision.closesAt %} La votación cierra el {{ decision.closesAt }}.{% endif %}</p>
            <p><a href="{{ decision.url }}">Vote o cambie su voto</a></p>
            """ + HtmlFooterEs),
        [(VotingClosingSoon, "en")] = new(
            "One day left to vote: {{ decision.title }}",
            """
            Hello {{ recipientName }},

            Voting on "{{ decision.title }}" closes on {{ decision.closesAt }} and we have not received your vote yet.

            Vote here: {{ decision.url }}
            """ + TextFooterEn,
            """
            <p>Hello {{ recipientName }},</p>
            <p>Voting on <strong>{{ decision.title }}</strong> closes on {{ decision.closesAt }} and we have not received your vote yet.</p>
            <p><a href="{{ decision.url }}">Vote here</a></p>
            """ + HtmlFooterEn),
        [(VotingClosingSoon, "es")] = new(
            "Queda un día para votar: {{ decision.title }}",
            """
            Hola {{ recipientName }}:

            La votación sobre "{{ decision.title }}" cierra el {{ decision.closesAt }} y aún no hemos recibido su voto.

            Vote aquí: {{ decision.url }}
            """ + TextFooterEs,
            """
            <p>Hola {{ recipientName }}:</p>
            <p>La votación sobre <strong>{{ decision.title }}</strong> cierra el {{ decision.closesAt }} y aún no hemos recibido su voto.</p>
            <p><a href="{{ decision.url }}">Vote aquí</a></p>
            """ + HtmlFooterEs),
        [(PublicInputConfirmEmail, "en")] = new(
            "Confirm your email to hear back about: {{ decision.title }}",
            """
            Hello {{ recipientName }},

            Thank you for your input on "{{ decision.title }}". To hear back when it is decided, confirm this address:

            {{ confirmUrl }}

            If you did not share input, ignore this email: without confirmation we will not write to you again.
            """ + TextFooterEn,
            """
            <p>Hello {{ recipientName }},</p>
            <p>Thank you for your input on <strong>{{ decision.title }}</strong>. To hear back when it is decided, confirm this address:</p>
            <p><a href="{{ confirmUrl }}">Confirm my email</a></p>
            <p>If you did not share input, ignore this email: without confirmation we will not write to you again.</p>
            """ + HtmlFooterEn),
        [(PublicInputConfirmEmail, "es")] = new(
            "Confirme su correo para recibir noticias sobre: {{ decision.title }}",
            """
            Hola {{ recipientName }}:

            Gracias por su aporte sobre "{{ decision.title }}". Para recibir noticias cuando se decida, confirme este correo:

            {{ confirmUrl }}

            Si usted no envió ningún aporte, ignore este correo: sin confirmación no le volveremos a escribir.
            """ + TextFooterEs,
            """
            <p>Hola {{ recipientName }}:</p>
            <p>Gracias por su aporte sobre <strong>{{ decision.title }}</strong>. Para recibir noticias cuando se decida, confirme este correo:</p>
            <p><a href="{{ confirmUrl }}">Confirmar mi correo</a></p>
            <p>Si usted no envió ningún aporte, ignore este correo: sin confirmación no le volveremos a escribir.</p>
            """ + HtmlFooterEs),
    };

    public static IEnumerable<string> Names => All.Keys.Select(k => k.Name).Distinct();
}
