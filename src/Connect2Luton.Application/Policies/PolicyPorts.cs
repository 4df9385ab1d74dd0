using Connect2Luton.Domain.Placements;
using Connect2Luton.Domain.Conversions;
namespace Connect2Luton.Application.Policies;

/// <summary>The pay-rate cap rules (rules/pay-rate-caps.json).</summary>
public interface IPayRatePolicy
{
    ValueTask<PayRateDecision> DecideAsync(PayRateFacts facts, CancellationToken cancellationToken = default);

    /// <summary>The on-cost rates the serving pay-rate rules set for a day, to price a pay rate before deciding on it.</summary>
    ValueTask<OnCostRates> OnCostsAsync(DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>What each kind of timesheet hours pays on a day, and which job families may claim it, as the serving rules set them.</summary>
    ValueTask<Domain.Timesheets.TimesheetTerms> TimesheetTermsAsync(DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>
    /// The days after <paramref name="after"/> and up to <paramref name="until"/> on which the pay-rate rules'
    /// named values change (a new living wage, a cap from 1 April): a rate booked across one is decided again on it.
    /// </summary>
    ValueTask<IReadOnlyList<DateOnly>> ChangeDaysAsync(DateOnly after, DateOnly until, CancellationToken cancellationToken = default);
}

/// <summary>The local-candidate preference rules (rules/local-candidate-preference.json).</summary>
public interface ILocalPreferencePolicy
{
    ValueTask<LocalPreferenceDecision> DecideAsync(LocalPreferenceFacts facts, CancellationToken cancellationToken = default);

    /// <summary>
    /// The postcode districts the serving rules count as living in Luton today (lutonDistricts), in capitals as
    /// workers' districts are kept: reports count local residents by the same list the shortlist ranks them by.
    /// </summary>
    ValueTask<IReadOnlySet<string>> LutonDistrictsAsync(CancellationToken cancellationToken = default);
}

/// <summary>The placement-length rules (rules/placement-length-limits.json).</summary>
public interface IPlacementLengthPolicy
{
    ValueTask<PlacementLengthDecision> DecideAsync(PlacementLengthFacts facts, CancellationToken cancellationToken = default);

    /// <summary>How breaks in work affect the AWR clock, as the serving rules set it today.</summary>
    ValueTask<AwrBreakRules> AwrBreakRulesAsync(CancellationToken cancellationToken = default);

    /// <summary>The points the rules flag at today (AWR weeks, review and long-running months), for counting placements by length.</summary>
    ValueTask<Placements.LengthBands> LengthBandsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The first day after the decision's on which the rules may decide the placement differently, if nothing about it
    /// is saved meanwhile: <paramref name="factsOn"/> gives its facts on a day ahead. Never later than the day after
    /// <paramref name="last"/>.
    /// </summary>
    ValueTask<DateOnly> MayChangeOnAsync(PlacementLengthDecision decision, Func<DateOnly, PlacementLengthFacts> factsOn, DateOnly last, CancellationToken cancellationToken = default);
}

/// <summary>The permanent-conversion eligibility rules (rules/permanent-conversion-eligibility.json).</summary>
public interface IConversionPolicy
{
    ValueTask<ConversionDecision> DecideAsync(ConversionFacts facts, CancellationToken cancellationToken = default);

    /// <summary>The figures the serving rules set today for continuity and for pricing a permanent post.</summary>
    ValueTask<ConversionTerms> TermsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The first day after the decision's on which a worker the rules did not find eligible may be, if nothing about
    /// them is saved meanwhile: <paramref name="factsOn"/> gives their facts on a day ahead. Never later than the day
    /// after <paramref name="last"/>.
    /// </summary>
    ValueTask<DateOnly> MayChangeOnAsync(ConversionDecision decision, Func<DateOnly, ConversionFacts> factsOn, DateOnly last, CancellationToken cancellationToken = default);
}

/// <summary>The supplier release rules (rules/supplier-release.json).</summary>
public interface ISupplierReleasePolicy
{
    ValueTask<SupplierReleaseDecision> DecideAsync(SupplierReleaseFacts facts, CancellationToken cancellationToken = default);

    /// <summary>The terms agencies put candidates forward on, as the serving rules set them today.</summary>
    ValueTask<SupplierReleaseTerms> TermsAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The terms the supplier release rules set for agencies: how long the first valid submission of a person owns them
/// for a requisition, so no other agency may put the same person forward meanwhile.
/// </summary>
public sealed record SupplierReleaseTerms(int CandidateOwnershipDays, string RuleVersion);

/// <summary>
/// The rule sets as they are serving now: for health, the rules pages and officers' warnings. A rule set whose
/// file is broken keeps serving its last good version and carries the errors beside it.
/// </summary>
public interface IRuleSetCatalogue
{
    IReadOnlyList<RuleSetStatus> Current { get; }

    /// <summary>The rule sets once each has been loaded from its files (or refused), as at start.</summary>
    Task<IReadOnlyList<RuleSetStatus>> LoadedAsync(CancellationToken cancellationToken = default);

    /// <summary>The serving version of a rule set, for reading; null for a name that is not a registered rule set.</summary>
    RuleSetView? Describe(string name);

    /// <summary>What people call a rule set ("Pay-rate caps"); the name itself for one that is not registered.</summary>
    string DisplayNameOf(string name);
}

public sealed record RuleSetStatus(
    string Name,
    string? ServingVersion,
    DateTimeOffset? LoadedAt,
    IReadOnlyList<RuleSetProblem> Problems)
{
    public bool IsServing => ServingVersion is not null;

    /// <summary>What people call the rule set ("Pay-rate caps").</summary>
    public string DisplayName { get; init; } = Name;
}

/// <summary>
/// One thing wrong with a rule file, located as precisely as the check can: the file, the rule, the line. Its message
/// often quotes the file (a name, a label, an expression): any hidden character in it is written out ("[U+202E]"),
/// so a right-to-left override quoted from the file cannot turn the page's text round. <see cref="Rule"/> stays as
/// written, to find the rule by; <see cref="ToString"/> writes it out too.
/// </summary>
public sealed record RuleSetProblem(string File, string? Rule, int? Line, string Message)
{
    private readonly string _message = HiddenCharacters.Shown(Message);

    public string Message
    {
        get => _message;
        init => _message = HiddenCharacters.Shown(value);
    }

    public override string ToString() =>
        $"{File}{(Line is { } line ? $" (line {line})" : string.Empty)}{(Rule is null ? string.Empty : $", at '{HiddenCharacters.Shown(Rule)}'")}: {Message}";
}

/// <summary>A rule set is needed but has never loaded successfully: a deployment fault, not a user's mistake.</summary>
public sealed class PolicyUnavailableException : Exception
{
    public PolicyUnavailableException(string ruleSet, string displayName, string message) : base(message) => (RuleSet, DisplayName) = (ruleSet, displayName);

    public PolicyUnavailableException(string message) : base(message) { }

    public PolicyUnavailableException() { }

    public PolicyUnavailableException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The rule set that is not serving, by its file name without .json; null where not known.</summary>
    public string? RuleSet { get; }

    /// <summary>What people call that rule set ("Placement length limits").</summary>
    public string? DisplayName { get; }
}
