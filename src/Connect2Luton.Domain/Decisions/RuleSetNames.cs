namespace Connect2Luton.Domain.Decisions;

/// <summary>The rule sets in rules/, by the workflow name each file declares.</summary>
public static class RuleSetNames
{
    public const string PayRateCaps = "pay-rate-caps";
    public const string LocalCandidatePreference = "local-candidate-preference";
    public const string PlacementLengthLimits = "placement-length-limits";
    public const string PermanentConversionEligibility = "permanent-conversion-eligibility";
    public const string SupplierRelease = "supplier-release";
}
