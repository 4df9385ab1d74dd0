using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Domain.Placements;

/// <summary>
/// A warning the nightly job raised on a live placement. It is resolved, not deleted, when it no longer applies,
/// so the history stays. Kept apart from the placement so a nightly run never collides with a recruiter's edit.
/// </summary>
public sealed class PlacementFlag : AggregateRoot
{
    private PlacementFlag() { Message = string.Empty; }

    public PlacementFlag(int placementId, PlacementFlagKind kind, string message, DateOnly raisedOn, DateTimeOffset raisedAt, RuleDecision? decision)
    {
        PlacementId = Guard.Reference(placementId, "The placement");
        Kind = kind;
        Message = Guard.Required(message, Limits.Reason, "The message");
        RaisedOn = raisedOn;
        RaisedAt = raisedAt;
        Decision = decision;
    }

    public int PlacementId { get; private set; }
    public PlacementFlagKind Kind { get; private set; }
    public string Message { get; private set; }
    public DateOnly RaisedOn { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public long? DecisionId { get; private set; }
    public RuleDecision? Decision { get; private set; }
    public DateOnly? ResolvedOn { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Resolution { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public void Resolve(DateOnly on, DateTimeOffset at, string resolution)
    {
        if (!IsOpen) throw new DomainRuleException("This flag is already resolved.");
        ResolvedOn = on;
        ResolvedAt = at;
        Resolution = Guard.Required(resolution, Limits.Reason, "The resolution");
    }
}
