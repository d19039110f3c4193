using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Notifications.FeedbackLoop;

namespace EngagementPlatform.Notifications.Templates;

/// <summary>
/// The close-the-loop emails Notifications itself sends for Governance's events, in English and Spanish, registered
/// like any module's (<see cref="IEmailTemplateProvider"/>). Tenants can override any of them per language.
/// </summary>
public sealed class NotificationsEmailTemplates : IEmailTemplateProvider
{
    public const string DecisionDecided = "decision-decided";
    public const string VotingOpened = "voting-opened";
    public const string VotingClosingSoon = "voting-closing-soon";

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
    public IEnumerable<EmailTemplateDefinition> Templates() =>
    [
        EmailTemplateDefinition.For(
            DecisionDecided,
            new EmailTemplateText(
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
            """ + EmailFooters.TextEn,
            """
            <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
            <p>The council has decided on <strong>{{ decision.title }}</strong>.</p>
            {% if decision.outcome or decision.rationale %}<p>{% if decision.outcome %}<strong>What was decided:</strong> {{ decision.outcome }}{% endif %}{% if decision.outcome and decision.rationale %}<br>{% endif %}{% if decision.rationale %}<strong>Why:</strong> {{ decision.rationale }}{% endif %}</p>{% endif %}
            {% if inputs.size > 0 %}<p>You shared {{ inputs.size }} {% if inputs.size == 1 %}idea{% else %}ideas{% endif %}. Here is what happened to each:</p><ul>
            {% for input in inputs %}<li>{% if input.text %}“{{ input.text }}”{% else %}Your idea{% endif %} — <strong>{% case input.use %}{% when "Adopted" %}Adopted as you suggested.{% when "Adapted" %}Adopted with changes.{% else %}Not adopted this time.{% endcase %}</strong>{% if input.explanation %} {{ input.explanation }}{% endif %}</li>{% endfor %}
            </ul>{% endif %}{% if voted %}<p>Thank you for voting.</p>{% endif %}
            {% if decision.url %}<p><a href="{{ decision.url }}">See the decision and everyone's input</a></p>{% endif %}
            """ + EmailFooters.HtmlEn),
            new EmailTemplateText(
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
            """ + EmailFooters.TextEs,
            """
            <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
            <p>El consejo tomó una decisión sobre <strong>{{ decision.title }}</strong>.</p>
            {% if decision.outcome or decision.rationale %}<p>{% if decision.outcome %}<strong>Lo que se decidió:</strong> {{ decision.outcome }}{% endif %}{% if decision.outcome and decision.rationale %}<br>{% endif %}{% if decision.rationale %}<strong>Por qué:</strong> {{ decision.rationale }}{% endif %}</p>{% endif %}
            {% if inputs.size > 0 %}<p>Usted compartió {{ inputs.size }} {% if inputs.size == 1 %}idea{% else %}ideas{% endif %}. Esto es lo que pasó con cada una:</p><ul>
            {% for input in inputs %}<li>{% if input.text %}“{{ input.text }}”{% else %}Su idea{% endif %} — <strong>{% case input.use %}{% when "Adopted" %}Se adoptó tal como la propuso.{% when "Adapted" %}Se adoptó con cambios.{% else %}Esta vez no se adoptó.{% endcase %}</strong>{% if input.explanation %} {{ input.explanation }}{% endif %}</li>{% endfor %}
            </ul>{% endif %}{% if voted %}<p>Gracias por votar.</p>{% endif %}
            {% if decision.url %}<p><a href="{{ decision.url }}">Vea la decisión y todos los aportes</a></p>{% endif %}
            """ + EmailFooters.HtmlEs),
            DecidedSample),
        EmailTemplateDefinition.For(
            VotingOpened,
            new EmailTemplateText(
            "Your vote is open: {{ decision.title }}",
            """
            Hello{% if recipientName %} {{ recipientName }}{% endif %},

            Voting is open on "{{ decision.title }}" and you are one of the voters. {% if decision.closesAt %}Voting closes on {{ decision.closesAt }}.{% else %}No closing time is set yet.{% endif %}
            {% if decision.url %}
            Cast or change your vote: {{ decision.url }}{% endif %}
            """ + EmailFooters.TextEn,
            """
            <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
            <p>Voting is open on <strong>{{ decision.title }}</strong> and you are one of the voters. {% if decision.closesAt %}Voting closes on {{ decision.closesAt }}.{% else %}No closing time is set yet.{% endif %}</p>
            {% if decision.url %}<p><a href="{{ decision.url }}">Cast or change your vote</a></p>{% endif %}
            """ + EmailFooters.HtmlEn),
            new EmailTemplateText(
            "Su votación está abierta: {{ decision.title }}",
            """
            Hola{% if recipientName %} {{ recipientName }}{% endif %}:

            La votación sobre "{{ decision.title }}" está abierta y usted es uno de los votantes. {% if decision.closesAt %}La votación cierra el {{ decision.closesAt }}.{% else %}Aún no tiene hora de cierre.{% endif %}
            {% if decision.url %}
            Vote o cambie su voto: {{ decision.url }}{% endif %}
            """ + EmailFooters.TextEs,
            """
            <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
            <p>La votación sobre <strong>{{ decision.title }}</strong> está abierta y usted es uno de los votantes. {% if decision.closesAt %}La votación cierra el {{ decision.closesAt }}.{% else %}Aún no tiene hora de cierre.{% endif %}</p>
            {% if decision.url %}<p><a href="{{ decision.url }}">Vote o cambie su voto</a></p>{% endif %}
            """ + EmailFooters.HtmlEs),
            VotingSample),
        EmailTemplateDefinition.For(
            VotingClosingSoon,
            new EmailTemplateText(
            "One day left to vote: {{ decision.title }}",
            """
            Hello{% if recipientName %} {{ recipientName }}{% endif %},

            Voting on "{{ decision.title }}" closes {% if decision.closesAt %}on {{ decision.closesAt }}{% else %}within a day{% endif %} and we have not received your vote yet.
            {% if decision.url %}
            Vote here: {{ decision.url }}{% endif %}
            """ + EmailFooters.TextEn,
            """
            <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
            <p>Voting on <strong>{{ decision.title }}</strong> closes {% if decision.closesAt %}on {{ decision.closesAt }}{% else %}within a day{% endif %} and we have not received your vote yet.</p>
            {% if decision.url %}<p><a href="{{ decision.url }}">Vote here</a></p>{% endif %}
            """ + EmailFooters.HtmlEn),
            new EmailTemplateText(
            "Queda un día para votar: {{ decision.title }}",
            """
            Hola{% if recipientName %} {{ recipientName }}{% endif %}:

            La votación sobre "{{ decision.title }}" cierra {% if decision.closesAt %}el {{ decision.closesAt }}{% else %}en menos de un día{% endif %} y aún no hemos recibido su voto.
            {% if decision.url %}
            Vote aquí: {{ decision.url }}{% endif %}
            """ + EmailFooters.TextEs,
            """
            <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
            <p>La votación sobre <strong>{{ decision.title }}</strong> cierra {% if decision.closesAt %}el {{ decision.closesAt }}{% else %}en menos de un día{% endif %} y aún no hemos recibido su voto.</p>
            {% if decision.url %}<p><a href="{{ decision.url }}">Vote aquí</a></p>{% endif %}
            """ + EmailFooters.HtmlEs),
            VotingSample),
    ];

    private static DecisionDecidedEmail DecidedSample(string culture, ITextLocalizer texts)
    {
        var language = TextLocalizer.CultureOf(culture);
        string T(string key) => texts.Get(NotificationsTexts.Sample(key), language);
        return new DecisionDecidedEmail(
            new DecidedDecision(Guid.Empty, T("Title"), T("Outcome"), T("Rationale"), true, null, "https://example.org/decisions/preview?__tenant=example"),
            [new ContributedInputEmail(T("Input"), "Adapted", T("Explanation"))],
            true)
        {
            UnsubscribeUrl = "https://example.org/unsubscribe/preview",
        };
    }

    private static VotingEmail VotingSample(string culture, ITextLocalizer texts)
    {
        var language = TextLocalizer.CultureOf(culture);
        var closesAt = EmailTimes.Format(new DateTimeOffset(2027, 1, 15, 18, 0, 0, TimeSpan.FromHours(-6)), "America/Chicago", culture, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return new VotingEmail(new VotingDecision(texts.Get(NotificationsTexts.Sample("Title"), language), closesAt, "https://example.org/decisions/preview?__tenant=example"))
        {
            Reason = Phrase(VoterReason, culture),
        };
    }
}
