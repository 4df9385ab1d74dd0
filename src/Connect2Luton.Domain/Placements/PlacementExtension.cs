using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Domain.Placements;

/// <summary>A placement booked on past its planned end: from when, to when, why, and who approved it.</summary>
public sealed class PlacementExtension : Entity
{
    private PlacementExtension() { Reason = ApprovedBy = RecordedBy = string.Empty; }

    internal PlacementExtension(DateOnly previousEnd, DateOnly newEnd, string reason, string approvedBy, bool beyondLengthLimit, RuleDecision? decision, string by, DateTimeOffset at)
    {
        BeyondLengthLimit = beyondLengthLimit;
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
    public string ApprovedBy { get; private set; }

    /// <summary>The extension runs past the longest length the rules allow, so its approvers signed that off too.</summary>
    public bool BeyondLengthLimit { get; private set; }
    public long? DecisionId { get; private set; }
    public RuleDecision? Decision { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
