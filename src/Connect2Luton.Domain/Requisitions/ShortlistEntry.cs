using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Domain.Requisitions;

public enum ShortlistEntryStatus
{
    Shortlisted,
    Removed,
    Placed,
}

/// <summary>
/// A worker on a requisition's shortlist, with the local preference the rules gave them when they were added
/// (the decision that produced it is kept with the entry).
/// </summary>
public sealed class ShortlistEntry : Entity
{
    private ShortlistEntry() { LocalTier = AddedBy = string.Empty; }

    internal ShortlistEntry(int workerId, string localTier, int preferencePoints, RuleDecision? decision, string by, DateTimeOffset at)
    {
        WorkerId = Guard.Reference(workerId, "The worker");
        LocalTier = Guard.Required(localTier, Limits.Code, "The local tier");
        PreferencePoints = preferencePoints;
        Decision = decision;
        AddedBy = Guard.Required(by, Limits.Actor);
        AddedAt = at;
        Status = ShortlistEntryStatus.Shortlisted;
    }

    public int RequisitionId { get; private set; }
    public int WorkerId { get; private set; }
    public string LocalTier { get; private set; }
    public int PreferencePoints { get; private set; }
    public long? DecisionId { get; private set; }

    /// <summary>The preference decision that ranked the worker when they were added.</summary>
    public RuleDecision? Decision { get; private set; }
    public ShortlistEntryStatus Status { get; private set; }
    public string AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    public string? RemovedBy { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public string? RemovalReason { get; private set; }

    internal void Remove(string by, DateTimeOffset at, string reason)
    {
        if (Status != ShortlistEntryStatus.Shortlisted) throw new DomainRuleException("Only a worker still on the shortlist can be removed from it.");
        Status = ShortlistEntryStatus.Removed;
        RemovedBy = Guard.Required(by, Limits.Actor);
        RemovedAt = at;
        RemovalReason = Guard.Required(reason, Limits.Reason, "The reason for removing the worker");
    }

    internal void Reinstate(string localTier, int preferencePoints, RuleDecision? decision, string by, DateTimeOffset at)
    {
        Status = ShortlistEntryStatus.Shortlisted;
        LocalTier = Guard.Required(localTier, Limits.Code, "The local tier");
        PreferencePoints = preferencePoints;
        Decision = decision;
        AddedBy = Guard.Required(by, Limits.Actor);
        AddedAt = at;
        RemovedBy = null;
        RemovedAt = null;
        RemovalReason = null;
    }

    internal void MarkPlaced() => Status = ShortlistEntryStatus.Placed;

    /// <summary>Back on the shortlist: the booking that placed them was declined at sign-off.</summary>
    internal void Unplace()
    {
        if (Status == ShortlistEntryStatus.Placed) Status = ShortlistEntryStatus.Shortlisted;
    }
}
