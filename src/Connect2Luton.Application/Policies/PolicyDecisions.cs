using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Application.Policies;

public enum PayRateOutcome
{
    Allowed,

    /// <summary>Above a cap: allowed only with the named approvers' sign-off and a reason.</summary>
    NeedsException,
    Refused,
}

public sealed record PayRateDecision(PayRateOutcome Outcome, string? Approvers, PolicyDecision Details)
{
    /// <summary>The cap rule that decided a refusal or an exception (the most serious one failed), if any.</summary>
    public RuleVerdict? CapExceeded => Details.Failed
        .Where(r => r.Cap is not null)
        .OrderByDescending(r => r.Outcome == nameof(PayRateOutcome.Refused))
        .FirstOrDefault();
}

public sealed record LocalPreferenceDecision(string Tier, int Points, PolicyDecision Details)
{
    /// <summary>False when a rule says the worker cannot be engaged for this role at all (e.g. the DfE cooling-off period).</summary>
    public bool Eligible => !Details.Failed.Any(r => r.Outcome == IneligibleOutcome);

    /// <summary>Why the worker cannot be engaged for this role, one reason per rule not met.</summary>
    public IEnumerable<string> Ineligibilities => Details.Failed.Where(r => r.Outcome == IneligibleOutcome).Select(r => r.Message);

    public const string IneligibleOutcome = "Ineligible";
}

public enum PlacementLengthOutcome
{
    Allowed,

    /// <summary>Past the longest total length: allowed only with the named approver.</summary>
    NeedsApproval,
    Refused,
}

/// <summary>A flag the length rules raise; its message is written from the rule's verdict when first read.</summary>
public sealed record PlacementFlagRaised(PlacementFlagKind Kind, RuleVerdict Verdict)
{
    public string Message => Verdict.Message;
}

public sealed record PlacementLengthDecision(PlacementLengthOutcome Outcome, string? Approvers, IReadOnlyList<PlacementFlagRaised> Flags, PolicyDecision Details);

public sealed record ConversionDecision(bool Eligible, PolicyDecision Details)
{
    /// <summary>Why the worker cannot be offered a permanent post yet, one reason per rule not met.</summary>
    public IEnumerable<string> NotYetReasons => Details.Failed.Select(r => r.Message);
}

public enum SupplierReleaseOutcome
{
    /// <summary>The supplier may see the requisition now.</summary>
    Release,

    /// <summary>Not yet: a recruiter may release it earlier, saying why.</summary>
    NotYet,

    /// <summary>Never, whatever a recruiter says: the DfE agency rules, say, keep this supplier from the role.</summary>
    Never,
}

public sealed record SupplierReleaseDecision(SupplierReleaseOutcome Outcome, PolicyDecision Details)
{
    public bool Releases => Outcome == SupplierReleaseOutcome.Release;
}
