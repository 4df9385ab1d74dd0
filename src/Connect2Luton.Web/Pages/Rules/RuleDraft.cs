using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Application.RuleSets.Cases;
using Connect2Luton.Web.Forms;
using Connect2Luton.Web.Rules;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>
/// The rules workspace's one form: the draft and everything typed beside it, posted whole to whichever page acts on
/// it (change and save, try a sample, what would change), and what that page shows after. Each page binds it without
/// a prefix, so the fields keep their names (Input.Json, Values[name], Rules[name].Expression, Sample[fact]).
/// </summary>
public sealed class RuleDraft
{
    public EditForm Input { get; set; } = new();

    /// <summary>Named values as typed in their fields, by name: set in the draft's text before anything else is done with it.</summary>
    public Dictionary<string, string?> Values { get; set; } = [];

    /// <summary>What each named value's field showed: a field posted as it was shown leaves the text alone.</summary>
    public Dictionary<string, string?> ValuesShown { get; set; } = [];

    /// <summary>For a value changing from a later day: the day, as typed, by value name.</summary>
    public Dictionary<string, string?> ChangeFrom { get; set; } = [];

    /// <summary>For a value changing from a later day: what it changes to, as typed, by value name.</summary>
    public Dictionary<string, string?> ChangeTo { get; set; } = [];

    /// <summary>The draft's rules as typed in their forms, by rule name: set in the draft's text, like the values.</summary>
    public Dictionary<string, RuleFields> Rules { get; set; } = [];

    /// <summary>A rule to add after the draft's last.</summary>
    public NewRuleForm NewRule { get; set; } = new();

    /// <summary>Sample facts to try the draft on, by fact name, as typed.</summary>
    public Dictionary<string, string?> Sample { get; set; } = [];

    /// <summary>The name for the sample when it is kept as a test case.</summary>
    public string? CaseName { get; set; }

    /// <summary>A real case to take the sample's facts from.</summary>
    public RealCaseForm RealCase { get; set; } = new();

    /// <summary>The day "What would change?" decides as on; empty for today.</summary>
    public DateInput WhatIfOn { get; set; } = new();

    /// <summary>The version the officer started from: a save over a newer one is refused.</summary>
    public string StartedFrom { get; set; } = string.Empty;

    // What the page shows after acting on the draft: never posted, so never bound or validated (the serving rule set
    // is not there until the page has read it, and would otherwise count as a required field left empty).

    [BindNever, ValidateNever] public ServingRuleFile Serving { get; set; } = null!;
    [BindNever, ValidateNever] public IReadOnlyList<RuleText> RuleList { get; set; } = [];
    [BindNever, ValidateNever] public string? RuleAdded { get; set; }
    [BindNever, ValidateNever] public IReadOnlyList<string> FailureOutcomes { get; set; } = [];
    [BindNever, ValidateNever] public IReadOnlyList<string> OutcomesNeedingApprovers { get; set; } = [];
    [BindNever, ValidateNever] public IReadOnlyList<NamedValueView> NamedValues { get; set; } = [];
    [BindNever, ValidateNever] public DateOnly Today { get; set; }
    [BindNever, ValidateNever] public IReadOnlyList<FactView> Facts { get; set; } = [];
    [BindNever, ValidateNever] public PolicyDecision? Tried { get; set; }
    [BindNever, ValidateNever] public IReadOnlyList<RuleSetProblem> Problems { get; set; } = [];
    [BindNever, ValidateNever] public bool CheckedClean { get; set; }
    [BindNever, ValidateNever] public WhatIfResult? WhatIf { get; set; }
    [BindNever, ValidateNever] public bool CanTryWhatIf { get; set; }
    [BindNever, ValidateNever] public RealCaseKind RealCases { get; set; }
    [BindNever, ValidateNever] public bool HasRealCases { get; set; }
    [BindNever, ValidateNever] public string? RealCaseUsed { get; set; }
    [BindNever, ValidateNever] public string? CaseAdded { get; set; }
    [BindNever, ValidateNever] public CaseReview Cases { get; set; } = CaseReview.None;
    [BindNever, ValidateNever] public int? CasesAccepted { get; set; }
    [BindNever, ValidateNever] public (string? Json, string? Cases)? Reviewed { get; set; }
    [BindNever, ValidateNever] public RuleFileDiff? Underneath { get; set; }
    [BindNever, ValidateNever] public RuleFileDiff? UnderneathCases { get; set; }

    // Whether the fields were written into the draft; if not, they show what was typed, to be put right.
    [BindNever, ValidateNever] public bool ValuesTaken { get; set; }
    [BindNever, ValidateNever] public bool RulesTaken { get; set; }

    /// <summary>
    /// Each problem the checks found, said as where it is (a value by its label, a rule in words, a test case by
    /// its name, a line of the file) and linking there, for the error summary at the top of the page.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ProblemLinks()
    {
        var values = NamedValues.GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var rules = RuleList.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var casesFile = $"{Serving.Name}.cases.json";
        return Problems.Select(p => Shown(p)).ToList();

        // Each says the rule, value or case as written (its name, its label): hidden characters in them are written out, as in the message.
        KeyValuePair<string, string> Shown(RuleSetProblem p)
        {
            var link = Link(p);
            return new(link.Key, HiddenCharacters.Shown(link.Value));
        }

        KeyValuePair<string, string> Link(RuleSetProblem p)
        {
            var line = p.Line is { } n ? $" (line {n})" : "";
            if (p.File == casesFile)
                return new KeyValuePair<string, string>("#Input_TestCases", p.Rule is null ? $"The test cases{line}: {p.Message}" : $"Test case \"{p.Rule}\"{line}: {p.Message}");
            if (p.Rule is { } owner && values.TryGetValue(owner, out var value))
                return new("#value-" + owner, $"{value.Called}{line}: {p.Message}");
            if (p.Rule is { } rule && rules.Contains(rule))
                return new("#rule-" + rule, $"The rule \"{Application.RuleSets.Values.CodeWords.Of(rule)}\"{line}: {p.Message}");
            return new("#Input_Json", $"The rule file{line}: {p.Message}");
        }
    }

    public sealed class RealCaseForm
    {
        public string? PlacementId { get; set; }
        public string? RequisitionId { get; set; }
        public string? WorkerId { get; set; }
    }

    public sealed class EditForm
    {
        public string? Json { get; set; }
        public string? TestCases { get; set; }
        public string? Comment { get; set; }
    }
}
