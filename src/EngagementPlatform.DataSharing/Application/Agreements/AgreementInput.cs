using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.Framework.Exceptions;
using EngagementPlatform.Framework.Validation;
using EngagementPlatform.Identity;
using FluentValidation;

namespace EngagementPlatform.DataSharing.Application.Agreements;

/// <summary>
/// A party as the editor sends it. <see cref="Id"/> keeps a party across edits and versions (a signature or a
/// destruction attestation names it); left out, or naming no party of this agreement, the party is new.
/// </summary>
public sealed record PartyInput(
    Guid? Id,
    string Name,
    PartyKind Kind,
    PartyRole Role,
    Guid? SignatoryUserId,
    string? ContactEmail,
    bool SignatureRequired = true);

/// <summary>The body of create and edit-draft: everything a version says (see <see cref="AgreementContent"/>).</summary>
public sealed record AgreementInput(
    string Title,
    string Purpose,
    DataSensitivity Sensitivity,
    IReadOnlyList<PartyInput> Parties,
    IReadOnlyList<DataElement> DataElements,
    GovernanceTerms Governance,
    IReadOnlyList<string> PermittedUses,
    string? RetentionPeriod,
    DateOnly? DestructionDate,
    string? DestructionMethod,
    int? BreachNotificationDays,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo)
{
    /// <summary>
    /// The domain's content: strings trimmed (blank optional ones become null), each party's id kept when it is one of
    /// <paramref name="knownPartyIds"/> (a party of this agreement in any version), a new id otherwise.
    /// </summary>
    public AgreementContent ToContent(IReadOnlySet<Guid> knownPartyIds) => new(
        Title.Trim(),
        Purpose.Trim(),
        Sensitivity,
        Parties.Select(p => new AgreementParty(
            p.Id is { } id && knownPartyIds.Contains(id) ? id : Guid.CreateVersion7(),
            p.Name.Trim(),
            p.Kind,
            p.Role,
            p.SignatoryUserId,
            Blank(p.ContactEmail),
            p.SignatureRequired)).ToList(),
        DataElements.Select(e => new DataElement(e.Name.Trim(), Blank(e.Description), e.Sensitivity)).ToList(),
        new GovernanceTerms(Governance.DataOwner.Trim(), Governance.WhoMayPublish.Trim(), Governance.CommunityReviewBeforePublication, Blank(Governance.ReturnOfResults)),
        PermittedUses.Select(u => u.Trim()).ToList(),
        Blank(RetentionPeriod),
        DestructionDate,
        Blank(DestructionMethod),
        BreachNotificationDays,
        EffectiveFrom,
        EffectiveTo);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A command whose body is an <see cref="AgreementInput"/> (create, edit draft).</summary>
public interface IAgreementInputCommand
{
    AgreementInput Agreement { get; }
}

/// <summary>
/// The shape of an agreement's content, checked before anything is read: lengths from <see cref="AgreementContent"/>,
/// enums by name, at most <see cref="AgreementContent.MaxParties"/> parties (names unique), data elements (names unique)
/// and permitted uses, contact emails that are one bare deliverable address (MimeKit's parser), a breach window of 1 to
/// 365 days and dates between 1900 and 2200. Field names are the body's (<c>parties[1].contactEmail</c>). The rules a
/// draft may still break while being written (two parties, a signatory each, PHI terms, date order) are checked when
/// it is submitted.
/// </summary>
public abstract class AgreementInputValidator<T> : AbstractValidator<T>
    where T : IAgreementInputCommand
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2200, 12, 31);

    protected AgreementInputValidator()
    {
        RuleFor(c => c.Agreement.Title).NotEmpty().MaximumLength(AgreementContent.MaxTitleLength).OverridePropertyName("title");
        RuleFor(c => c.Agreement.Purpose).NotEmpty().MaximumLength(AgreementContent.MaxPurposeLength).OverridePropertyName("purpose");
        RuleFor(c => c.Agreement.Sensitivity).IsInEnum().OverridePropertyName("sensitivity");

        RuleFor(c => c.Agreement.Parties).Cascade(CascadeMode.Stop).NotNull()
            .Must(p => p.Count <= AgreementContent.MaxParties).WithMessage($"An agreement has at most {AgreementContent.MaxParties} parties.")
            .Must(p => UniqueNames(p.Select(x => x.Name))).WithMessage("Two parties have the same name.")
            .Must(p => p.Where(x => x.Id is not null).GroupBy(x => x.Id).All(g => g.Count() == 1)).WithMessage("Two parties have the same id.")
            .OverridePropertyName("parties");
        RuleForEach(c => c.Agreement.Parties).ChildRules(party =>
        {
            party.RuleFor(p => p.Name).NotEmpty().MaximumLength(AgreementContent.MaxPartyNameLength);
            party.RuleFor(p => p.Kind).IsInEnum();
            party.RuleFor(p => p.Role).IsInEnum();
            party.RuleFor(p => p.SignatoryUserId).NotEqual(Guid.Empty);
            party.RuleFor(p => p.ContactEmail).MaximumLength(AgreementContent.MaxEmailLength).DeliverableEmail();
        }).OverridePropertyName("parties");

        RuleFor(c => c.Agreement.DataElements).Cascade(CascadeMode.Stop).NotNull()
            .Must(e => e.Count <= AgreementContent.MaxDataElements).WithMessage($"An agreement lists at most {AgreementContent.MaxDataElements} data elements.")
            .Must(e => UniqueNames(e.Select(x => x.Name))).WithMessage("Two data elements have the same name.")
            .OverridePropertyName("dataElements");
        RuleForEach(c => c.Agreement.DataElements).ChildRules(element =>
        {
            element.RuleFor(e => e.Name).NotEmpty().MaximumLength(AgreementContent.MaxElementNameLength);
            element.RuleFor(e => e.Description).MaximumLength(AgreementContent.MaxElementDescriptionLength);
            element.RuleFor(e => e.Sensitivity).IsInEnum();
        }).OverridePropertyName("dataElements");

        RuleFor(c => c.Agreement.Governance.DataOwner).NotEmpty().MaximumLength(AgreementContent.MaxTermLength).OverridePropertyName("governance.dataOwner");
        RuleFor(c => c.Agreement.Governance.WhoMayPublish).NotEmpty().MaximumLength(AgreementContent.MaxTermLength).OverridePropertyName("governance.whoMayPublish");
        RuleFor(c => c.Agreement.Governance.ReturnOfResults).MaximumLength(AgreementContent.MaxTermLength).OverridePropertyName("governance.returnOfResults");

        RuleFor(c => c.Agreement.PermittedUses).Cascade(CascadeMode.Stop).NotNull()
            .Must(u => u.Count <= AgreementContent.MaxPermittedUses).WithMessage($"An agreement lists at most {AgreementContent.MaxPermittedUses} permitted uses.")
            .OverridePropertyName("permittedUses");
        RuleForEach(c => c.Agreement.PermittedUses).NotEmpty().MaximumLength(AgreementContent.MaxPermittedUseLength).OverridePropertyName("permittedUses");

        RuleFor(c => c.Agreement.RetentionPeriod).MaximumLength(AgreementContent.MaxRetentionLength).OverridePropertyName("retentionPeriod");
        RuleFor(c => c.Agreement.DestructionMethod).MaximumLength(AgreementContent.MaxDestructionMethodLength).OverridePropertyName("destructionMethod");
        RuleFor(c => c.Agreement.BreachNotificationDays).InclusiveBetween(1, 365).OverridePropertyName("breachNotificationDays");

        // Left out, effectiveFrom would bind as 0001-01-01.
        RuleFor(c => c.Agreement.EffectiveFrom).InclusiveBetween(Earliest, Latest).OverridePropertyName("effectiveFrom");
        RuleFor(c => c.Agreement.EffectiveTo).InclusiveBetween(Earliest, Latest).When(c => c.Agreement.EffectiveTo is not null).OverridePropertyName("effectiveTo");
        RuleFor(c => c.Agreement.DestructionDate).InclusiveBetween(Earliest, Latest).When(c => c.Agreement.DestructionDate is not null).OverridePropertyName("destructionDate");
    }

    private static bool UniqueNames(IEnumerable<string?> names)
    {
        var trimmed = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).ToList();
        return trimmed.Distinct(StringComparer.OrdinalIgnoreCase).Count() == trimmed.Count;
    }
}

internal static class AgreementSignatories
{
    /// <summary>
    /// Every signatory named in <paramref name="input"/> must be an active user of the current partnership: otherwise a
    /// 422 <see cref="DataSharingErrorCodes.UnknownUser"/> naming each field (<c>parties[2].signatoryUserId</c>).
    /// </summary>
    public static async Task EnsureKnownAsync(this IUserDirectory users, AgreementInput input, CancellationToken cancellationToken)
    {
        var ids = input.Parties.Where(p => p.SignatoryUserId is not null).Select(p => p.SignatoryUserId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var found = await users.FindAsync(ids, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < input.Parties.Count; i++)
        {
            if (input.Parties[i].SignatoryUserId is { } id && !(found.TryGetValue(id, out var user) && user.IsActive))
            {
                errors[$"parties[{i}].signatoryUserId"] = [DataSharingErrorCodes.UnknownUser];
            }
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(DataSharingErrorCodes.UnknownUser, errors, RefusalKind.RuleBroken);
        }
    }
}
