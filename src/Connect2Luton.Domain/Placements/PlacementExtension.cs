using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Domain.Placements;

/// <summary>Where an extension stands: in force, or waiting for (or refused) the sign-off that running past the longest length needs.</summary>
public enum ExtensionStatus
{
    InForce,
    AwaitingSignOff,
    Declined,

    /// <summary>Called off while it waited: the placement ended or was converted first.</summary>
    Withdrawn,
}

/// <summary>
/// A placement booked on past its planned end: from when, to when, why, and the manager who agreed it. One past
/// the longest length takes effect only once the posts the rules name have signed it off.
/// </summary>
public sealed class PlacementExtension : Entity
{
    private PlacementExtension() { Reason = ApprovedBy = RecordedBy = string.Empty; }

    internal PlacementExtension(DateOnly previousEnd, DateOnly newEnd, string reason, string approvedBy, bool beyondLengthLimit, RuleDecision? decision, string by, DateTimeOffset at)
    {
        BeyondLengthLimit = beyondLengthLimit;
        Status = beyondLengthLimit ? ExtensionStatus.AwaitingSignOff : ExtensionStatus.InForce;
        PreviousEndDate = previousEnd;
        NewEndDate = newEnd;
        Reason = Guard.Required(reason, Limits.Reason, "The reason for the extension");
        ApprovedBy = Guard.Required(approvedBy, Limits.Name, "The approver");
        Decision = decision;
        RecordedBy = Guard.Required(by, Limits.Actor);
        RecordedAt = at;
    }

    public int PlacementId { get; private set; }
    public DateOnly PreviousEndDate { get; private set; }
    public DateOnly NewEndDate { get; private set; }
    public string Reason { get; private set; }
    /// <summary>The manager who agreed the extension (a record of who asked for it; it unlocks nothing).</summary>
    public string ApprovedBy { get; private set; }

    /// <summary>The extension runs past the longest length the rules allow, so the posts they name sign it off.</summary>
    public bool BeyondLengthLimit { get; private set; }
    public ExtensionStatus Status { get; private set; }
    public long? DecisionId { get; private set; }
    public RuleDecision? Decision { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal void Settle(ExtensionStatus status) => Status = status;
}
