using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Domain.SupplyChain;

/// <summary>
/// Who may see a requisition: the tiers of supplier it has been released to, each agency it reached and when, and
/// whether a recruiter is holding it back. One per requisition, created on its first release. Releasing is
/// idempotent: an agency reached once is never reached again, so a job that runs twice, or catches up, adds nothing.
/// </summary>
public sealed class SupplierRelease : AggregateRoot
{
    private readonly List<ReleaseStep> _steps = [];
    private readonly List<ReleasedAgency> _agencies = [];

    private SupplierRelease() { }

    public SupplierRelease(int requisitionId) => RequisitionId = Guard.Reference(requisitionId, "The requisition");

    public int RequisitionId { get; private set; }

    /// <summary>Set while a recruiter holds the requisition back: the scheduled release adds no tier meanwhile.</summary>
    public DateTimeOffset? HeldSince { get; private set; }

    public string? HoldReason { get; private set; }

    public bool IsHeld => HeldSince is not null;

    /// <summary>Releases, early releases, holds and their lifting, in the order they happened.</summary>
    public IReadOnlyCollection<ReleaseStep> Steps => _steps.AsReadOnly();

    public IReadOnlyCollection<ReleasedAgency> Agencies => _agencies.AsReadOnly();

    public bool IsReleasedTo(int supplyAgencyId) => _agencies.Any(a => a.SupplyAgencyId == supplyAgencyId);

    public bool IsReleasedToTier(SupplyAgencyKind tier) => _steps.Any(s => s.Tier == tier && s.Kind is ReleaseStepKind.Released or ReleaseStepKind.ReleasedEarly);

    /// <summary>When the requisition first reached <paramref name="tier"/>; null if it has not.</summary>
    public DateTimeOffset? ReleasedToTierAt(SupplyAgencyKind tier) =>
        _steps.Where(s => s.Tier == tier && s.Kind is ReleaseStepKind.Released or ReleaseStepKind.ReleasedEarly).Select(s => (DateTimeOffset?)s.At).Min();

    /// <summary>
    /// The scheduled release: the rules (of <paramref name="ruleVersion"/>) let <paramref name="tier"/> see the
    /// requisition now. Returns the agencies reached for the first time (none if all were reached before, or the
    /// requisition is held); a step is recorded only when something new is reached.
    /// </summary>
    public IReadOnlyList<int> Release(SupplyAgencyKind tier, IEnumerable<int> agencyIds, string by, DateTimeOffset at, string ruleVersion)
    {
        if (IsHeld) return [];
        return Reach(ReleaseStepKind.Released, tier, agencyIds, by, at, Guard.Required(ruleVersion, Limits.ContentHash, "The rule version"), null);
    }

    /// <summary>A recruiter releases to <paramref name="tier"/> before the rules would, saying why; it also lifts a hold.</summary>
    public IReadOnlyList<int> ReleaseEarly(SupplyAgencyKind tier, IEnumerable<int> agencyIds, string by, DateTimeOffset at, string reason)
    {
        var why = Guard.Required(reason, Limits.Reason, "The reason for releasing early");
        if (IsHeld) LiftHold(by, at, "Released early");
        var reached = Reach(ReleaseStepKind.ReleasedEarly, tier, agencyIds, by, at, null, why);
        if (reached.Count == 0 && IsReleasedToTier(tier))
            throw new DomainRuleException("This requisition has already been released to every agency in that tier.");
        return reached;
    }

    /// <summary>A recruiter holds the requisition back from tiers it has not reached, saying why. Agencies that already see it keep seeing it.</summary>
    public void Hold(string by, DateTimeOffset at, string reason)
    {
        if (IsHeld) throw new DomainRuleException("This requisition is already held back.");
        HoldReason = Guard.Required(reason, Limits.Reason, "The reason for holding back");
        HeldSince = at;
        _steps.Add(new ReleaseStep(ReleaseStepKind.Held, null, 0, by, at, null, HoldReason));
    }

    public void LiftHold(string by, DateTimeOffset at, string? reason)
    {
        if (!IsHeld) throw new DomainRuleException("This requisition is not held back.");
        HeldSince = null;
        HoldReason = null;
        _steps.Add(new ReleaseStep(ReleaseStepKind.HoldLifted, null, 0, by, at, null, Guard.Optional(reason, Limits.Reason, "The reason")));
    }

    private List<int> Reach(ReleaseStepKind kind, SupplyAgencyKind tier, IEnumerable<int> agencyIds, string by, DateTimeOffset at, string? ruleVersion, string? reason)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        var reached = agencyIds.Distinct().Where(id => !IsReleasedTo(id)).ToList();
        // The in-house pool has no agency to reach: its release is recorded once, as the moment recruiters fill from it.
        if (reached.Count == 0 && (IsReleasedToTier(tier) || tier != SupplyAgencyKind.InHousePool)) return reached;
        foreach (var id in reached) _agencies.Add(new ReleasedAgency(RequisitionId, id, tier, at));
        _steps.Add(new ReleaseStep(kind, tier, reached.Count, by, at, ruleVersion, reason));
        return reached;
    }
}

public enum ReleaseStepKind
{
    Released,
    ReleasedEarly,
    Held,
    HoldLifted,
}

/// <summary>One thing that happened to a requisition's release: who, when, which tier and how many agencies, under which rules or why.</summary>
public sealed class ReleaseStep : Entity
{
    private ReleaseStep() { By = string.Empty; }

    internal ReleaseStep(ReleaseStepKind kind, SupplyAgencyKind? tier, int agencies, string by, DateTimeOffset at, string? ruleVersion, string? reason)
    {
        Kind = kind;
        Tier = tier;
        AgencyCount = agencies;
        By = Guard.Required(by, Limits.Actor);
        At = at;
        RuleVersion = ruleVersion;
        Reason = reason;
    }

    public int SupplierReleaseId { get; private set; }
    public ReleaseStepKind Kind { get; private set; }
    public SupplyAgencyKind? Tier { get; private set; }
    public int AgencyCount { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The version (content hash) of the release rules that decided a scheduled release.</summary>
    public string? RuleVersion { get; private set; }
    public string? Reason { get; private set; }
}

/// <summary>An agency a requisition was released to, and when: what its users see is exactly these.</summary>
public sealed class ReleasedAgency : Entity
{
    private ReleasedAgency() { }

    internal ReleasedAgency(int requisitionId, int supplyAgencyId, SupplyAgencyKind tier, DateTimeOffset at)
    {
        RequisitionId = requisitionId;
        SupplyAgencyId = Guard.Reference(supplyAgencyId, "The supply agency");
        Tier = tier;
        ReleasedAt = at;
    }

    public int SupplierReleaseId { get; private set; }

    /// <summary>The requisition released, repeated from the release so an agency's list is read from its own rows.</summary>
    public int RequisitionId { get; private set; }
    public int SupplyAgencyId { get; private set; }
    public SupplyAgencyKind Tier { get; private set; }
    public DateTimeOffset ReleasedAt { get; private set; }
}
