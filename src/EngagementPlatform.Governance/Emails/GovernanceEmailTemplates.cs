using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Notifications;

namespace EngagementPlatform.Governance.Emails;

/// <summary>Governance's own emails, registered with Notifications at start-up (Governance knows only its contracts).</summary>
public sealed class GovernanceEmailTemplates : IEmailTemplateProvider
{
    /// <summary>Asks someone who left input through a public link to confirm their address before any other mail.</summary>
    public const string PublicInputConfirmEmail = "public-input-confirm-email";

    public IEnumerable<EmailTemplateDefinition> Templates() =>
    [
        EmailTemplateDefinition.For(
            PublicInputConfirmEmail,
            new EmailTemplateText(
            "Confirm your email to hear back about: {{ decision.title }}",
            """
            Hello{% if recipientName %} {{ recipientName }}{% endif %},

            Thank you for your input on "{{ decision.title }}". To hear back when it is decided, confirm this address:

            {{ confirmUrl }}

            If you did not share input, ignore this email: without confirmation we will not write to you again.
            """ + EmailFooters.TextEn,
            """
            <p>Hello{% if recipientName %} {{ recipientName }}{% endif %},</p>
            <p>Thank you for your input on <strong>{{ decision.title }}</strong>. To hear back when it is decided, confirm this address:</p>
            <p><a href="{{ confirmUrl }}">Confirm my email</a></p>
            <p>If you did not share input, ignore this email: without confirmation we will not write to you again.</p>
            """ + EmailFooters.HtmlEn),
            new EmailTemplateText(
            "Confirme su correo para recibir noticias sobre: {{ decision.title }}",
            """
            Hola{% if recipientName %} {{ recipientName }}{% endif %}:

            Gracias por su aporte sobre "{{ decision.title }}". Para recibir noticias cuando se decida, confirme este correo:

            {{ confirmUrl }}

            Si usted no envió ningún aporte, ignore este correo: sin confirmación no le volveremos a escribir.
            """ + EmailFooters.TextEs,
            """
            <p>Hola{% if recipientName %} {{ recipientName }}{% endif %}:</p>
            <p>Gracias por su aporte sobre <strong>{{ decision.title }}</strong>. Para recibir noticias cuando se decida, confirme este correo:</p>
            <p><a href="{{ confirmUrl }}">Confirmar mi correo</a></p>
            <p>Si usted no envió ningún aporte, ignore este correo: sin confirmación no le volveremos a escribir.</p>
            """ + EmailFooters.HtmlEs),
            (culture, texts) => new PublicInputConfirmEmailModel(
                new PublicInputDecision(culture == "es" ? "Abrir la clínica los sábados" : "Open the clinic on Saturdays"),
                "https://example.org/public/confirm-email?token=preview&__tenant=example")
            {
                Reason = texts.Get(GovernanceTexts.PublicEmailReason, TextLocalizer.CultureOf(culture)),
            }),
    ];
}

/// <summary>The model of <see cref="GovernanceEmailTemplates.PublicInputConfirmEmail"/>.</summary>
public sealed record PublicInputConfirmEmailModel(PublicInputDecision Decision, string ConfirmUrl) : EmailModel;

public sealed record PublicInputDecision(string Title);
