using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SupplyAgencies;

namespace Connect2Luton.Domain.SupplyChain;

/// <summary>
/// Who may see a requisition: the kinds of agency it has been released to (a tier, on the DPS or not, confirming the
/// DfE agency rules or not), when, and whether a recruiter is holding it back. One per requisition, created on its
/// first release. An agency sees every requisition released to its kind, so a release is a row per kind, never per
/// agency: releasing a tier of five hundred agencies writes one row, and an agency appointed later sees what its kind
/// already sees. Releasing is idempotent: a kind reached once is never reached again, so a job that runs twice, or
/// catches up, adds nothing.
/// </summary>
public sealed class SupplierRelease : AggregateRoot
{
    private readonly List<ReleaseStep> _steps = [];
    private readonly List<ReleasedProfile> _profiles = [];

    private SupplierRelease() { }

    public SupplierRelease(int requisitionId) => RequisitionId = Guard.Reference(requisitionId, "The requisition");

    public int RequisitionId { get; private set; }

    /// <summary>Set while a recruiter holds the requisition back: the scheduled release adds no tier meanwhile.</summary>
    public DateTimeOffset? HeldSince { get; private set; }

    public string? HoldReason { get; private set; }

    public bool IsHeld => HeldSince is not null;

    /// <summary>Releases, early releases, holds and their lifting, in the order they happened.</summary>
    public IReadOnlyCollection<ReleaseStep> Steps => _steps.AsReadOnly();

    /// <summary>The kinds of agency the requisition has reached, each once.</summary>
    public IReadOnlyCollection<ReleasedProfile> Profiles => _profiles.AsReadOnly();

    public bool IsReleasedTo(AgencyProfile profile) => _profiles.Any(p => p.Profile == profile);

    public bool IsReleasedToTier(SupplyAgencyKind tier) => _steps.Any(s => s.Tier == tier && s.Kind is ReleaseStepKind.Released or ReleaseStepKind.ReleasedEarly);

    /// <summary>When the requisition first reached <paramref name="tier"/>; null if it has not.</summary>
    public DateTimeOffset? ReleasedToTierAt(SupplyAgencyKind tier) =>
        _steps.Where(s => s.Tier == tier && s.Kind is ReleaseStepKind.Released or ReleaseStepKind.ReleasedEarly).Select(s => (DateTimeOffset?)s.At).Min();

    /// <summary>
    /// The scheduled release: the rules (of <paramref name="ruleVersion"/>) let these kinds of agency of
    /// <paramref name="tier"/> see the requisition now. Returns the kinds reached for the first time (none if all were
    /// reached before, or the requisition is held); a step, with how many agencies those kinds hold today, is recorded
    /// only when something new is reached.
    /// </summary>
    public IReadOnlyList<AgencyProfile> Release(SupplyAgencyKind tier, IReadOnlyCollection<ProfileReach> profiles, string by, DateTimeOffset at, string ruleVersion)
    {
        if (IsHeld) return [];
        return Reach(ReleaseStepKind.Released, tier, profiles, by, at, Guard.Required(ruleVersion, Limits.ContentHash, "The rule version"), null);
    }

    /// <summary>A recruiter releases to <paramref name="tier"/> before the rules would, saying why; it also lifts a hold.</summary>
    public IReadOnlyList<AgencyProfile> ReleaseEarly(SupplyAgencyKind tier, IReadOnlyCollection<ProfileReach> profiles, string by, DateTimeOffset at, string reason)
    {
        var why = Guard.Required(reason, Limits.Reason, "The reason for releasing early");
        if (IsHeld) LiftHold(by, at, "Released early");
        var reached = Reach(ReleaseStepKind.ReleasedEarly, tier, profiles, by, at, null, why);
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

    private List<AgencyProfile> Reach(ReleaseStepKind kind, SupplyAgencyKind tier, IReadOnlyCollection<ProfileReach> profiles, string by, DateTimeOffset at, string? ruleVersion, string? reason)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var fresh = profiles.Where(p => p.Profile.Tier == tier && !IsReleasedTo(p.Profile)).DistinctBy(p => p.Profile).ToList();
        if (fresh.Count == 0) return [];
        foreach (var reach in fresh) _profiles.Add(new ReleasedProfile(RequisitionId, reach.Profile, at));
        _steps.Add(new ReleaseStep(kind, tier, fresh.Sum(p => p.Agencies), by, at, ruleVersion, reason));
        return [.. fresh.Select(p => p.Profile)];
    }
}

/// <summary>
/// A kind of supplier as the release rules decide for it: its tier, whether it is on the DPS, and whether it confirms
/// the DfE agency rules. Agencies alike in these are decided alike and see the same requisitions.
/// </summary>
public sealed record AgencyProfile(SupplyAgencyKind Tier, bool OnDps, bool ConfirmsDfeAgencyRules)
{
    /// <summary>Connect2Luton's own pool: it has no agency to reach, and is released once, as the moment recruiters fill from it.</summary>
    public static AgencyProfile InHousePool { get; } = new(SupplyAgencyKind.InHousePool, OnDps: false, ConfirmsDfeAgencyRules: true);

    /// <summary>The agencies of the profile as people say them: "local supporting agencies on the DPS that confirm the DfE agency rules".</summary>
    public string Words => Tier switch
    {
        SupplyAgencyKind.InHousePool => "the in-house pool",
        _ => $"{(Tier == SupplyAgencyKind.LocalSupportingAgency ? "local supporting agencies" : "external agencies")} {(OnDps ? "on" : "not on")} the DPS that {(ConfirmsDfeAgencyRules ? "confirm" : "have not confirmed")} the DfE agency rules",
    };

    /// <summary>A short name for the profile, unique among profiles, for a page's element ids.</summary>
    public string Key => $"{Tier}{(OnDps ? "-dps" : "")}{(ConfirmsDfeAgencyRules ? "-dfe" : "")}";

    public static AgencyProfile Of(SupplyAgency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return agency.Kind == SupplyAgencyKind.InHousePool ? InHousePool : new(agency.Kind, agency.DpsReference is not null, agency.ConfirmsDfeAgencyRules);
    }
}

/// <summary>A kind of agency to release to, and how many active agencies it holds today (recorded on the step).</summary>
public sealed record ProfileReach(AgencyProfile Profile, int Agencies);

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

    /// <summary>How many active agencies the kinds it reached held at the time.</summary>
    public int AgencyCount { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The version (content hash) of the release rules that decided a scheduled release.</summary>
    public string? RuleVersion { get; private set; }
    public string? Reason { get; private set; }
}

/// <summary>A kind of agency a requisition was released to, and when: its agencies' staff see exactly these.</summary>
public sealed class ReleasedProfile : Entity
{
    private ReleasedProfile() { }

    internal ReleasedProfile(int requisitionId, AgencyProfile profile, DateTimeOffset at)
    {
        RequisitionId = requisitionId;
        (Tier, OnDps, ConfirmsDfeAgencyRules) = (profile.Tier, profile.OnDps, profile.ConfirmsDfeAgencyRules);
        ReleasedAt = at;
    }

    public int SupplierReleaseId { get; private set; }

    /// <summary>The requisition released, repeated from the release so an agency's list is read from these rows alone.</summary>
    public int RequisitionId { get; private set; }
    public SupplyAgencyKind Tier { get; private set; }
    public bool OnDps { get; private set; }
    public bool ConfirmsDfeAgencyRules { get; private set; }
    public DateTimeOffset ReleasedAt { get; private set; }

    public AgencyProfile Profile => new(Tier, OnDps, ConfirmsDfeAgencyRules);
}
