using System.Text.Json;
using Connect2Luton.Domain.Decisions;

namespace Connect2Luton.Application.Policies;

/// <summary>
/// What a rule set decided and why: the outcome, each rule that applied with whether it passed and its message,
/// the named values it used (a cap, a threshold), the facts it was given, and the version of the rule file.
/// </summary>
public sealed class PolicyDecision
{
    public required string RuleSet { get; init; }

    /// <summary>The content hash (SHA-256) of the rule file that decided.</summary>
    public required string Version { get; init; }

    public required string Outcome { get; init; }

    /// <summary>The rules that applied, in file order. Rules that did not apply to these facts are left out.</summary>
    public required IReadOnlyList<RuleVerdict> Rules { get; init; }

    /// <summary>The named values the applying rules used, by name: e.g. "dfeCap" = 45.00.</summary>
    public required IReadOnlyDictionary<string, object?> Figures { get; init; }

    public required object Facts { get; init; }

    public IEnumerable<RuleVerdict> Failed => Rules.Where(r => !r.Passed);

    /// <summary>The decision as the record kept with the change it allowed.</summary>
    public RuleDecision ToRecord(string decidedBy, DateTimeOffset decidedAt) =>
        new(RuleSet, Version, Outcome, JsonSerializer.Serialize(Facts, Facts.GetType(), JsonSerializerOptions.Web),
            Rules.Select(r => new DecisionReason(r.Rule, r.Passed, r.Message, r.Passed ? null : r.Outcome)), decidedBy, decidedAt);
}

/// <summary>
/// One rule's verdict. The message is written out only when someone reads it, so a nightly scan of every live
/// placement does not format text nobody sees.
/// </summary>
public sealed class RuleVerdict(string rule, bool passed, string? outcome, string? flag, string? approvers, Func<string> message)
{
    private string? _message;

    public string Rule { get; } = rule;
    public bool Passed { get; } = passed;

    /// <summary>What failing this rule means (e.g. "Refused", "NeedsException"); null where it only informs.</summary>
    public string? Outcome { get; } = outcome;

    /// <summary>The placement flag failing this rule raises, if any.</summary>
    public string? Flag { get; } = flag;

    /// <summary>Who must sign off when this rule fails and its outcome allows an exception.</summary>
    public string? Approvers { get; } = approvers;

    /// <summary>For a rule that holds a rate to a cap: the cap.</summary>
    public decimal? Cap { get; init; }

    /// <summary>For a rule that holds a rate to a cap: the figure measured against it.</summary>
    public decimal? Measured { get; init; }

    public string Message => _message ??= message();

    public override string ToString() => $"{Rule}: {(Passed ? "passed" : "failed")} - {Message}";
}
