using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Placements;

/// <summary>
/// A warning the nightly job raised on a live placement. It is resolved, not deleted, when it no longer applies,
/// so the history stays. Kept apart from the placement so a nightly run never collides with a recruiter's edit.
/// It names the rule and the version of the rule file that raised it; the message carries the figures. (A full
/// decision record for every flag would be a night's largest write for no more answer.)
/// </summary>
public sealed class PlacementFlag : AggregateRoot
{
    private PlacementFlag() { Message = Rule = RuleSetVersion = string.Empty; }

    public PlacementFlag(int placementId, PlacementFlagKind kind, string message, string rule, string ruleSetVersion, DateOnly raisedOn, DateTimeOffset raisedAt)
    {
        PlacementId = Guard.Reference(placementId, "The placement");
        Kind = kind;
        Message = Guard.Required(message, Limits.Reason, "The message");
        Rule = Guard.Required(rule, Limits.Name, "The rule");
        RuleSetVersion = Guard.Required(ruleSetVersion, Limits.ContentHash, "The rule set version");
        RaisedOn = raisedOn;
        RaisedAt = raisedAt;
    }

    public int PlacementId { get; private set; }
    public PlacementFlagKind Kind { get; private set; }
    public string Message { get; private set; }
    public DateOnly RaisedOn { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    /// <summary>The rule in placement-length-limits.json whose failing raised the flag.</summary>
    public string Rule { get; private set; }

    /// <summary>The content hash of the rule file that raised it.</summary>
    public string RuleSetVersion { get; private set; }
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
