using EngagementPlatform.Notifications.Domain;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace EngagementPlatform.Notifications.Sending;

/// <summary>Turns an outbox row into a MIME message: both parts, a stable Message-ID, RFC 8058 headers, DKIM.</summary>
public sealed class MessageBuilder
{
    private static readonly HeaderId[] SignedHeaders =
    [
        HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost,
    ];

    private readonly MailboxAddress _from;
    private readonly DkimSigner? _signer;

    public MessageBuilder(IOptions<MailOptions> options)
    {
        _from = MailboxAddress.Parse(options.Value.From);
        var dkim = options.Value.Dkim;
        if (dkim.Enabled)
        {
            _signer = new DkimSigner(dkim.PrivateKeyPath!, dkim.Domain!, dkim.Selector!)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
        }
    }

    public string MessageIdDomain => _from.Domain;

    public MimeMessage Build(OutboxMessage row)
    {
        var message = new MimeMessage
        {
            Subject = row.Subject,
            MessageId = row.MessageId(MessageIdDomain),
            Date = row.CreatedAt,
        };
        message.From.Add(_from);
        message.To.Add(new MailboxAddress(row.ToName ?? string.Empty, row.ToEmail));
        message.Headers.Add("X-EngagementPlatform-Category", row.Category.ToString());
        if (row.Category != EmailCategory.Essential && row.UnsubscribeUrl is { } url)
        {
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{url}>");
            message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody();
        if (_signer is not null)
        {
            message.Prepare(EncodingConstraint.SevenBit);
            _signer.Sign(message, SignedHeaders);
        }

        return message;
    }
}
