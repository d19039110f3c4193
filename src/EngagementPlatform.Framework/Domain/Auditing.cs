namespace EngagementPlatform.Framework.Domain;

public interface IHasCreationAudit
{
    DateTimeOffset CreationTime { get; set; }

    Guid? CreatorId { get; set; }
}

public interface IHasModificationAudit
{
    DateTimeOffset? LastModificationTime { get; set; }

    Guid? LastModifierId { get; set; }
}

/// <summary>Deleted rows stay in the table, hidden by a query filter.</summary>
public interface ISoftDelete
{
    bool IsDeleted { get; set; }

    DateTimeOffset? DeletionTime { get; set; }

    Guid? DeleterId { get; set; }
}

/// <summary>Creation, modification and deletion audit properties, filled on save from the current user and clock.</summary>
public abstract class FullAuditedAggregateRoot<TKey> : AggregateRoot<TKey>, IHasCreationAudit, IHasModificationAudit, ISoftDelete
    where TKey : notnull
{
    public DateTimeOffset CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTimeOffset? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletionTime { get; set; }

    public Guid? DeleterId { get; set; }
}
