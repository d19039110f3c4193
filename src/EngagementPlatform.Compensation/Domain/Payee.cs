using EngagementPlatform.Framework.Auditing;
using EngagementPlatform.Framework.Domain;
using EngagementPlatform.Framework.MultiTenancy;

namespace EngagementPlatform.Compensation.Domain;

/// <summary>
/// Someone the partnership pays: a person (a user of the tenant, one payee per user: a unique key on tenant and user,
/// made the first time an item is created for them) or a partner organization (a community-based organization paid
/// as such, with a contact email for payment notices).
/// </summary>
[Audited(KeepValues = true)]
public sealed class Payee : AggregateRoot<Guid>, IMultiTenant, IHasCreationAudit, IHasModificationAudit
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;

    private Payee()
    {
    }

    private Payee(Guid id, PayeeKind kind, Guid? userId, string name, string? contactEmail)
    {
        Id = id;
        Kind = kind;
        UserId = userId;
        Name = name;
        ContactEmail = contactEmail;
    }

    public static Payee ForUser(Guid userId, string name) => new(Guid.CreateVersion7(), PayeeKind.Person, userId, name, null);

    public static Payee ForOrganization(string name, string contactEmail) => new(Guid.CreateVersion7(), PayeeKind.Organization, null, name, contactEmail);

    public Guid? TenantId { get; set; }

    public PayeeKind Kind { get; private set; }

    /// <summary>The tenant user a person payee is; null for an organization.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The person's name when the payee was made, or the organization's name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Where an organization's payment notices go (a person's go to their account's address).</summary>
    public string? ContactEmail { get; private set; }

    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    // Payment preference, tax form and the payee's own choice (issue 12, payee side) ------------------------------

    public const int MaxProtectedDetailsLength = 8000;
    public const int MaxMaskedDetailsLength = 1000;
    public const int MaxNoticeVersionLength = 32;

    /// <summary>How the payee prefers to be paid; null until someone says.</summary>
    public PaymentMethod? PreferredMethod { get; private set; }

    /// <summary>The method's details (<see cref="PaymentDetails"/>) sealed with Data Protection; never in the audit log.</summary>
    [NotAudited]
    public string? ProtectedDetails { get; private set; }

    /// <summary>The same details masked (JSON of <see cref="MaskedPaymentDetails"/>): what staff reads and the audit log keep.</summary>
    public string? DetailsMasked { get; private set; }

    public bool W9OnFile { get; private set; }

    public DateOnly? W9ReceivedOn { get; private set; }

    /// <summary>At most the last four digits of the tax id; a full tax id is never accepted or stored.</summary>
    public string? TinLast4 { get; private set; }

    /// <summary>The payee's own choice: accept payment or decline it. Null: not chosen, paid as usual.</summary>
    public PaymentChoice? Choice { get; private set; }

    /// <summary>The form of payment the payee chose with their choice (e.g. a gift card), if any.</summary>
    public PaymentMethod? ChoiceMethod { get; private set; }

    /// <summary>The version of the plain-language notice the payee acknowledged with their choice.</summary>
    public string? ChoiceNoticeVersion { get; private set; }

    public DateTimeOffset? ChoiceMadeAt { get; private set; }

    /// <summary>Declined: new items are still made (attendance stays visible) but cannot be approved or paid.</summary>
    public bool HasDeclined => Choice == PaymentChoice.Decline;

    /// <summary>Keeps the person's current name (the payee's is a snapshot from when it was made).</summary>
    public void Rename(string name)
    {
        var trimmed = name.Trim();
        if (Kind == PayeeKind.Person && trimmed.Length > 0 && trimmed != Name)
        {
            Name = trimmed.Length > MaxNameLength ? trimmed[..MaxNameLength] : trimmed;
        }
    }

    /// <summary>Sets the preferred method with its details, already sealed and masked by the caller.</summary>
    public void SetPaymentPreference(PaymentMethod method, string? protectedDetails, string? detailsMasked)
    {
        PreferredMethod = method;
        ProtectedDetails = protectedDetails;
        DetailsMasked = detailsMasked;
    }

    public void SetTaxForm(bool w9OnFile, DateOnly? receivedOn, string? tinLast4)
    {
        W9OnFile = w9OnFile;
        W9ReceivedOn = w9OnFile ? receivedOn : null;
        TinLast4 = string.IsNullOrWhiteSpace(tinLast4) ? null : tinLast4;
    }

    public void Choose(PaymentChoice choice, PaymentMethod? method, string noticeVersion, DateTimeOffset now)
    {
        Choice = choice;
        ChoiceMethod = choice == PaymentChoice.Accept ? method : null;
        ChoiceNoticeVersion = noticeVersion;
        ChoiceMadeAt = now;
    }
}
