using System.Globalization;
using EngagementPlatform.DataSharing.Application.Agreements;
using EngagementPlatform.DataSharing.Domain;
using EngagementPlatform.DataSharing.Persistence;
using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Localization;
using EngagementPlatform.Framework.Permissions;
using EngagementPlatform.Framework.Users;
using EngagementPlatform.Identity;
using FluentValidation;
using Mediator;

namespace EngagementPlatform.DataSharing.Application.Versions;

public enum AgreementChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One difference between two versions. <see cref="Path"/> names the field: <c>title</c>, <c>governance.dataOwner</c>,
/// <c>parties[Eastside Neighbors].role</c>, <c>dataElements[ZIP code].sensitivity</c>, <c>permittedUses</c>; a whole
/// party or data element added or removed is its bare path (<c>parties[Eastside Neighbors]</c>). Before and after are
/// display strings in the reader's language (null where there is no value).
/// </summary>
public sealed record AgreementChangeDto(string Path, AgreementChangeKind Kind, string? Before, string? After);

/// <summary>The changes from version <see cref="From"/> (the older) to version <see cref="To"/> (the newer).</summary>
public sealed record AgreementDiffDto(int From, int To, IReadOnlyList<AgreementChangeDto> Changes);

/// <summary>The differences between two versions of an agreement, given in either order.</summary>
/// <summary>
/// <see cref="To"/> left out is the newest version; <see cref="From"/> left out the one before <see cref="To"/>, so
/// without either the answer is what the newest version (an amendment, say) changes.
/// </summary>
public sealed record GetAgreementDiffQuery(Guid AgreementId, int? From, int? To) : IQuery<AgreementDiffDto>;

public sealed class GetAgreementDiffValidator : AbstractValidator<GetAgreementDiffQuery>
{
    public GetAgreementDiffValidator()
    {
        RuleFor(q => q.From).GreaterThanOrEqualTo(1).When(q => q.From is not null).WithMessage(DataSharingRegisterTexts.VersionNumber);
        RuleFor(q => q.To).GreaterThanOrEqualTo(1).When(q => q.To is not null).WithMessage(DataSharingRegisterTexts.VersionNumber);
    }
}

/// <summary>
/// Compares two versions of one agreement: scalar fields by name, parties matched by id (so a renamed party is a
/// change of name, not a removal and an addition), data elements by name (ignoring case), permitted uses as a set.
/// The versions may be named in either order; the answer always runs from the older to the newer. Readable as the
/// detail is (<see cref="AgreementReads.EnsureReadableAsync"/>: <c>DataSharing.Agreements</c> or a signatory named in
/// any version; anyone else, another partnership's agreement, or a version the agreement does not have: 404), and
/// like the detail a view of a PHI agreement's terms is in the audit log. The agreement is read as the detail reads
/// it; one more statement for the names of the signatories the changes mention.
/// </summary>
public sealed class GetAgreementDiffHandler(
    IDataSharingDbContext db, IPermissionChecker permissions, ICurrentUser currentUser, IAuditLog auditLog, IUserDirectory users, ITextLocalizer texts)
    : IQueryHandler<GetAgreementDiffQuery, AgreementDiffDto>
{
    public async ValueTask<AgreementDiffDto> Handle(GetAgreementDiffQuery query, CancellationToken cancellationToken)
    {
        var agreement = await db.LoadAgreementAsync(query.AgreementId, cancellationToken, tracking: false);
        await agreement.EnsureReadableAsync(permissions, currentUser, cancellationToken);
        var to = query.To ?? agreement.LatestVersionNumber;
        var from = query.From ?? Math.Max(1, to - 1);
        var (older, newer) = from <= to ? (from, to) : (to, from);
        var before = agreement.Version(older);
        var after = agreement.Version(newer);
        await agreement.RecordReadIfPhiAsync(auditLog, cancellationToken);

        var signatories = before.Parties.Concat(after.Parties).Select(p => p.SignatoryUserId).OfType<Guid>().Distinct().ToList();
        var names = signatories.Count == 0
            ? new Dictionary<Guid, UserInfo>()
            : await users.FindAsync(signatories, cancellationToken);
        var diff = new AgreementDiff(texts, CultureInfo.CurrentUICulture, names);
        return new AgreementDiffDto(older, newer, diff.Compare(before.Content, after.Content));
    }
}

/// <summary>The comparison itself, field by field in the order the content declares them.</summary>
internal sealed class AgreementDiff(ITextLocalizer texts, CultureInfo culture, IReadOnlyDictionary<Guid, UserInfo> users)
{
    private readonly List<AgreementChangeDto> _changes = [];

    public IReadOnlyList<AgreementChangeDto> Compare(AgreementContent a, AgreementContent b)
    {
        Scalar("title", a.Title, b.Title);
        Scalar("purpose", a.Purpose, b.Purpose);
        Scalar("sensitivity", Word(a.Sensitivity), Word(b.Sensitivity));
        Parties(a.Parties, b.Parties);
        DataElements(a.DataElements, b.DataElements);
        Scalar("governance.dataOwner", a.Governance.DataOwner, b.Governance.DataOwner);
        Scalar("governance.whoMayPublish", a.Governance.WhoMayPublish, b.Governance.WhoMayPublish);
        Scalar("governance.communityReviewBeforePublication", YesNo(a.Governance.CommunityReviewBeforePublication), YesNo(b.Governance.CommunityReviewBeforePublication));
        Scalar("governance.returnOfResults", a.Governance.ReturnOfResults, b.Governance.ReturnOfResults);
        PermittedUses(a.PermittedUses, b.PermittedUses);
        Scalar("retentionPeriod", a.RetentionPeriod, b.RetentionPeriod);
        Scalar("destructionDate", Date(a.DestructionDate), Date(b.DestructionDate));
        Scalar("destructionMethod", a.DestructionMethod, b.DestructionMethod);
        Scalar("breachNotificationDays", a.BreachNotificationDays?.ToString(CultureInfo.InvariantCulture), b.BreachNotificationDays?.ToString(CultureInfo.InvariantCulture));
        Scalar("effectiveFrom", Date(a.EffectiveFrom), Date(b.EffectiveFrom));
        Scalar("effectiveTo", Date(a.EffectiveTo), Date(b.EffectiveTo));
        return _changes;
    }

    private void Parties(IReadOnlyList<AgreementParty> a, IReadOnlyList<AgreementParty> b)
    {
        var old = a.ToDictionary(p => p.Id);
        foreach (var party in b)
        {
            var path = $"parties[{party.Name}]";
            if (!old.TryGetValue(party.Id, out var was))
            {
                _changes.Add(new AgreementChangeDto(path, AgreementChangeKind.Added, null, Describe(party)));
                continue;
            }

            Scalar(path + ".name", was.Name, party.Name);
            Scalar(path + ".kind", Word(was.Kind), Word(party.Kind));
            Scalar(path + ".role", Word(was.Role), Word(party.Role));
            Scalar(path + ".signatory", Person(was.SignatoryUserId), Person(party.SignatoryUserId));
            Scalar(path + ".contactEmail", was.ContactEmail, party.ContactEmail);
            Scalar(path + ".signatureRequired", YesNo(was.SignatureRequired), YesNo(party.SignatureRequired));
        }

        var kept = b.Select(p => p.Id).ToHashSet();
        foreach (var party in a.Where(p => !kept.Contains(p.Id)))
        {
            _changes.Add(new AgreementChangeDto($"parties[{party.Name}]", AgreementChangeKind.Removed, Describe(party), null));
        }
    }

    private void DataElements(IReadOnlyList<DataElement> a, IReadOnlyList<DataElement> b)
    {
        var old = a.GroupBy(e => e.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var element in b)
        {
            var path = $"dataElements[{element.Name}]";
            if (!old.TryGetValue(element.Name.Trim(), out var was))
            {
                _changes.Add(new AgreementChangeDto(path, AgreementChangeKind.Added, null, Describe(element)));
                continue;
            }

            Scalar(path + ".description", was.Description, element.Description);
            Scalar(path + ".sensitivity", Word(was.Sensitivity), Word(element.Sensitivity));
        }

        var kept = b.Select(e => e.Name.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var element in a.Where(e => !kept.Contains(e.Name.Trim())))
        {
            _changes.Add(new AgreementChangeDto($"dataElements[{element.Name}]", AgreementChangeKind.Removed, Describe(element), null));
        }
    }

    private void PermittedUses(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var old = a.Select(u => u.Trim()).ToHashSet(StringComparer.Ordinal);
        var now = b.Select(u => u.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var use in b.Select(u => u.Trim()).Distinct().Where(u => !old.Contains(u)))
        {
            _changes.Add(new AgreementChangeDto("permittedUses", AgreementChangeKind.Added, null, use));
        }

        foreach (var use in a.Select(u => u.Trim()).Distinct().Where(u => !now.Contains(u)))
        {
            _changes.Add(new AgreementChangeDto("permittedUses", AgreementChangeKind.Removed, use, null));
        }
    }

    /// <summary>A field present in both: Changed when the values differ; Added when it had none, Removed when it has none now.</summary>
    private void Scalar(string path, string? before, string? after)
    {
        before = string.IsNullOrWhiteSpace(before) ? null : before;
        after = string.IsNullOrWhiteSpace(after) ? null : after;
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return;
        }

        var kind = before is null ? AgreementChangeKind.Added : after is null ? AgreementChangeKind.Removed : AgreementChangeKind.Changed;
        _changes.Add(new AgreementChangeDto(path, kind, before, after));
    }

    private string Describe(AgreementParty p) => $"{p.Name} ({Word(p.Kind)}, {Word(p.Role)})";

    private string Describe(DataElement e)
        => e.Description is { Length: > 0 } description ? $"{e.Name} ({Word(e.Sensitivity)}): {description}" : $"{e.Name} ({Word(e.Sensitivity)})";

    private string Word(Enum value) => texts.Word(value, culture);

    private string YesNo(bool value) => texts.Get(value ? DataSharingRegisterTexts.Yes : DataSharingRegisterTexts.No, culture);

    private string? Person(Guid? userId)
        => userId is { } id ? users.TryGetValue(id, out var user) ? user.Name : id.ToString("D") : null;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
