using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Decisions;
using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Workers;

namespace Connect2Luton.Application.RuleSets;

/// <summary>
/// A rule set as a module: declared once and registered (<see cref="RuleSetRegistration.AddRuleSet"/>), and found
/// from there by the validator, the workspace, history, samples and /health. It says which facts its expressions
/// read, which outcomes a failing rule may name, and whether its rules award tiers and points or raise flags. This
/// is the schema; the policy itself (every number, list and message) is in the rule file.
/// </summary>
/// <param name="Name">The workflow name, which names its files: NAME.json and tests/NAME.cases.json.</param>
/// <param name="DisplayName">What people call it ("Pay-rate caps").</param>
/// <param name="RefusesChanges">Its rules can refuse a booking or an extension: the refusals report counts it.</param>
public sealed record RuleSetDefinition(
    string Name,
    string DisplayName,
    Type FactType,
    string PassingOutcome,
    IReadOnlyList<string> FailureOutcomesBySeverity,
    IReadOnlyList<string> OutcomesNeedingApprovers,
    bool AwardsTiers = false,
    bool RaisesFlags = false,
    bool HasCaps = false,
    IReadOnlyList<ReadValue>? ValuesRead = null,
    bool RefusesChanges = false,
    FactArithmetic? Arithmetic = null)
{
    /// <summary>How a test case's other facts follow when one is moved to a value's new boundary; by default nothing follows.</summary>
    public FactArithmetic CaseArithmetic => Arithmetic ?? CaseFacts.Plain;

    /// <summary>Named values the application reads directly (e.g. on-cost rates): each must be a constant in its range.</summary>
    public IReadOnlyList<ReadValue> ValuesTheAppReads => ValuesRead ?? [];

    public string FileName => $"{Name}.json";

    public string TestCasesFileName => $"{Name}.cases.json";

    public static RuleSetDefinition PayRateCaps { get; } = new(
        RuleSetNames.PayRateCaps, "Pay-rate caps", typeof(PayRateFacts), nameof(PayRateOutcome.Allowed),
        [nameof(PayRateOutcome.NeedsException), nameof(PayRateOutcome.Refused)],
        [nameof(PayRateOutcome.NeedsException)], HasCaps: true, RefusesChanges: true,
        ValuesRead:
        [
            ReadValue.Fraction(HolidayPayRate), ReadValue.Fraction(EmployerNationalInsuranceRate), ReadValue.Fraction(InHousePoolPensionRate),
            ReadValue.Percentage(OvertimePayRate, 1m, 3m), ReadValue.Percentage(SleepInPayRate, 0.1m, 3m), ReadValue.Percentage(OnCallPayRate, 0.1m, 3m),
            ReadValue.List<Domain.JobRoles.JobFamily>(OvertimeJobFamilies), ReadValue.List<Domain.JobRoles.JobFamily>(SleepInJobFamilies),
            ReadValue.List<Domain.JobRoles.JobFamily>(OnCallJobFamilies),
        ],
        Arithmetic: PayRateArithmetic.With);

    /// <summary>What each kind of timesheet hours pays against the hourly rate, and which job families may claim it.</summary>
    public const string OvertimePayRate = "overtimePayRate";
    public const string SleepInPayRate = "sleepInPayRate";
    public const string OnCallPayRate = "onCallPayRate";
    public const string OvertimeJobFamilies = "overtimeJobFamilies";
    public const string SleepInJobFamilies = "sleepInJobFamilies";
    public const string OnCallJobFamilies = "onCallJobFamilies";

    public const string HolidayPayRate = "holidayPayRate";
    public const string EmployerNationalInsuranceRate = "employerNationalInsuranceRate";
    public const string InHousePoolPensionRate = "inHousePoolPensionRate";

    public static RuleSetDefinition LocalCandidatePreference { get; } = new(
        RuleSetNames.LocalCandidatePreference, "Local candidate preference", typeof(LocalPreferenceFacts), "Unranked", [LocalPreferenceDecision.IneligibleOutcome], [], AwardsTiers: true,
        ValuesRead: [ReadValue.PostcodeDistricts(LutonDistricts)]);

    /// <summary>The districts that count as living in Luton: the supplier report counts local residents placed by them.</summary>
    public const string LutonDistricts = "lutonDistricts";

    public static RuleSetDefinition PlacementLengthLimits { get; } = new(
        RuleSetNames.PlacementLengthLimits, "Placement length limits", typeof(PlacementLengthFacts), nameof(PlacementLengthOutcome.Allowed),
        [nameof(PlacementLengthOutcome.NeedsApproval), nameof(PlacementLengthOutcome.Refused)],
        [nameof(PlacementLengthOutcome.NeedsApproval)], RaisesFlags: true, RefusesChanges: true,
        ValuesRead:
        [
            ReadValue.WholeNumber(AwrLongestBreakWeeks, 0, 52), ReadValue.WholeNumber(AwrLongestSicknessBreakWeeks, 0, 104),
            ReadValue.List<BreakReason>(AwrSicknessReasons), ReadValue.List<BreakReason>(AwrPausingReasons), ReadValue.List<BreakReason>(AwrCountingReasons),
            ReadValue.WholeNumber(AwrQualifyingWeeks, 1, 104), ReadValue.WholeNumber(ReviewMonths, 1, 120), ReadValue.WholeNumber(LongRunningMonths, 1, 120),
        ]);

    public const string AwrQualifyingWeeks = "awrQualifyingWeeks";
    public const string ReviewMonths = "reviewMonths";
    public const string LongRunningMonths = "longRunningMonths";

    public const string AwrLongestBreakWeeks = "awrLongestBreakWeeks";
    public const string AwrLongestSicknessBreakWeeks = "awrLongestSicknessBreakWeeks";
    public const string AwrSicknessReasons = "awrSicknessReasons";
    public const string AwrPausingReasons = "awrPausingReasons";
    public const string AwrCountingReasons = "awrCountingReasons";

    public static RuleSetDefinition PermanentConversionEligibility { get; } = new(
        RuleSetNames.PermanentConversionEligibility, "Permanent conversion eligibility", typeof(ConversionFacts), "Eligible", ["NotYet"], [],
        ValuesRead:
        [
            ReadValue.WholeNumber(FeeFreeWeeks, 0, 104), ReadValue.WholeNumber(FeeWeeksAfterLastDay, 0, 104), ReadValue.WholeNumber(ContinuityGapDays, 0, 365),
            ReadValue.Fraction(PermanentOnCostRate), ReadValue.WholeNumber(FullTimeWeeklyHours, 1, 48),
        ]);

    public const string FeeFreeWeeks = "feeFreeWeeks";
    public const string FeeWeeksAfterLastDay = "feeWeeksAfterLastDay";
    public const string ContinuityGapDays = "continuityGapDays";
    public const string PermanentOnCostRate = "permanentOnCostRate";
    public const string FullTimeWeeklyHours = "fullTimeWeeklyHours";

    public static RuleSetDefinition SupplierRelease { get; } = new(
        RuleSetNames.SupplierRelease, "Supplier release", typeof(SupplierReleaseFacts), nameof(SupplierReleaseOutcome.Release),
        [nameof(SupplierReleaseOutcome.NotYet), nameof(SupplierReleaseOutcome.Never)], [],
        ValuesRead: [ReadValue.WholeNumber(CandidateOwnershipDays, 1, 365)]);

    /// <summary>How long the first valid submission of a person owns them for a requisition: the agency portal reads it.</summary>
    public const string CandidateOwnershipDays = "candidateOwnershipDays";

    /// <summary>The rule sets the product ships with, registered by the infrastructure; hosts may register more.</summary>
    public static IReadOnlyList<RuleSetDefinition> BuiltIn { get; } =
        [PayRateCaps, LocalCandidatePreference, PlacementLengthLimits, PermanentConversionEligibility, SupplierRelease];

    /// <summary>
    /// The flags a rule file may raise. Pay parity due is raised by the nightly check from the pay-rate rules' own
    /// decision (the rate needed is found by asking them), so no length rule can raise or mimic it.
    /// </summary>
    public static IReadOnlyList<string> FlagNames { get; } =
        [.. Enum.GetNames<PlacementFlagKind>().Where(n => n != nameof(PlacementFlagKind.PayParityDue))];

    /// <summary>The one problem of a name that is not a registered rule set.</summary>
    public static RuleSetProblem NoSuchRuleSet(string name) => new(name, null, null, "There is no rule set of that name.");
}

/// <summary>The registered rule sets, in the order they were registered: every list of rule sets is this one.</summary>
public sealed class RuleSetModules(IEnumerable<RuleSetDefinition> registered)
{
    public IReadOnlyList<RuleSetDefinition> All { get; } = registered.DistinctBy(d => d.Name).ToList();

    public RuleSetDefinition For(string name) =>
        Find(name) ?? throw new ArgumentException($"There is no rule set called '{name}'.", nameof(name));

    /// <summary>The rule set of that name; null for a name that is not registered (a typed address, say).</summary>
    public RuleSetDefinition? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}

/// <summary>A named value the application reads itself, and the constant it must be.</summary>
/// <param name="Districts">A fixed text listing postcode districts, comma-separated (at least one).</param>
public sealed record ReadValue(string Name, bool Whole, decimal Least, decimal Most, string Shape, IReadOnlySet<string>? Items = null, bool Districts = false)
{
    /// <summary>A fixed text listing names of <typeparamref name="TEnum"/>, comma-separated (or empty).</summary>
    public static ReadValue List<TEnum>(string name) where TEnum : struct, Enum
    {
        var items = Enum.GetNames<TEnum>().ToHashSet(StringComparer.Ordinal);
        return new(name, Whole: false, 0m, 0m, $"some of {string.Join(", ", items.Select(Values.CodeWords.Of))}", items);
    }

    /// <summary>The items of a list value, trimmed; empty entries are skipped.</summary>
    public static IEnumerable<string> ItemsOf(string list) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static ReadValue PostcodeDistricts(string name) => new(name, Whole: false, 0m, 0m, "a list of postcode districts, like LU1, LU2", Districts: true);

    public static ReadValue Fraction(string name) => new(name, Whole: false, 0m, 0.9999m, "a percentage from 0% up to (not including) 100%, like 15%");

    /// <summary>A percentage of a rate, from <paramref name="least"/> to <paramref name="most"/> as fractions (1.5 is 150%).</summary>
    public static ReadValue Percentage(string name, decimal least, decimal most) =>
        new(name, Whole: false, least, most, $"a percentage from {least * 100:0.##}% to {most * 100:0.##}%");

    public static ReadValue WholeNumber(string name, int least, int most) => new(name, Whole: true, least, most, $"a whole number from {least} to {most}");

    public bool Accepts(object? constant) => constant switch
    {
        string list when Items is not null => ItemsOf(list).All(Items.Contains),
        string list when Districts => Values.PostcodeDistrictsValue.IsList(list),
        _ when Items is not null => false,
        decimal value when !Whole => value >= Least && value <= Most,
        int value when Whole => value >= Least && value <= Most,
        _ => false,
    };
}
