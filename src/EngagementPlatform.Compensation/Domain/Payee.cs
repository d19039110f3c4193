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
}
