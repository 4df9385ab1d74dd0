using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Policies;
using Connect2Luton.Application.RuleSets;
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
[Authorize(Roles = $"{Roles.PolicyOfficer},{Roles.Admin}")]
public sealed class EditModel(IRuleSetPublisher publisher, IRuleSetCatalogue catalogue, IRuleSetSamples samples, RuleSetEditing editing, RuleSetWhatIf whatIf, RuleSetRealCases realCases) : PageModel
{
    [BindProperty]
    public EditForm Input { get; set; } = new();

    /// <summary>Named values as typed in their fields, by name: set in the draft's text before anything else is done with it.</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    /// <summary>The draft's named values with what each is, for the fields above the text.</summary>
    public IReadOnlyList<(string Name, string Expression, string? Description)> NamedValues { get; private set; } = [];

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

    public bool CanTryWhatIf => RuleSetWhatIf.Supports(Serving.Name);

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
        Sample = samples.DefaultSample(name, serving.TestCasesJson).ToDictionary(f => f.Key, f => (string?)f.Value);
        return Page();
    }

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

    public bool TakesACandidate => RuleSetRealCases.TakesACandidate(Serving.Name);

    /// <summary>After taking a real case's facts: which case they are.</summary>
    public string? RealCaseUsed { get; private set; }

    /// <summary>Fills the sample with a real case's facts as they stand today, and tries the draft on them; nothing is saved.</summary>
    public async Task<IActionResult> OnPostUseRealCaseAsync(string name, CancellationToken cancellationToken)
    {
        if (ReadDraft(name) is not { } ready) return NotFound();
        if (!ready) return Page();
        var found = RuleSetRealCases.TakesACandidate(name)
            ? await realCases.ForCandidateAsync(Number(RealCase.RequisitionId), Number(RealCase.WorkerId), cancellationToken)
            : await realCases.ForPlacementAsync(name, Number(RealCase.PlacementId), cancellationToken);
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
        return ApplyValues();
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
        if (!ready || TryDraft(name) is not { } draft || publisher.ServingTrial(name) is not { } current) return Page();
        WhatIf = await whatIf.RunAsync(name, current, draft, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string name, CancellationToken cancellationToken)
    {
        if (publisher.Serving(name) is not { } serving) return NotFound();
        Serving = serving;
        KeepLineEndings(serving);
        if (!string.IsNullOrWhiteSpace(Input.Json) && !ApplyValues()) return Page();
        var saved = await editing.SaveAsync(name, Input.Json, Input.TestCases, StartedFrom, Input.Comment, cancellationToken);
        if (saved.Result.Succeeded)
        {
            TempData["Done"] = "Saved: the new version is serving";
            return RedirectToPage("History", new { name });
        }
        switch (saved.Result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Forbidden:
                return Forbid();
        }
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

    public override void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Whatever the handler did, the fields show the draft as it now stands.
        if (Serving is null || context.Result is not PageResult) return;
        var descriptions = catalogue.Describe(Serving.Name)?.NamedValues.ToDictionary(v => v.Name, v => v.Description) ?? [];
        NamedValues = (publisher.NamedValuesOf(Input.Json ?? Serving.Json) ?? publisher.NamedValuesOf(Serving.Json) ?? [])
            .Select(v => (v.Key, v.Value, descriptions.GetValueOrDefault(v.Key))).ToList();
        Facts = samples.FactsOf(Serving.Name);
        if (Sample.Count == 0) Sample = samples.DefaultSample(Serving.Name, Input.TestCases ?? Serving.TestCasesJson).ToDictionary(f => f.Key, f => (string?)f.Value);
        // A field refused keeps what was typed in it, beside its error; the others show the draft's values.
        Values = NamedValues.ToDictionary(v => v.Name, v => ModelState.TryGetValue($"Values[{v.Name}]", out var entry) && entry.Errors.Count > 0
            ? entry.AttemptedValue
            : v.Expression);
    }

    /// <summary>Sets the named values typed in their fields into the draft's text; false, with the errors, if it cannot.</summary>
    private bool ApplyValues()
    {
        var current = publisher.NamedValuesOf(Input.Json!)?.ToDictionary(v => v.Key, v => v.Value) ?? [];
        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        var empty = false;
        foreach (var (valueName, typed) in Values)
        {
            if (!current.TryGetValue(valueName, out var expression) || typed?.Trim() == expression) continue;
            if (string.IsNullOrWhiteSpace(typed))
            {
                ModelState.AddModelError($"Values[{valueName}]", $"Enter a value for {valueName}");
                empty = true;
            }
            else changed[valueName] = typed;
        }
        if (empty) return false;
        if (changed.Count == 0) return true;
        var (json, problems) = publisher.WithNamedValues(Input.Json!, changed);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError("Input.Json", problem);
            return false;
        }
        // The field shows what was posted unless told otherwise: it must show the draft with the values set.
        ModelState.Remove("Input.Json");
        Input.Json = json;
        return true;
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
    public static FieldRow ForValue(string name, string? description, string? value) => new($"Values[{name}]", name, description, value, "app-rule-editor");

    public static FieldRow ForFact(FactView fact, string? value)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new($"Sample[{fact.Name}]", $"input.{fact.Name}", $"{fact.Description} ({fact.Type})", value);
    }
}
