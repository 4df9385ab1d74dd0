using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Common.Time;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
using Connect2Luton.Application.RuleSets.Cases;
using Connect2Luton.Web.Forms;
using Connect2Luton.Web.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Rules;

/// <summary>
/// An officer edits a rule file's text as it is (nothing reformatted), checks it against every rule and test case,
/// and saves it with a comment. If someone else saved first, they are told and shown the difference.
/// </summary>
[Authorize(Policy = Permissions.EditRules)]
public sealed class EditModel(IRuleSetPublisher publisher, IRuleSetCatalogue catalogue, IRuleSetSamples samples, RuleSetEditing editing, RuleSetWhatIf whatIf, RuleSetRealCases realCases, RuleDraftEditor draftEditor, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EditForm Input { get; set; } = new();

    // Each form below is bound by its own name: with none of its fields posted, the binder would otherwise fall back
    // to binding it from the whole form and the route, where {name} would pass for a value's or rule's name.

    /// <summary>Named values as typed in their fields, by name: set in the draft's text before anything else is done with it.</summary>
    [BindProperty(Name = nameof(Values))]
    public Dictionary<string, string?> Values { get; set; } = [];

    /// <summary>What each named value's field showed: a field posted as it was shown leaves the text alone.</summary>
    [BindProperty(Name = nameof(ValuesShown))]
    public Dictionary<string, string?> ValuesShown { get; set; } = [];

    /// <summary>The draft's rules as typed in their forms, by rule name: set in the draft's text, like the values.</summary>
    [BindProperty(Name = nameof(Rules))]
    public Dictionary<string, RuleFields> Rules { get; set; } = [];

    /// <summary>The draft's rules in order, for their forms.</summary>
    public IReadOnlyList<RuleText> RuleList { get; private set; } = [];

    /// <summary>A rule to add after the draft's last.</summary>
    [BindProperty(Name = nameof(NewRule))]
    public NewRuleForm NewRule { get; set; } = new();

    /// <summary>After a rule was added through its form: its name.</summary>
    public string? RuleAdded { get; private set; }

    /// <summary>What failing a rule of this rule set may mean, and which of those need approvers.</summary>
    public IReadOnlyList<string> FailureOutcomes { get; private set; } = [];

    public IReadOnlyList<string> OutcomesNeedingApprovers { get; private set; } = [];

    /// <summary>Whether a field under the prefix was refused, so its part of the page opens to show why.</summary>
    public bool HasErrorsUnder(string prefix) =>
        ModelState.Any(m => m.Key.StartsWith(prefix, StringComparison.Ordinal) && m.Value?.Errors.Count > 0);

    // Whether the rules' forms were written into the draft; if not, they show what was typed, to be put right.
    private bool _rulesTaken;
    private bool _valuesTaken;

    /// <summary>The draft's named values with what each is, for the fields above the text.</summary>
    public IReadOnlyList<(string Name, string Expression, string? Description)> NamedValues { get; private set; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<DatedExpression>> NamedValueChanges { get; private set; } = new Dictionary<string, IReadOnlyList<DatedExpression>>();

    /// <summary>Sample facts to try the draft on, by fact name, as typed.</summary>
    [BindProperty]
    public Dictionary<string, string?> Sample { get; set; } = [];

    /// <summary>The name for the sample when it is kept as a test case.</summary>
    [BindProperty]
    public string? CaseName { get; set; }

    public IReadOnlyList<FactView> Facts { get; private set; } = [];

    /// <summary>After trying the sample: what the draft decided, rule by rule.</summary>
    public PolicyDecision? Tried { get; private set; }

    /// <summary>The version the officer started from: a save over a newer one is refused.</summary>
    [BindProperty]
    public string StartedFrom { get; set; } = string.Empty;

    public ServingRuleFile Serving { get; private set; } = null!;

    public IReadOnlyList<RuleSetProblem> Problems { get; private set; } = [];

    /// <summary>After a check that found nothing wrong.</summary>
    public bool CheckedClean { get; private set; }

    /// <summary>After a what-if: the decisions the draft would change.</summary>
    public WhatIfResult? WhatIf { get; private set; }

    /// <summary>The day "What would change?" decides as on; empty for today.</summary>
    [BindProperty]
    public DateInput WhatIfOn { get; set; } = new();

    public bool CanTryWhatIf => whatIf.Supports(Serving.Name);

    /// <summary>After a refused save: what is serving now beside the officer's draft.</summary>
    public RuleFileDiff? Underneath { get; private set; }

    public RuleFileDiff? UnderneathCases { get; private set; }

    public IActionResult OnGet(string name)
    {
        if (publisher.Serving(name) is not { } serving) return NotFound();
        Serving = serving;
        Input.Json = serving.Json;
        Input.TestCases = serving.TestCasesJson;
        StartedFrom = serving.Revision;
        // A rule set that never loaded opens on the refused files, with what is wrong with them, to be put right here.
        if (!serving.IsServing) Problems = catalogue.Current.FirstOrDefault(s => s.Name == name)?.Problems ?? [];
        Sample = samples.DefaultSample(name, serving.TestCasesJson).ToDictionary(f => f.Key, f => (string?)f.Value);
        return Page();
    }

    /// <summary>Writes the values and rules changed in their fields into the draft's text; nothing is saved.</summary>
    public IActionResult OnPostApply(string name) => ReadDraft(name) is null ? NotFound() : Page();

    /// <summary>Runs every check and the test cases on the draft; nothing is saved.</summary>
    public IActionResult OnPostCheck(string name)
    {
        if (ReadDraft(name) is not { } ready) return NotFound();
        if (!ready) return Page();
        Problems = publisher.Check(name, Input.Json!, string.IsNullOrWhiteSpace(Input.TestCases) ? Serving.TestCasesJson : Input.TestCases);
        if (Problems.Count > 0) ModelState.AddModelError("Input.Json", $"The draft has {Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}: see the list below the rule file");
        else CheckedClean = true;
        return Page();
    }

    /// <summary>Decides the sample facts with the draft and shows each rule's result; nothing is saved.</summary>
    public IActionResult OnPostTrySample(string name)
    {
        if (TrySample(name) is { } notHere) return notHere;
        return Page();
    }

    /// <summary>Keeps the sample, with what the draft decides for it, as a new test case in the draft's cases.</summary>
    public IActionResult OnPostAddCase(string name)
    {
        if (TrySample(name) is { } notHere) return notHere;
        if (Tried is null) return Page();
        if (string.IsNullOrWhiteSpace(CaseName) || CaseName.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(CaseName), "Name the test case (200 characters at most): say what it pins, like 'Social worker a penny over the cap'");
            return Page();
        }
        var (cases, problem) = samples.WithTestCase(name, Input.TestCases ?? Serving.TestCasesJson ?? string.Empty, CaseName.Trim(), Sample, Tried.Outcome);
        if (problem is not null)
        {
            ModelState.AddModelError(problem.StartsWith("There is already", StringComparison.Ordinal) ? nameof(CaseName) : "Input.TestCases", problem);
            return Page();
        }
        ModelState.Remove("Input.TestCases");
        Input.TestCases = cases;
        CaseAdded = CaseName.Trim();
        return Page();
    }

    /// <summary>A real case to take the sample's facts from: a placement, or for local-candidate preference a worker for a requisition.</summary>
    [BindProperty]
    public RealCaseForm RealCase { get; set; } = new();

    public bool TakesACandidate => realCases.TakesACandidate(Serving.Name);

    public bool HasRealCases => realCases.HasRealCases(Serving.Name);

    /// <summary>After taking a real case's facts: which case they are.</summary>
    public string? RealCaseUsed { get; private set; }

    /// <summary>Fills the sample with a real case's facts as they stand today, and tries the draft on them; nothing is saved.</summary>
    public async Task<IActionResult> OnPostUseRealCaseAsync(string name, CancellationToken cancellationToken)
    {
        if (ReadDraft(name) is not { } ready) return NotFound();
        if (!ready) return Page();
        var found = await realCases.FindAsync(name, new RealCase(Number(RealCase.PlacementId), Number(RealCase.RequisitionId), Number(RealCase.WorkerId)), cancellationToken);
        if (found.Facts is null)
        {
            ModelState.AddModelError($"{nameof(RealCase)}.{found.Field}", found.Problem!);
            return Page();
        }
        Sample = samples.SampleOf(found.Facts).ToDictionary(f => f.Key, f => (string?)f.Value);
        RealCaseUsed = found.Describes;
        if (TryDraft(name) is { } draft) Tried = draft.Decide(found.Facts);
        return Page();
    }

    // A number as typed; anything else is no number, which the case explains beside the field.
    private static int? Number(string? typed) =>
        int.TryParse(typed?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>After a sample was kept as a test case: its name. The cases are saved with the rule file.</summary>
    public string? CaseAdded { get; private set; }

    private NotFoundResult? TrySample(string name)
    {
        if (ReadDraft(name) is not { } ready) return NotFound();
        if (!ready) return null;
        var (facts, errors) = samples.FactsFrom(name, Sample);
        foreach (var (fact, error) in errors) ModelState.AddModelError(fact.Length == 0 ? string.Empty : $"Sample[{fact}]", fact.Length == 0 ? error : $"{fact} {error}");
        if (facts is not null && TryDraft(name) is { } draft) Tried = draft.Decide(facts);
        return null;
    }

    /// <summary>
    /// The start of every post: the rule set, and the draft with its line endings kept and the values typed in their
    /// fields set in it. Null for a rule set that is not there; false, with the errors, when the draft cannot go on.
    /// </summary>
    private bool? ReadDraft(string name)
    {
        if (publisher.Serving(name) is not { } serving) return null;
        Serving = serving;
        KeepLineEndings(serving);
        if (string.IsNullOrWhiteSpace(Input.Json))
        {
            ModelState.AddModelError("Input.Json", "The rule file cannot be empty");
            return false;
        }
        return ApplyFields();
    }

    /// <summary>The values' fields, then the rules' forms, written into the draft: false, with the errors, if either cannot be.</summary>
    private bool ApplyFields()
    {
        var edit = draftEditor.Apply(Serving.Name, Input.Json!,
            Values.Select(v => new ValueEdit(v.Key, v.Value, ValuesShown.GetValueOrDefault(v.Key))).ToList(),
            Rules.Where(r => r.Value is not null).Select(r => new RuleEdit(r.Key, r.Value!.ToRule(r.Key), r.Value.Shown, r.Value.Remove)).ToList(),
            new NewRuleInput(NewRule.Name, NewRule.Expression, NewRule.ErrorMessage, NewRule.SuccessEvent, NewRule.Description, NewRule.Outcome, NewRule.Approvers));
        foreach (var (field, message) in edit.Errors) ModelState.AddModelError(field == DraftEdit.JsonField ? "Input.Json" : field, message);
        _valuesTaken = edit.ValuesTaken;
        _rulesTaken = edit.RulesTaken;
        // The field shows what was posted unless told otherwise: it must show the draft with what was taken written in
        // (the values, even when a rule's form was refused).
        if (edit.Json != Input.Json)
        {
            ModelState.Remove("Input.Json");
            Input.Json = edit.Json;
        }
        if (!edit.Succeeded) return false;
        RuleAdded = edit.RuleAdded;
        return true;
    }

    /// <summary>The draft compiled to decide with, or null with its problems shown.</summary>
    private IRuleSetTrial? TryDraft(string name)
    {
        var (draft, problems) = publisher.Try(name, Input.Json!);
        if (draft is not null) return draft;
        Problems = problems;
        ModelState.AddModelError("Input.Json", "The draft cannot be tried until the problems below are put right");
        return null;
    }

    /// <summary>Decides every live placement under the serving rules and under the draft, and lists what would change.</summary>
    public async Task<IActionResult> OnPostWhatIfAsync(string name, CancellationToken cancellationToken)
    {
        if (ReadDraft(name) is not { } ready) return NotFound();
        var on = ModelState.Date(nameof(WhatIfOn), WhatIfOn, "The day to decide as on");
        var today = clock.Today();
        if (on is { } day && !RuleSetWhatIf.IsWithinReach(day, today))
            ModelState.AddModelError(nameof(WhatIfOn), $"The day to decide as on must be within {RuleSetWhatIf.MostYearsAway} years of today, {today:d MMMM yyyy}");
        if (ModelState.TryGetValue(nameof(WhatIfOn), out var entry) && entry.Errors.Count > 0) return Page();
        if (!ready || TryDraft(name) is not { } draft || publisher.ServingTrial(name) is not { } current) return Page();
        WhatIf = await whatIf.RunAsync(name, current, draft, on, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string name, CancellationToken cancellationToken)
    {
        if (publisher.Serving(name) is not { } serving) return NotFound();
        Serving = serving;
        KeepLineEndings(serving);
        if (!string.IsNullOrWhiteSpace(Input.Json) && !ApplyFields()) return Page();
        var saved = await editing.SaveAsync(name, Input.Json, Input.TestCases, StartedFrom, Input.Comment, cancellationToken);
        if (saved.Result.Succeeded)
        {
            TempData["Done"] = "Saved: the new version is serving";
            return RedirectToPage("History", new { name });
        }
        if (this.Unreachable(saved.Result) is { } unreachable) return unreachable;
        Problems = saved.Problems;
        ModelState.AddRefusal(saved.Result);
        if (saved.ChangedUnderneath is { } now)
        {
            Serving = now;
            Underneath = RuleFileDiff.Between("Serving now", now.Json, "Your version", Input.Json ?? string.Empty);
            UnderneathCases = now.TestCasesJson == Input.TestCases ? null
                : RuleFileDiff.Between("Test cases serving now", now.TestCasesJson ?? string.Empty, "Your test cases", Input.TestCases ?? string.Empty);
            // Saving again is a decision made with the difference in view.
            StartedFrom = now.Revision;
        }
        return Page();
    }

    // Not a handler: Razor Pages takes any On{Verb}{Name} method the page model declares for one, and an override
    // is declared here, so without this a request with the method "PAGE" reached it (and failed with a 500).
    [NonHandler]
    public override void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Whatever the handler did, the fields show the draft as it now stands.
        if (Serving is null || context.Result is not PageResult) return;
        var view = catalogue.Describe(Serving.Name);
        var descriptions = view?.NamedValues.ToDictionary(v => v.Name, v => v.Description) ?? [];
        FailureOutcomes = view?.FailureOutcomes ?? [];
        OutcomesNeedingApprovers = view?.OutcomesNeedingApprovers ?? [];
        NamedValueChanges = publisher.NamedValueChangesOf(Input.Json ?? Serving.Json);
        NamedValues = (publisher.NamedValuesOf(Input.Json ?? Serving.Json) ?? publisher.NamedValuesOf(Serving.Json) ?? [])
            .Select(v => (v.Key, v.Value, descriptions.GetValueOrDefault(v.Key))).ToList();
        Facts = samples.FactsOf(Serving.Name);
        if (Sample.Count == 0) Sample = samples.DefaultSample(Serving.Name, Input.TestCases ?? Serving.TestCasesJson).ToDictionary(f => f.Key, f => (string?)f.Value);
        ShowValues();
        ShowRules();
    }

    // Values the draft took show as the draft now has them; values it did not take show as typed, to be put right.
    private void ShowValues()
    {
        var typed = Values;
        var shown = ValuesShown;
        Values = [];
        ValuesShown = [];
        foreach (var (name, expression, _) in NamedValues)
        {
            var keep = !_valuesTaken && typed.ContainsKey(name);
            Values[name] = keep ? typed[name] : expression;
            ValuesShown[name] = keep ? shown.GetValueOrDefault(name) ?? expression : expression;
        }
    }

    private void ShowRules()
    {
        RuleList = publisher.RulesOf(Input.Json ?? Serving.Json) ?? publisher.RulesOf(Serving.Json) ?? [];
        var typed = Rules;
        Rules = [];
        foreach (var rule in RuleList)
        {
            if (!_rulesTaken && typed.TryGetValue(rule.Name, out var asTyped))
            {
                asTyped.Shown ??= RuleFields.FingerprintOf(rule);
                Rules[rule.Name] = asTyped;
                continue;
            }
            Rules[rule.Name] = RuleFields.Of(rule);
            // The fields show the draft, not what was posted: the rule may have been changed in the text, or taken out and put back.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith($"Rules[{rule.Name}].", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        }
        if (RuleAdded is not null)
        {
            NewRule = new NewRuleForm();
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith($"{nameof(NewRule)}.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        }
    }

    // Browsers send a textarea's lines ending CR LF whatever the text had: put back the endings the files use, so
    // a save changes only what the officer changed.
    private void KeepLineEndings(ServingRuleFile serving)
    {
        Input.Json = Input.Json?.ReplaceLineEndings(serving.Json.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n");
        Input.TestCases = Input.TestCases?.ReplaceLineEndings(serving.TestCasesJson?.Contains("\r\n", StringComparison.Ordinal) == true ? "\r\n" : "\n");
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

/// <summary>A text field in a table row of the edit page: its form key, its name as rules write it, what it is, its value.</summary>
public sealed record FieldRow(string Key, string Code, string? Hint, string? Value, string? InputClass = null)
{
    /// <param name="changes">The value's dated changes, said after its description: the field holds the value until the first.</param>
    public static FieldRow ForValue(string name, string? description, string? value, IReadOnlyList<DatedExpression>? changes = null) =>
        new($"Values[{name}]", name,
            DatedExpression.InWords(changes ?? []) is { } dated ? $"{description} This value holds until the first change. {dated} Dated changes are edited in the file's text below." : description,
            value, "app-rule-editor");

    public static FieldRow ForFact(FactView fact, string? value)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new($"Sample[{fact.Name}]", $"input.{fact.Name}", $"{fact.Description} ({fact.Type})", value);
    }
}
