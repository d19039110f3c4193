using FluentValidation;
using FluentValidation.Validators;
using MimeKit;

namespace EngagementPlatform.Framework.Validation;

/// <summary>
/// The one rule for an email address anyone can type: it must be exactly what the mail library will later put on an
/// envelope. FluentValidation's own <c>EmailAddress()</c> only looks for an "@", so <c>a b@x.org</c> or
/// <c>a,b@x</c> passed and later made MimeKit throw in the sender. Every module validates addresses with this.
/// </summary>
public static class EmailAddressRules
{
    /// <summary>Strict parsing: no obsolete syntax, no group lists, no address without a domain.</summary>
    private static readonly ParserOptions Strict = CreateStrict();

    /// <summary>True when <paramref name="value"/> is a single mailbox, with a local part and a domain, and nothing else.</summary>
    public static bool IsDeliverable(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 256 || value != value.Trim())
        {
            return false;
        }

        // Only the bare address: a display name or angle brackets belong in other fields.
        if (!MailboxAddress.TryParse(Strict, value, out var mailbox) || mailbox.Route.Count > 0 || !string.IsNullOrEmpty(mailbox.Name))
        {
            return false;
        }

        var at = mailbox.Address.LastIndexOf('@');
        return at > 0 && at < mailbox.Address.Length - 1
            && string.Equals(mailbox.Address, value, StringComparison.Ordinal)
            && !mailbox.Domain.StartsWith('.') && !mailbox.Domain.EndsWith('.') && !mailbox.Domain.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>A deliverable address (see <see cref="IsDeliverable"/>); the message is FluentValidation's own, in en and es.</summary>
    /// <remarks>Declared nullable-oblivious so it serves <c>string</c> and <c>string?</c> properties alike; null passes (pair with NotEmpty).</remarks>
#nullable disable
    public static IRuleBuilderOptions<T, string> DeliverableEmail<T>(this IRuleBuilder<T, string> rule)
        => rule.SetValidator(new DeliverableEmailValidator<T>());
#nullable enable

    private static ParserOptions CreateStrict()
    {
        var options = ParserOptions.Default.Clone();
        options.AddressParserComplianceMode = RfcComplianceMode.Strict;
        options.AllowAddressesWithoutDomain = false;
        options.AllowUnquotedCommasInAddresses = false;
        options.Rfc2047ComplianceMode = RfcComplianceMode.Strict;
        return options;
    }

#nullable disable
    private sealed class DeliverableEmailValidator<T> : PropertyValidator<T, string>
    {
        public override string Name => "EmailValidator";

        public override bool IsValid(ValidationContext<T> context, string value) => value is null || IsDeliverable(value);
#nullable enable

        protected override string GetDefaultMessageTemplate(string errorCode) => Localized(errorCode, Name);
    }
}
