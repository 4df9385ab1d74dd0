using Connect2Luton.Domain.Common;

namespace Connect2Luton.Domain.Decisions;

/// <summary>
/// What a rule set decided, on which inputs, under which version of its file, and why. Stored with the change it
/// allowed, so "why was this allowed?" has an answer months later. Never changed once made.
/// </summary>
public sealed class RuleDecision
{
    private readonly List<DecisionReason> _reasons = [];

    private RuleDecision() { RuleSet = RuleSetVersion = Outcome = InputsJson = DecidedBy = string.Empty; }

    public RuleDecision(string ruleSet, string ruleSetVersion, string outcome, string inputsJson, IEnumerable<DecisionReason> reasons, string decidedBy, DateTimeOffset decidedAt)
    {
        RuleSet = Guard.Required(ruleSet, Limits.RuleSetName);
        RuleSetVersion = Guard.Required(ruleSetVersion, Limits.ContentHash);
        Outcome = Guard.Required(outcome, Limits.Code);
        InputsJson = Guard.Required(inputsJson, int.MaxValue);
        _reasons.AddRange(reasons ?? throw new ArgumentNullException(nameof(reasons)));
        DecidedBy = Guard.Required(decidedBy, Limits.Actor);
        DecidedAt = decidedAt;
    }

    public long Id { get; private set; }
    public string RuleSet { get; private set; }

    /// <summary>The content hash of the rule file that decided.</summary>
    public string RuleSetVersion { get; private set; }
    public string Outcome { get; private set; }
    public string InputsJson { get; private set; }
    public IReadOnlyList<DecisionReason> Reasons => _reasons.AsReadOnly();
    public string DecidedBy { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }

    public int? PlacementId { get; private set; }
    public int? RequisitionId { get; private set; }
    public int? WorkerId { get; private set; }

    /// <summary>
    /// The change this decision refused, where it refused one: the change was not made, and the decision is kept
    /// on its own as the record that it was asked for and why it was refused.
    /// </summary>
    public RefusedChange? Refused { get; private set; }

    public RuleDecision Refusing(RefusedChange change)
    {
        Refused = change;
        return this;
    }

    /// <summary>
    /// What the decision was about. One taken before a placement exists (a shortlist ranking, a booking) names the
    /// requisition and the worker; one about a placement (a nightly check) names the placement, which names both.
    /// </summary>
    public RuleDecision About(int? requisitionId = null, int? workerId = null, int? placementId = null)
    {
        RequisitionId = requisitionId ?? RequisitionId;
        WorkerId = workerId ?? WorkerId;
        PlacementId = placementId ?? PlacementId;
        return this;
    }
}
