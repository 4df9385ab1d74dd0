namespace Connect2Luton.Domain.Auditing;

public enum AuditAction
{
    Added,
    Changed,
    Removed,
}

/// <summary>One change to one record: who made it, when, and the values before and after.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { UserName = EntityType = EntityId = ChangesJson = string.Empty; }

    public AuditEntry(string userName, DateTimeOffset at, string entityType, string entityId, AuditAction action, string changesJson)
    {
        UserName = userName;
        At = at;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        ChangesJson = changesJson;
    }

    public long Id { get; private set; }
    public string UserName { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    public AuditAction Action { get; private set; }

    /// <summary>{"Property": {"from": ..., "to": ...}} for each value that changed.</summary>
    public string ChangesJson { get; private set; }
}
