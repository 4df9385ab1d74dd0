using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Placements;

namespace Connect2Luton.Infrastructure.Policies;

/// <summary>
/// The shape of one of the four rule sets: which facts its expressions read, which outcomes a failing rule may
/// name, and whether its rules award tiers and points or raise flags. This is the schema; the policy itself
/// (every number, list and message) is in the rule file.
/// </summary>
internal sealed record RuleSetDefinition(
    string Name,
    Type FactType,
    string PassingOutcome,
    IReadOnlyList<string> FailureOutcomesBySeverity,
    IReadOnlyList<string> OutcomesNeedingApprovers,
    bool AwardsTiers = false,
    bool RaisesFlags = false,
    bool HasCaps = false,
    IReadOnlyList<ReadValue>? ValuesRead = null)
{
    /// <summary>Named values the application reads directly (e.g. on-cost rates): each must be a constant in its range.</summary>
    public IReadOnlyList<ReadValue> ValuesTheAppReads => ValuesRead ?? [];

    public string FileName => $"{Name}.json";

    public string TestCasesFileName => $"{Name}.cases.json";

    public static RuleSetDefinition PayRateCaps { get; } = new(
        RuleSetNames.PayRateCaps, typeof(PayRateFacts), nameof(PayRateOutcome.Allowed),
        [nameof(PayRateOutcome.NeedsException), nameof(PayRateOutcome.Refused)],
        [nameof(PayRateOutcome.NeedsException)], HasCaps: true,
        ValuesRead: [ReadValue.Fraction(HolidayPayRate), ReadValue.Fraction(EmployerNationalInsuranceRate), ReadValue.Fraction(InHousePoolPensionRate)]);

    public const string HolidayPayRate = "holidayPayRate";
    public const string EmployerNationalInsuranceRate = "employerNationalInsuranceRate";
    public const string InHousePoolPensionRate = "inHousePoolPensionRate";

    public static RuleSetDefinition LocalCandidatePreference { get; } = new(
        RuleSetNames.LocalCandidatePreference, typeof(LocalPreferenceFacts), "Unranked", [LocalPreferenceDecision.IneligibleOutcome], [], AwardsTiers: true);

    public static RuleSetDefinition PlacementLengthLimits { get; } = new(
        RuleSetNames.PlacementLengthLimits, typeof(PlacementLengthFacts), nameof(PlacementLengthOutcome.Allowed),
        [nameof(PlacementLengthOutcome.NeedsApproval), nameof(PlacementLengthOutcome.Refused)],
        [nameof(PlacementLengthOutcome.NeedsApproval)], RaisesFlags: true, ValuesRead: [ReadValue.WholeNumber(AwrLongestBreakWeeks, 0, 52)]);

    public const string AwrLongestBreakWeeks = "awrLongestBreakWeeks";

    public static RuleSetDefinition PermanentConversionEligibility { get; } = new(
        RuleSetNames.PermanentConversionEligibility, typeof(ConversionFacts), "Eligible", ["NotYet"], []);

    public static IReadOnlyList<RuleSetDefinition> All { get; } =
        [PayRateCaps, LocalCandidatePreference, PlacementLengthLimits, PermanentConversionEligibility];

    public static IReadOnlyList<string> FlagNames { get; } = Enum.GetNames<PlacementFlagKind>();

    public static RuleSetDefinition For(string name) =>
        All.SingleOrDefault(d => d.Name == name) ?? throw new ArgumentException($"There is no rule set called '{name}'.", nameof(name));
}

/// <summary>A named value the application reads itself, and the constant it must be.</summary>
internal sealed record ReadValue(string Name, bool Whole, decimal Least, decimal Most, string Shape)
{
    public static ReadValue Fraction(string name) => new(name, Whole: false, 0m, 0.9999m, "a fixed fraction from 0 up to (not including) 1, written like 0.15m");

    public static ReadValue WholeNumber(string name, int least, int most) => new(name, Whole: true, least, most, $"a fixed whole number from {least} to {most}");

    public bool Accepts(object? constant) => constant switch
    {
        decimal value when !Whole => value >= Least && value <= Most,
        int value when Whole => value >= Least && value <= Most,
        _ => false,
    };
}
